using Microsoft.AspNetCore.Http;
using Modular.Contracts.LawStudy;
using Modular.Contracts.Modules;
using Modular.Contracts.Storage;
using Modular.Modules.LawStudy.Enforcement.Steps;

namespace Modular.Modules.LawStudy.Enforcement;

/// <summary>
/// Enforcement tasks (行政检查、行政处罚、行政强制) and the assignment gate (行政处罚法 第四十二条), offered to other
/// modules as the contract <see cref="IEnforcementQualification"/>; concluded tasks feed open-government's annual
/// disclosure report through <see cref="EnforcementDecisionRecorded"/>.
/// </summary>
[AreaOrder(50)]
internal sealed class EnforcementArea : IModuleArea
{
    public const string Read = "law-study.enforcement.read";
    public const string Write = "law-study.enforcement.write";

    public IEnumerable<NavigationEntry> Navigation => [new(new("执法任务", "Enforcement tasks"), "enforcement/tasks", Read, 50)];

    public IEnumerable<ModulePermission> Permissions =>
    [
        new(Read, new("查看执法任务登记", "Read the enforcement task register"), [LawStudy.Permissions.EnforcementSupervisorRole, LawStudy.Permissions.HeadRole]),
        new(Write, new("登记执法任务、指派执法人员、办结", "Record tasks, assign officers, conclude"), [LawStudy.Permissions.EnforcementSupervisorRole]),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<TaskQueries>();
        services.AddScoped<RecordTask>();
        services.AddScoped<AssignOfficers>();
        services.AddScoped<ConcludeTask>();
        services.AddScoped<EnforcementFigures>();
        services.AddScoped<EnforcementQualificationProvider>();
        services.AddScoped<IEnforcementQualification>(sp => sp.GetRequiredService<EnforcementQualificationProvider>());
        services.AddScoped<IAnnualReportSections, EnforcementReportSection>();
        services.AddScoped<IDemoData, EnforcementDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<EnforcementTaskRecorded>("law-study.enforcement-task-recorded.v1");
        options.Events.MapEventType<OfficersAssigned>("law-study.officers-assigned.v1");
        options.Events.MapEventType<EnforcementTaskConcluded>("law-study.enforcement-task-concluded.v1");
        options.Events.MapEventType<AssignmentRefused>("law-study.assignment-refused.v1");
        options.Projections.Snapshot<EnforcementTask>(SnapshotLifecycle.Inline, (ProjectionBase projection) => projection.Name = "law_study_enforcement_task");
        options.Projections.Snapshot<AssignmentRefusal>(SnapshotLifecycle.Inline, (ProjectionBase projection) => projection.Name = "law_study_assignment_refusal");
        options.Schema.For<EnforcementTask>().DocumentAlias("law_study_enforcement_task").Index(t => t.On).Index(t => t.Year);
        options.Schema.For<AssignmentRefusal>().DocumentAlias("law_study_assignment_refusal").Index(r => r.Year);
        options.Schema.For<EnforcementTaskCounter>().DocumentAlias("law_study_enforcement_task_counter").UseOptimisticConcurrency(true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var tasks = api.MapGroup("/enforcement/tasks");
        tasks.MapGet("", TaskEndpoints.ListAsync).RequireAuthorization(Read);
        tasks.MapPost("", RecordTask.EndpointAsync).RequireAuthorization(Write).ProducesValidationProblem();
        tasks.MapGet("/figures", TaskEndpoints.FiguresAsync).RequireAuthorization(Read).LagTolerantRead();
        tasks.MapGet("/{id:guid}", TaskEndpoints.GetAsync).RequireAuthorization(Read);
        tasks.MapGet("/{id:guid}/timeline", TaskEndpoints.TimelineAsync).RequireAuthorization(Read);
        tasks.MapPost($"/{{id:guid}}/{AssignOfficers.Step}", AssignOfficers.EndpointAsync).RequireAuthorization(Write);
        tasks.MapPost($"/{{id:guid}}/{ConcludeTask.Step}", ConcludeTask.EndpointAsync).RequireAuthorization(Write);
        api.MapPost("/enforcement/qualification", TaskEndpoints.QualificationAsync).RequireAuthorization(Read).ProducesValidationProblem();
    }
}
