using Microsoft.AspNetCore.Http;
using Modular.Contracts.Integration;
using Modular.Contracts.Mediation;
using Modular.Contracts.Storage;
using Modular.Modules.LegalServices.LegalAid.Steps;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>Registers the legal-aid relay (法律援助法 2022): its permissions, services, Marten types and endpoints.</summary>
[AreaOrder(30)]
internal sealed class LegalAidArea : IModuleArea
{
    public const string Read = "legal-services.legal-aid.read";
    public const string Handle = "legal-services.legal-aid.handle";

    public IEnumerable<NavigationEntry> Navigation => [new(new("法律援助", "Legal aid"), "legal-aid", Read, 30)];

    public IEnumerable<ModulePermission> Permissions =>
    [
        new(Read, new("查看法律援助申请（个人信息脱敏）", "Read legal-aid applications (masked)"),
            [LegalServices.Permissions.LegalAidLiaisonRole, LegalServices.Permissions.StationClerkRole, LegalServices.Permissions.JudicialOfficeHeadRole]),
        new(Handle, new("接收、转交法律援助申请并登记各环节", "Receive, forward and record legal-aid applications"),
            [LegalServices.Permissions.LegalAidLiaisonRole, LegalServices.Permissions.JudicialOfficeHeadRole]),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<LegalAidClock>();
        services.AddScoped<LegalAidSettingsStore>();
        services.AddScoped<LegalAidQueries>();
        services.AddScoped<LegalAidStepContext>();
        services.AddScoped<ReceiveApplication>();
        services.AddScoped<LegalAidRegisterImport>();
        services.AddScoped<LegalAidDocuments>();
        services.AddScoped<LegalAidFigures>();
        services.AddScoped<IDashboardFigures, LegalAidDashboard>();
        services.AddScoped<IDeadlineSource, LegalAidDeadlines>();
        services.AddScoped<IAnnualReportSections, LegalAidReportSection>();
        services.AddScoped<IDemoData, LegalAidDemo>();
        services.AddScoped<IIntegrationEventHandler<MediationFailedInLegalAidMatter>, MediationReferral>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<ApplicationDrafted>("legal-services.legal-aid-application-drafted.v1");
        options.Events.MapEventType<DraftDismissed>("legal-services.legal-aid-draft-dismissed.v1");
        options.Events.MapEventType<ApplicationReceived>("legal-services.legal-aid-application-received.v1");
        options.Events.MapEventType<MaterialsRequested>("legal-services.legal-aid-materials-requested.v1");
        options.Events.MapEventType<MaterialsSupplied>("legal-services.legal-aid-materials-supplied.v1");
        options.Events.MapEventType<ApplicationWithdrawn>("legal-services.legal-aid-application-withdrawn.v1");
        options.Events.MapEventType<ApplicationForwarded>("legal-services.legal-aid-application-forwarded.v1");
        options.Events.MapEventType<AgencyReceiptRecorded>("legal-services.legal-aid-agency-receipt-recorded.v1");
        options.Events.MapEventType<ProvisionalAidProvided>("legal-services.legal-aid-provisional-aid-provided.v1");
        options.Events.MapEventType<ProvisionalPaperworkCompleted>("legal-services.legal-aid-provisional-paperwork-completed.v1");
        options.Events.MapEventType<AidGranted>("legal-services.legal-aid-granted.v1");
        options.Events.MapEventType<AidRefused>("legal-services.legal-aid-refused.v1");
        options.Events.MapEventType<ObjectionFiled>("legal-services.legal-aid-objection-filed.v1");
        options.Events.MapEventType<ObjectionDecided>("legal-services.legal-aid-objection-decided.v1");
        options.Events.MapEventType<AidAssigned>("legal-services.legal-aid-assigned.v1");
        options.Events.MapEventType<AidStarted>("legal-services.legal-aid-started.v1");
        options.Events.MapEventType<AidTerminated>("legal-services.legal-aid-terminated.v1");
        options.Events.MapEventType<AidClosed>("legal-services.legal-aid-closed.v1");
        options.Events.MapEventType<RecipientVisited>("legal-services.legal-aid-recipient-visited.v1");
        options.Events.MapEventType<LegalAidSettingsSet>("legal-services.legal-aid-settings-set.v1");
        options.Projections.Snapshot<LegalAidApplication>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<LegalAidSettings>(SnapshotLifecycle.Inline);
        // The host leads every index with tenant_id: the register filters by state and matter, figures by the days.
        options.Schema.For<LegalAidApplication>()
            .Index(a => a.Number)
            .Index(a => a.State)
            .Index(a => a.IsOpen)
            .Index(a => a.StationReceivedOn!)
            .Index(a => a.GrantedOn!)
            .Index(a => a.RefusedOn!)
            .Index(a => a.ClosedOn!)
            .Index(a => a.TerminatedOn!);
        options.Schema.For<LegalAidNumberCounter>().UseOptimisticConcurrency(true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var aid = api.MapGroup("/legal-aid");
        aid.MapGet("", LegalAidEndpoints.RegisterAsync).RequireAuthorization(Read);
        aid.MapPost("", ReceiveApplication.EndpointAsync).RequireAuthorization(Handle).ProducesValidationProblem();
        aid.MapGet("/figures", LegalAidEndpoints.FiguresAsync).RequireAuthorization(Read).LagTolerantRead();
        aid.MapGet("/export.xlsx", LegalAidEndpoints.ExportAsync).RequireAuthorization(Read);
        aid.MapGet("/template.xlsx", LegalAidRegisterImport.Template).RequireAuthorization(Read);
        aid.MapPost("/import", LegalAidRegisterImport.EndpointAsync).RequireAuthorization(Handle).DisableAntiforgery();
        aid.MapGet("/settings", LegalAidEndpoints.SettingsAsync).RequireAuthorization(Read);
        aid.MapPost("/settings", LegalAidEndpoints.SetSettingsAsync).RequireAuthorization(LegalServices.Permissions.Settings);
        aid.MapGet("/{id:guid}", LegalAidEndpoints.GetAsync).RequireAuthorization(Read);
        aid.MapGet("/{id:guid}/timeline", LegalAidEndpoints.TimelineAsync).RequireAuthorization(Read);
        aid.MapGet("/{id:guid}/{paper}.docx", LegalAidDocuments.EndpointAsync).RequireAuthorization(Read);
        aid.MapPost("/{id:guid}/applicant/reveal", LegalAidEndpoints.RevealApplicantAsync).RequireAuthorization(Read, LegalServices.Permissions.PersonalDataReveal);
        aid.MapPost("/{id:guid}/representative/reveal", LegalAidEndpoints.RevealRepresentativeAsync).RequireAuthorization(Read, LegalServices.Permissions.PersonalDataReveal);
        aid.MapPost("/{id:guid}/means/reveal", LegalAidEndpoints.RevealMeansAsync).RequireAuthorization(Read, LegalServices.Permissions.PersonalDataReveal);
        ConfirmDraftStep.Map(aid);
        DismissDraftStep.Map(aid);
        RequestMaterialsStep.Map(aid);
        SupplyMaterialsStep.Map(aid);
        WithdrawForNoReplyStep.Map(aid);
        ForwardApplicationStep.Map(aid);
        RecordAgencyReceiptStep.Map(aid);
        ProvideProvisionalAidStep.Map(aid);
        CompletePaperworkStep.Map(aid);
        GrantAidStep.Map(aid);
        RefuseAidStep.Map(aid);
        FileObjectionStep.Map(aid);
        DecideObjectionStep.Map(aid);
        AssignAidStep.Map(aid);
        StartAidStep.Map(aid);
        TerminateAidStep.Map(aid);
        CloseAidStep.Map(aid);
        VisitRecipientStep.Map(aid);
    }
}
