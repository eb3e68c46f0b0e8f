using Modular.Contracts.Modules;
using Modular.Kit.Steps;
using Modular.Modules.LawStudy.Staff.Steps;

namespace Modular.Modules.LawStudy.Staff;

internal enum StaffState
{
    OnRoster,
    Left,
}

/// <summary>
/// A member of the township's staff (工作人员) and where they stand: the inline snapshot of their stream. Every other
/// area of the module refers to a person by this id: the sessions they attended, the exams they sat, the
/// certificate they hold. Nobody is deleted: a person who leaves stays on the record, their hours and certificates
/// with them.
/// </summary>
internal sealed class StaffMember
{
    public static readonly StepTable<StaffMember, StaffState> Steps = new StepTable<StaffMember, StaffState>(m => m.State, Label)
        .Allow(ChangeStaffMember.Step, StaffState.OnRoster)
        .Allow(RecordLeaving.Step, StaffState.OnRoster);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Name { get; set; } = "";

    public string Department { get; set; } = "";

    public string Post { get; set; } = "";

    /// <summary>Whether the post is an enforcement post (执法岗位): its holder needs a valid enforcement certificate.</summary>
    public bool EnforcementPost { get; set; }

    /// <summary>The platform user the person signs in as (lower case), to sit exams and see their own hours.</summary>
    public string? UserName { get; set; }

    /// <summary>Personal data: shown masked, revealed only with a reason (<see cref="RevealStaffData"/>).</summary>
    public string? IdNumber { get; set; }

    /// <summary>Personal data: shown masked, revealed only with a reason.</summary>
    public string? Phone { get; set; }

    public DateOnly JoinedOn { get; set; }

    public StaffState State { get; set; }

    public DateOnly? LeftOn { get; set; }

    public string? LeavingReason { get; set; }

    /// <summary>Whether the person was on the roster on <paramref name="day"/>: counted for that day's targets and exams.</summary>
    public bool OnRosterOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || LeftOn > day);

    public static StaffMember Create(StaffMemberRegistered e) => new()
    {
        Id = e.Id,
        Name = e.Name,
        Department = e.Department,
        Post = e.Post,
        EnforcementPost = e.EnforcementPost,
        UserName = e.UserName,
        IdNumber = e.IdNumber,
        Phone = e.Phone,
        JoinedOn = e.JoinedOn,
        State = StaffState.OnRoster,
    };

    public void Apply(StaffMemberChanged e)
    {
        Name = e.Name;
        Department = e.Department;
        Post = e.Post;
        EnforcementPost = e.EnforcementPost;
        UserName = e.UserName;
        IdNumber = e.IdNumber;
        Phone = e.Phone;
    }

    public void Apply(StaffMemberLeft e)
    {
        State = StaffState.Left;
        LeftOn = e.LeftOn;
        LeavingReason = e.Reason;
    }

    public static LocalizedText Label(StaffState state) => state switch
    {
        StaffState.OnRoster => new("在册", "On the roster"),
        StaffState.Left => new("已离岗", "Left"),
        _ => new(state.ToString(), state.ToString()),
    };
}
