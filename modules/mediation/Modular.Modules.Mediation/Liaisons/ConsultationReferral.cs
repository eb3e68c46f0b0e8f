using Modular.Contracts.Integration;
using Modular.Contracts.LegalServices;
using Modular.Kit.Records;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>
/// The public legal service station routed a consultation to the people's mediation window: it is a lead here, open
/// until a mediator takes it in as a dispute (the intake, filled from it) or closes it, like a liaison's.
/// </summary>
/// <param name="Phone">The person's phone as the station has it: shown masked, for the mediator to call back.</param>
internal sealed record LeadReferredFromConsultation(
    Guid Id, Guid ConsultationId, string ConsultationNumber, DateOnly ReferredOn, string Village, string TopicName, string Question,
    string? Note, string PersonName, string? Phone, string RoutedBy);

/// <summary>Where a lead came from when no liaison reported it.</summary>
internal sealed record LeadReferral(Guid ConsultationId, string ConsultationNumber, string? Phone, string RoutedBy)
{
    public string Source => $"公共法律服务工作站（法律咨询 {ConsultationNumber}）";
}

/// <summary>
/// Takes a consultation routed to people's mediation as a lead to confirm, never as a dispute nobody confirmed. Only in
/// townships where mediation is enabled when the event is relayed: the relay passes each event once, so enabling the
/// module later does not bring earlier routings in. The lead's id comes from the consultation's, so a replay adds nothing.
/// </summary>
internal sealed class TakeConsultationAsLead : IIntegrationEventHandler<ConsultationRoutedToMediation>
{
    public async Task HandleAsync(ConsultationRoutedToMediation e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var id = StableIds.Of("mediation.lead-from-consultation", e.ConsultationId);
        if (await context.Operations.Events.FetchStreamStateAsync(id, cancellationToken) is not null)
        {
            return;
        }

        var referred = new LeadReferredFromConsultation(id, e.ConsultationId, e.ConsultationNumber, e.RoutedOn, e.Village, e.TopicName, e.Question,
            e.Note, e.Person.Name, e.Person.Phone, e.RoutedBy);
        context.Operations.Events.StartStream<Lead>(id, referred);

        // Operations written from the relay do not run inline projections: the snapshot is stored with the stream.
        var lead = Lead.Create(referred);
        lead.Version = 1;
        context.Operations.Store(lead);
    }
}
