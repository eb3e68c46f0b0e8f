using Microsoft.AspNetCore.Http;
using Modular.Contracts.Storage;
using Modular.Modules.Mediation.Disputes.Steps;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>Registers the Disputes area (矛盾纠纷, 人民调解): its services, Marten types and endpoints.</summary>
[AreaOrder(10)]
internal sealed class DisputesArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation => [new(new("矛盾纠纷", "Disputes"), "disputes", Permissions.DisputesRead, 5)];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<DisputeClock>();
        services.AddScoped<DisputeSettingsReader>();
        services.AddScoped<DisputeSettingsSteps>();
        services.AddScoped<DisputeQueries>();
        services.AddScoped<TakeInDispute>();
        services.AddScoped<DisputeStepContext>();
        services.AddScoped<LinkHousehold>();
        services.AddScoped<AgreementDocument>();
        services.AddScoped<DisputeLedgerImport>();
        services.AddScoped<DisputeFigures>();
        services.AddScoped<IDashboardFigures, DisputeDashboard>();
        services.AddScoped<IDeadlineSource, DisputeDeadlines>();
        services.AddScoped<IDemoData, DisputeDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<DisputeTakenIn>("mediation.dispute-taken-in.v1");
        options.Events.MapEventType<MediationStarted>("mediation.dispute-mediation-started.v1");
        options.Events.MapEventType<MediationRefused>("mediation.dispute-mediation-refused.v1");
        options.Events.MapEventType<MediatorAssigned>("mediation.dispute-mediator-assigned.v1");
        options.Events.MapEventType<MediationSessionHeld>("mediation.dispute-session-held.v1");
        options.Events.MapEventType<DisputeRouted>("mediation.dispute-routed.v1");
        options.Events.MapEventType<PoliceNotified>("mediation.dispute-police-notified.v1");
        options.Events.MapEventType<AgreementDrafted>("mediation.dispute-agreement-drafted.v1");
        options.Events.MapEventType<AgreementSigned>("mediation.dispute-agreement-signed.v1");
        options.Events.MapEventType<OralAgreementReached>("mediation.dispute-oral-agreement-reached.v1");
        options.Events.MapEventType<MediationFailed>("mediation.dispute-mediation-failed.v1");
        options.Events.MapEventType<PerformanceChecked>("mediation.dispute-performance-checked.v1");
        options.Events.MapEventType<CourtConfirmationApplied>("mediation.dispute-court-confirmation-applied.v1");
        options.Events.MapEventType<FollowUpVisited>("mediation.dispute-follow-up-visited.v1");
        options.Events.MapEventType<DisputeArchived>("mediation.dispute-archived.v1");
        options.Events.MapEventType<LedgerOutcomeImported>("mediation.dispute-ledger-outcome-imported.v1");
        options.Events.MapEventType<PartyHouseholdLinked>("mediation.dispute-party-household-linked.v1");
        options.Events.MapEventType<DisputeCategoryAdded>("mediation.dispute-category-added.v1");
        options.Events.MapEventType<DisputeCategoryRenamed>("mediation.dispute-category-renamed.v1");
        options.Events.MapEventType<DisputeCategoryRetired>("mediation.dispute-category-retired.v1");
        options.Events.MapEventType<DisputePracticeSet>("mediation.dispute-practice-set.v1");
        options.Projections.Snapshot<Dispute>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<DisputeSettings>(SnapshotLifecycle.Inline);
        // The host leads every index with tenant_id (platform policy): without it the ledger's newest-first page walks the
        // received-on index of the whole county (bench/mediation-results.md).
        options.Schema.For<Dispute>()
            .Index(d => d.Number)
            .Index(d => d.State)
            .Index(d => d.IsOpen)
            .Index(d => d.ReceivedOn)
            .Index(d => d.ResolvedOn)
            .Index(d => d.Category)
            .Index(d => d.Village)
            .Index(d => d.Mediator!)
            // The year's figures (DisputeFigures, on the ledger page) ask for disputes received, resolved, failed, routed
            // or refused in the period: with an index on each day the OR is a bitmap of five index ranges, not a scan
            // of every dispute of the township.
            .Index(d => d.FailedOn)
            .Index(d => d.RoutedOn)
            .Index(d => d.RefusedOn)
            // The ledger filtered by village and state (the centre's usual question, 'what is agreed in this village'):
            // read in the page's order from one index and counted from it, instead of every dispute of the village
            // fetched and sorted (bench/mediation-results.md).
            .Index([d => d.Village, d => d.State, d => d.ReceivedOn, d => d.Number]);
        options.Schema.For<DisputeNumberCounter>().UseOptimisticConcurrency(true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var disputes = api.MapGroup("/disputes");
        disputes.MapGet("", DisputeEndpoints.LedgerAsync).RequireAuthorization(Permissions.DisputesRead).LagTolerantRead();
        disputes.MapPost("", TakeInDispute.EndpointAsync).RequireAuthorization(Permissions.DisputesHandle);
        disputes.MapGet("/figures", DisputeEndpoints.FiguresAsync).RequireAuthorization(Permissions.DisputesRead).LagTolerantRead();
        disputes.MapGet("/export.xlsx", DisputeEndpoints.ExportAsync).RequireAuthorization(Permissions.DisputesRead).LagTolerantRead(); // the ledger as a file; a full export's audit entry is a write: the primary's
        disputes.MapGet("/template.xlsx", DisputeEndpoints.Template).RequireAuthorization(Permissions.DisputesRead);
        disputes.MapPost("/import", DisputeEndpoints.ImportAsync).RequireAuthorization(Permissions.DisputesHandle).DisableAntiforgery();
        disputes.MapGet("/settings", DisputeEndpoints.SettingsAsync).RequireAuthorization(Permissions.DisputesRead);
        Setting(disputes, "categories", (s, input, ct) => s.AddCategoryAsync(input, ct));
        Setting(disputes, "categories/rename", (s, input, ct) => s.RenameCategoryAsync(input, ct));
        Setting(disputes, "categories/retire", (s, input, ct) => s.RetireCategoryAsync(input, ct));
        Setting(disputes, "practice", (s, input, ct) => s.SetPracticeAsync(input, ct));
        disputes.MapGet("/{id:guid}", DisputeEndpoints.GetAsync).RequireAuthorization(Permissions.DisputesRead);
        disputes.MapGet("/{id:guid}/timeline", DisputeEndpoints.TimelineAsync).RequireAuthorization(Permissions.DisputesRead);
        disputes.MapGet("/{id:guid}/agreement.docx", AgreementDocument.EndpointAsync).RequireAuthorization(Permissions.DisputesRead);
        disputes.MapPost("/{id:guid}/parties/{index:int}/reveal", DisputeEndpoints.RevealAsync).RequireAuthorization(Permissions.DisputesRead, Permissions.PersonalDataReveal);
        LinkHousehold.Map(disputes);
        StartMediationStep.Map(disputes);
        RefuseMediationStep.Map(disputes);
        AssignMediatorStep.Map(disputes);
        HoldSessionStep.Map(disputes);
        RouteDisputeStep.Map(disputes);
        NotifyPoliceStep.Map(disputes);
        DraftAgreementStep.Map(disputes);
        SignAgreementStep.Map(disputes);
        ReachOralAgreementStep.Map(disputes);
        RecordFailureStep.Map(disputes);
        CheckPerformanceStep.Map(disputes);
        RecordCourtConfirmationStep.Map(disputes);
        VisitAfterAgreementStep.Map(disputes);
        ArchiveDisputeStep.Map(disputes);
    }

    private static void Setting(IEndpointRouteBuilder group, string name, Func<DisputeSettingsSteps, DisputeSettingsInput, CancellationToken, Task> change) =>
        group.MapPost($"/settings/{name}", (DisputeSettingsInput input, DisputeSettingsSteps steps, DisputeSettingsReader settings, CancellationToken ct) =>
            DisputeEndpoints.ChangeSettingsAsync(() => change(steps, input, ct), settings, ct)).RequireAuthorization(Permissions.DisputesSettings);
}
