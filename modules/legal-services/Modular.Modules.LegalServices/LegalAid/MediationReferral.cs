using Modular.Contracts.Integration;
using Modular.Contracts.Mediation;
using Modular.Kit.Checks;
using Modular.Kit.Records;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>
/// A mediation that failed in a matter of 法律援助法 Art 31 arrives as a draft application pre-filled from the event;
/// a clerk confirms it with the applicant (it becomes a received application) or dismisses it with a reason. Nothing is
/// filed without a person. The stream id comes from the dispute's id, so a replayed event adds nothing.
/// </summary>
internal sealed class MediationReferral : IIntegrationEventHandler<MediationFailedInLegalAidMatter>
{
    public async Task HandleAsync(MediationFailedInLegalAidMatter e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var id = StreamId(e.DisputeId);
        if (await context.Operations.Events.FetchStreamStateAsync(id, cancellationToken) is not null)
        {
            return;
        }

        var idNumber = IdentityNumbers.IsValidResidentId(e.Applicant.IdNumber) ? e.Applicant.IdNumber!.ToUpperInvariant() : null;
        var drafted = new ApplicationDrafted(id, e.DisputeId, e.DisputeNumber, e.FailedOn, e.Matter,
            new Applicant(e.Applicant.Name, idNumber, e.Applicant.Phone, e.Applicant.Address),
            [.. e.OpposingParties.Select(p => p.Name)], e.Village, e.Summary, e.FailureReason, e.Mediator);
        context.Operations.Events.StartStream<LegalAidApplication>(id, drafted);

        // Operations written from the event relay do not run inline projections: the snapshot is stored with the stream.
        var draft = LegalAidApplication.Create(drafted);
        draft.Version = 1;
        context.Operations.Store(draft);
    }

    public static Guid StreamId(Guid disputeId) => StableIds.Of("legal-services.legal-aid-referral", disputeId);
}
