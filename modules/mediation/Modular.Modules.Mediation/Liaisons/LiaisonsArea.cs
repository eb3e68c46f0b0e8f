using Modular.Kit.Steps;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>Registers the Liaisons area (信息联络员): the roster, the leads they report, their services, Marten types and endpoints.</summary>
[AreaOrder(30)]
internal sealed class LiaisonsArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation => [new(new("信息联络员", "Information liaisons"), "liaisons", Permissions.LiaisonsRead, 30)];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<LiaisonOptions>()
            .BindConfiguration(LiaisonOptions.Section)
            .Validate(o => o.LeadOpenDays >= 1, "Modular:Mediation:Liaisons:LeadOpenDays must be at least 1.");
        services.AddScoped<LiaisonQueries>();
        services.AddScoped<AppointLiaison>();
        services.AddScoped<LiaisonSteps>();
        services.AddScoped<LeadFollowUp>();
        services.AddScoped<LeadQueries>();
        services.AddScoped<LeadCounts>();
        services.AddScoped<ReportLead>();
        services.AddScoped<CloseLead>();
        services.AddScoped<LeadIntake>();
        services.AddScoped<IDashboardFigures, LeadDashboard>();
        services.AddScoped<IDeadlineSource, LeadDeadlines>();
        services.AddScoped<IDemoData, LiaisonDemo>();
        services.AddScoped<Contracts.Integration.IIntegrationEventHandler<Contracts.LegalServices.ConsultationRoutedToMediation>, TakeConsultationAsLead>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<LiaisonAppointed>("mediation.liaison-appointed.v1");
        options.Events.MapEventType<LiaisonDetailsUpdated>("mediation.liaison-details-updated.v1");
        options.Events.MapEventType<LiaisonStoodDown>("mediation.liaison-stood-down.v1");
        options.Events.MapEventType<LeadReported>("mediation.lead-reported.v1");
        options.Events.MapEventType<LeadBecameDispute>("mediation.lead-became-dispute.v1");
        options.Events.MapEventType<LeadClosed>("mediation.lead-closed.v1");
        options.Events.MapEventType<LeadReferredFromConsultation>("mediation.lead-referred-from-consultation.v1");
        options.Projections.Snapshot<Liaison>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Lead>(SnapshotLifecycle.Inline);
        options.Schema.For<Liaison>().Index(l => l.Village).Index(l => l.IsActive);
        options.Schema.For<Lead>().Index(l => l.LiaisonId).Index(l => l.State).Index(l => l.ReportedOn).Index(l => l.Village);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var liaisons = api.MapGroup("/liaisons");
        liaisons.MapGet("", LiaisonEndpoints.RosterAsync).RequireAuthorization(Permissions.LiaisonsRead);
        liaisons.MapPost("", AppointLiaison.EndpointAsync).RequireAuthorization(Permissions.LiaisonsManage);
        liaisons.MapGet("/counts", LiaisonEndpoints.CountsAsync).RequireAuthorization(Permissions.LiaisonsRead);
        liaisons.MapGet("/{id:guid}", LiaisonEndpoints.LiaisonAsync).RequireAuthorization(Permissions.LiaisonsRead);
        liaisons.MapGet("/{id:guid}/timeline", LiaisonEndpoints.LiaisonTimelineAsync).RequireAuthorization(Permissions.LiaisonsRead);
        liaisons.MapPut("/{id:guid}", (Guid id, LiaisonInput input, LiaisonSteps steps, LiaisonQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => steps.UpdateAsync(id, input, ct), () => queries.GetAsync(id, ct))).RequireAuthorization(Permissions.LiaisonsManage);
        liaisons.MapPost("/{id:guid}/stand-down", (Guid id, StandDownInput input, LiaisonSteps steps, LiaisonQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => steps.StandDownAsync(id, input, ct), () => queries.GetAsync(id, ct))).RequireAuthorization(Permissions.LiaisonsManage);
        liaisons.MapPost("/{id:guid}/reveal", LiaisonEndpoints.RevealAsync).RequireAuthorization(Permissions.LiaisonsRead, Permissions.PersonalDataReveal);

        var leads = api.MapGroup("/leads");
        leads.MapGet("", LiaisonEndpoints.LeadsAsync).RequireAuthorization(Permissions.LiaisonsRead);
        leads.MapPost("", ReportLead.EndpointAsync).RequireAuthorization(Permissions.LiaisonsManage);
        leads.MapGet("/{id:guid}", LiaisonEndpoints.LeadAsync).RequireAuthorization(Permissions.LiaisonsRead);
        leads.MapGet("/{id:guid}/timeline", LiaisonEndpoints.LeadTimelineAsync).RequireAuthorization(Permissions.LiaisonsRead);
        leads.MapPost("/{id:guid}/closure", (Guid id, CloseLeadInput input, CloseLead close, LeadQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => close.CloseAsync(id, input, ct), () => queries.GetAsync(id, ct))).RequireAuthorization(Permissions.LiaisonsManage);
    }
}
