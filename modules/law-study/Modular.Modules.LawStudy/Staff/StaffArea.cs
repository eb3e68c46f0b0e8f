using Microsoft.AspNetCore.Http;
using Modular.Contracts.Modules;
using Modular.Modules.LawStudy.Staff.Steps;

namespace Modular.Modules.LawStudy.Staff;

/// <summary>
/// The staff roster (工作人员花名册): who works in the township, in which office, on which post, and whether the post is
/// an enforcement post. Every other area of the module refers to people through <see cref="StaffRoster"/>. Ordered
/// first, so its demo seeds before the demos that name its people.
/// </summary>
[AreaOrder(10)]
internal sealed class StaffArea : IModuleArea
{
    public const string RosterRead = "law-study.roster.read";
    public const string RosterWrite = "law-study.roster.write";

    public IEnumerable<NavigationEntry> Navigation => [new(new("工作人员花名册", "Staff roster"), "staff", RosterRead, 10)];

    public IEnumerable<ModulePermission> Permissions =>
    [
        new(RosterRead, new("查看工作人员花名册", "Read the staff roster"),
            [LawStudy.Permissions.StudyClerkRole, LawStudy.Permissions.ExamOrganiserRole, LawStudy.Permissions.EnforcementSupervisorRole, LawStudy.Permissions.HeadRole]),
        new(RosterWrite, new("登记、变更工作人员", "Enter and change staff on the roster"), [LawStudy.Permissions.StudyClerkRole]),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<StaffRoster>();
        services.AddScoped<RegisterStaffMember>();
        services.AddScoped<ChangeStaffMember>();
        services.AddScoped<RecordLeaving>();
        services.AddScoped<RevealStaffData>();
        services.AddScoped<StaffImport>();
        services.AddScoped<IDemoData, StaffDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<StaffMemberRegistered>("law-study.staff-member-registered.v1");
        options.Events.MapEventType<StaffMemberChanged>("law-study.staff-member-changed.v1");
        options.Events.MapEventType<StaffMemberLeft>("law-study.staff-member-left.v1");
        options.Projections.Snapshot<StaffMember>(SnapshotLifecycle.Inline, (ProjectionBase projection) => projection.Name = "law_study_staff_member");
        options.Schema.For<StaffMember>().DocumentAlias("law_study_staff_member").Index(m => m.UserName);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var staff = api.MapGroup("/staff");
        staff.MapGet("", StaffRoster.ListEndpointAsync).RequireAuthorization(RosterRead);
        staff.MapPost("", RegisterStaffMember.EndpointAsync).RequireAuthorization(RosterWrite).ProducesValidationProblem();
        staff.MapGet("/export.xlsx", StaffFiles.ExportAsync).RequireAuthorization(RosterRead);
        staff.MapGet("/template.xlsx", StaffFiles.Template).RequireAuthorization(RosterRead);
        staff.MapPost("/import", StaffFiles.ImportAsync).RequireAuthorization(RosterWrite).DisableAntiforgery();
        staff.MapGet("/me", StaffRoster.MeEndpointAsync).RequireAuthorization(LawStudy.Permissions.Self);
        staff.MapGet("/{id:guid}", StaffRoster.GetEndpointAsync).RequireAuthorization(RosterRead);
        staff.MapGet("/{id:guid}/timeline", StaffRoster.TimelineEndpointAsync).RequireAuthorization(RosterRead);
        staff.MapPost("/{id:guid}/reveal", RevealStaffData.EndpointAsync).RequireAuthorization(LawStudy.Permissions.PersonalDataReveal);
        staff.MapPost($"/{{id:guid}}/{ChangeStaffMember.Step}", ChangeStaffMember.EndpointAsync).RequireAuthorization(RosterWrite);
        staff.MapPost($"/{{id:guid}}/{RecordLeaving.Step}", RecordLeaving.EndpointAsync).RequireAuthorization(RosterWrite);
    }
}
