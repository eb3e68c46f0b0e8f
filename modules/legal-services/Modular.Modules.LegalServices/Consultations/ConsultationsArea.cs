using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Contracts.Storage;
using Modular.Kit.Modules;
using Modular.Modules.LegalServices.Consultations.Steps;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>Registers the Consultations area (法律咨询, 一站式受理): the register, its steps, clocks, files and figures.</summary>
[AreaOrder(10)]
internal sealed class ConsultationsArea : IModuleArea
{
    public const string Read = "legal-services.consultations.read";
    public const string Write = "legal-services.consultations.write";

    // The periods page is readable by every consultation reader, but listed only for those who may change it (the head).
    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(new("法律咨询", "Consultations"), "consultations", Read, 10),
        new(new("法律咨询时限", "Consultation periods"), "consultations/settings", LegalServices.Permissions.Settings, 11),
    ];

    public IEnumerable<ModulePermission> Permissions =>
    [
        new(Read, new("查看法律咨询登记", "Read the consultation register"),
            [LegalServices.Permissions.StationClerkRole, LegalServices.Permissions.LegalAidLiaisonRole, LegalServices.Permissions.JudicialOfficeHeadRole]),
        new(Write, new("登记、解答、转办法律咨询，导入登记", "Register, answer and route consultations; import the register"),
            [LegalServices.Permissions.StationClerkRole, LegalServices.Permissions.JudicialOfficeHeadRole]),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ConsultationClock>();
        services.AddScoped<ConsultationSettingsStore>();
        services.AddScoped<ConsultationQueries>();
        services.AddScoped<RegisterConsultation>();
        services.AddScoped<ConsultationStepContext>();
        services.AddScoped<ConsultationImport>();
        services.AddScoped<ConsultationFigures>();
        services.AddScoped<IDashboardFigures, ConsultationDashboard>();
        services.AddScoped<IDeadlineSource, ConsultationDeadlines>();
        services.AddScoped<IAnnualReportSections, ConsultationReportSection>();
        services.AddScoped<IDemoData, ConsultationDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<ConsultationRegistered>("legal-services.consultation-registered.v1");
        options.Events.MapEventType<ConsultationAnswered>("legal-services.consultation-answered.v1");
        options.Events.MapEventType<WrittenOpinionPromised>("legal-services.consultation-written-opinion-promised.v1");
        options.Events.MapEventType<WrittenOpinionGiven>("legal-services.consultation-written-opinion-given.v1");
        options.Events.MapEventType<ConsultationRouted>("legal-services.consultation-routed.v1");
        options.Events.MapEventType<ConsultationPeriodsSet>("legal-services.consultation-periods-set.v1");
        options.Projections.Snapshot<Consultation>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<ConsultationSettings>(SnapshotLifecycle.Inline);
        // The host leads each index with the tenant: the register's newest-first page, its filters and the open list.
        options.Schema.For<Consultation>()
            .Index(c => c.ReceivedAt)
            .Index(c => c.ReceivedOn)
            .Index(c => c.IsOpen)
            .Index(c => c.Channel)
            .Index(c => c.Topic)
            .Index(c => c.State);
        options.Schema.For<ConsultationNumberCounter>().UseOptimisticConcurrency(true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var consultations = api.MapGroup("/consultations");
        consultations.MapGet("", ConsultationEndpoints.ListAsync).RequireAuthorization(Read);
        consultations.MapPost("", RegisterConsultation.EndpointAsync).RequireAuthorization(Write);
        consultations.MapGet("/figures", ConsultationEndpoints.FiguresAsync).RequireAuthorization(Read).LagTolerantRead();
        consultations.MapGet("/export.xlsx", ConsultationEndpoints.ExportAsync).RequireAuthorization(Read);
        consultations.MapGet("/template.xlsx", ConsultationEndpoints.Template).RequireAuthorization(Read);
        consultations.MapPost("/import", ConsultationEndpoints.ImportAsync).RequireAuthorization(Write).DisableAntiforgery();
        consultations.MapGet("/settings", ConsultationSettingsStore.GetEndpointAsync).RequireAuthorization(Read);
        consultations.MapPost("/settings", ConsultationSettingsStore.SetEndpointAsync).RequireAuthorization(LegalServices.Permissions.Settings);
        consultations.MapGet("/{id:guid}", ConsultationEndpoints.GetAsync).RequireAuthorization(Read);
        consultations.MapGet("/{id:guid}/timeline", ConsultationEndpoints.TimelineAsync).RequireAuthorization(Read);
        consultations.MapPost("/{id:guid}/reveal", ConsultationEndpoints.RevealAsync).RequireAuthorization(Read, LegalServices.Permissions.PersonalDataReveal);
        ConsultationStep.Map<AnswerConsultationInput>(consultations, AnswerConsultation.Step, AnswerConsultation.RunAsync);
        ConsultationStep.Map<PromiseWrittenOpinionInput>(consultations, PromiseWrittenOpinion.Step, PromiseWrittenOpinion.RunAsync);
        ConsultationStep.Map<GiveWrittenOpinionInput>(consultations, GiveWrittenOpinion.Step, GiveWrittenOpinion.RunAsync);
        ConsultationStep.Map<RouteToWindowInput>(consultations, RouteToWindow.Step, RouteToWindow.RunAsync);
    }
}
