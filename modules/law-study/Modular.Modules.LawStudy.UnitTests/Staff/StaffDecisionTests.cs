using Modular.Kit.Input;
using Modular.Modules.LawStudy.Staff;
using Modular.Modules.LawStudy.Staff.Steps;

namespace Modular.Modules.LawStudy.UnitTests.Staff;

/// <summary>The roster's decisions: what an entry must hold, and which steps a person on or off the roster allows.</summary>
public sealed class StaffDecisionTests
{
    private static readonly DateOnly Today = new(2020, 6, 1);

    private static RegisterStaffInput Input() => new()
    {
        Name = "胡志强",
        Department = "规划建设办公室",
        Post = "规划建设执法",
        EnforcementPost = true,
        UserName = "HuZhiQiang",
        Phone = "13985700001",
        JoinedOn = "2020-01-02",
    };

    [Fact]
    public void An_entry_is_read_whole_with_the_user_name_in_lower_case()
    {
        var errors = new InputErrors();
        var registered = RegisterStaffMember.Decide(Input(), Today, errors);
        Assert.False(errors.Any);
        Assert.Equal("huzhiqiang", registered!.UserName);
        Assert.True(registered.EnforcementPost);
    }

    [Fact]
    public void Every_missing_or_bad_field_is_named_at_once()
    {
        var errors = new InputErrors();
        var input = new RegisterStaffInput { UserName = "a b", IdNumber = "52052719850101", Phone = "abc", JoinedOn = "2020-13-01" };
        Assert.Null(RegisterStaffMember.Decide(input, Today, errors));
        Assert.Equal(["department", "idNumber", "joinedOn", "name", "phone", "post", "userName"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_person_who_left_can_be_neither_changed_nor_leave_again()
    {
        var errors = new InputErrors();
        var member = StaffMember.Create(RegisterStaffMember.Decide(Input(), Today, errors)! with { Id = Guid.NewGuid() });
        var left = RecordLeaving.Decide(member, new RecordLeavingInput { LeftOn = "2020-05-31", Reason = "调离" }, Today, errors);
        member.Apply((StaffMemberLeft)Assert.Single(left));
        Assert.False(member.OnRosterOn(new DateOnly(2020, 6, 1)));
        Assert.True(member.OnRosterOn(new DateOnly(2020, 5, 30)));

        Assert.Empty(RecordLeaving.Decide(member, new RecordLeavingInput { LeftOn = "2020-06-01", Reason = "再次" }, Today, errors));
        Assert.True(errors.Has("state"));
    }

    [Fact]
    public void Nobody_leaves_before_they_joined()
    {
        var errors = new InputErrors();
        var member = StaffMember.Create(RegisterStaffMember.Decide(Input(), Today, errors)! with { Id = Guid.NewGuid() });
        Assert.Empty(RecordLeaving.Decide(member, new RecordLeavingInput { LeftOn = "2019-12-31", Reason = "调离" }, Today, errors));
        Assert.True(errors.Has("leftOn"));
    }
}
