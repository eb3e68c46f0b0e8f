using Microsoft.AspNetCore.Http;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Contracts.Storage;
using Modular.Modules.LawStudy.Study.Steps;

namespace Modular.Modules.LawStudy.Study;

/// <summary>
/// Study sessions (学法活动) and hours (学时): who studied which law when, for how long, and who is behind the yearly
/// target of their post. Ordered after the roster, whose people its demo names.
/// </summary>
[AreaOrder(20)]
internal sealed class StudyArea : IModuleArea
{
    public const string Read = "law-study.study.read";
    public const string Write = "law-study.study.write";

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(new("学法活动", "Study sessions"), "study", Read, 20),
        new(new("学时统计", "Hours against targets"), "study/hours", Read, 21),
        new(new("学时目标设置", "Hour targets"), "study/settings", Read, 22),
        new(new("我的学法", "My law study"), "me", LawStudy.Permissions.Self, 25),
    ];

    public IEnumerable<ModulePermission> Permissions =>
    [
        new(Read, new("查看学法活动和学时", "Read study sessions and hours"),
            [LawStudy.Permissions.StudyClerkRole, LawStudy.Permissions.ExamOrganiserRole, LawStudy.Permissions.HeadRole]),
        new(Write, new("记录学法活动、签到和学习材料", "Record study sessions, attendance and materials"), [LawStudy.Permissions.StudyClerkRole]),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<StudyQueries>();
        services.AddScoped<StudyHours>();
        services.AddScoped<StudySettingsStore>();
        services.AddScoped<StudyStepContext>();
        services.AddScoped<RecordStudySession>();
        services.AddScoped<TakeAttendance>();
        services.AddScoped<AttachMaterial>();
        services.AddScoped<StudyFigures>();
        services.AddScoped<IDashboardFigures, StudyDashboard>();
        services.AddScoped<IDeadlineSource, StudyDeadlines>();
        services.AddScoped<IAnnualReportSections, StudyReportSection>();
        services.AddScoped<IDemoData, StudyDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<StudySessionRecorded>("law-study.study-session-recorded.v1");
        options.Events.MapEventType<AttendanceTaken>("law-study.attendance-taken.v1");
        options.Events.MapEventType<StudyMaterialAttached>("law-study.study-material-attached.v1");
        options.Events.MapEventType<StudyMaterialRemoved>("law-study.study-material-removed.v1");
        options.Events.MapEventType<StudySessionCancelled>("law-study.study-session-cancelled.v1");
        options.Events.MapEventType<StudyTargetsSet>("law-study.study-targets-set.v1");
        options.Projections.Snapshot<StudySession>(SnapshotLifecycle.Inline, (ProjectionBase projection) => projection.Name = "law_study_study_session");
        options.Projections.Snapshot<StudySettings>(SnapshotLifecycle.Inline, (ProjectionBase projection) => projection.Name = "law_study_study_settings");
        // The host leads each index with the tenant: a year's sessions are read by their day.
        options.Schema.For<StudySession>().DocumentAlias("law_study_study_session").Index(s => s.HeldOn);
        options.Schema.For<StudySettings>().DocumentAlias("law_study_study_settings");
        options.Schema.For<StoredStudyMaterial>().DocumentAlias("law_study_study_material").Index(m => m.SessionId);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var study = api.MapGroup("/study");
        study.MapGet("/sessions", StudyEndpoints.ListAsync).RequireAuthorization(Read);
        study.MapPost("/sessions", RecordStudySession.EndpointAsync).RequireAuthorization(Write).ProducesValidationProblem();
        study.MapGet("/sessions/{id:guid}", StudyEndpoints.GetAsync).RequireAuthorization(Read);
        study.MapGet("/sessions/{id:guid}/timeline", StudyEndpoints.TimelineAsync).RequireAuthorization(Read);
        study.MapGet("/sessions/{id:guid}/materials/{materialId:guid}", StudyEndpoints.MaterialAsync).RequireAuthorization(Read);
        study.MapPost($"/sessions/{{id:guid}}/{TakeAttendance.Step}", StudyEndpoints.AttendanceAsync).RequireAuthorization(Write);
        study.MapPost($"/sessions/{{id:guid}}/{AttachMaterial.Step}", StudyEndpoints.AttachAsync).RequireAuthorization(Write);
        study.MapPost($"/sessions/{{id:guid}}/{RemoveMaterial.Step}", StudyEndpoints.RemoveMaterialAsync).RequireAuthorization(Write);
        study.MapPost($"/sessions/{{id:guid}}/{CancelStudySession.Step}", StudyEndpoints.CancelAsync).RequireAuthorization(Write);
        study.MapGet("/hours", StudyEndpoints.HoursAsync).RequireAuthorization(Read);
        study.MapGet("/me", StudyEndpoints.MineAsync).RequireAuthorization(LawStudy.Permissions.Self);
        study.MapGet("/figures", StudyEndpoints.FiguresAsync).RequireAuthorization(Read).LagTolerantRead();
        study.MapGet("/settings", StudySettingsStore.GetEndpointAsync).RequireAuthorization(Read);
        study.MapPost("/settings", StudySettingsStore.SetEndpointAsync).RequireAuthorization(LawStudy.Permissions.Settings);
    }
}
