using Modular.Kit.Input;
using Modular.Modules.LawStudy.Staff;
using Modular.Modules.LawStudy.Study;
using Modular.Modules.LawStudy.Study.Steps;

namespace Modular.Modules.LawStudy.UnitTests.Study;

/// <summary>The study decisions as pure functions: a session's fields, attendance lines, hours against targets, the step table.</summary>
public sealed class StudyDecisionTests
{
    private static readonly DateOnly Today = new(2020, 12, 31);

    private static StudySession Session(StudyKind kind = StudyKind.AllStaff, decimal hours = 2) =>
        StudySession.Create(new StudySessionRecorded(Guid.NewGuid(), kind, "学习民法典", ["《中华人民共和国民法典》"], new(2020, 6, 18), hours, "党政办公室", "clerk"));

    private static StaffMember Member(string name, DateOnly? leftOn = null) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Department = "党政办公室",
        Post = "综合文秘",
        JoinedOn = new(2020, 1, 2),
        LeftOn = leftOn,
        State = leftOn is null ? StaffState.OnRoster : StaffState.Left,
    };

    [Fact]
    public void Hours_are_half_hour_steps_within_bounds()
    {
        var errors = new InputErrors();
        Assert.Equal(1.5m, errors.Hours("hours", 1.5m, "学时", "Hours", 0.5m, 40));
        Assert.Null(errors.Hours("a", 0.3m, "学时", "Hours", 0.5m, 40));
        Assert.Null(errors.Hours("b", 41m, "学时", "Hours", 0.5m, 40));
        Assert.Null(errors.Hours("c", 0m, "学时", "Hours", 0.5m, 40));
        Assert.Equal(["a", "b", "c"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_session_names_its_laws_once_each_and_leaves_blank_lines_out()
    {
        var errors = new InputErrors();
        var recorded = RecordStudySession.Decide(new RecordStudySessionInput
        {
            Kind = "PreMeeting",
            Topic = "会前学法",
            Laws = ["《中华人民共和国民法典》", " ", "《中华人民共和国民法典》", "《中华人民共和国宪法》"],
            HeldOn = "2020-06-11",
            Hours = 1,
            Organiser = "党政办公室",
        }, Today, "clerk", errors);
        Assert.False(errors.Any);
        Assert.Equal(["《中华人民共和国民法典》", "《中华人民共和国宪法》"], recorded!.Laws);
    }

    [Fact]
    public void Attendance_lists_people_on_the_roster_that_day_once_with_a_reason_when_away()
    {
        var session = Session();
        var here = Member("李晓燕");
        var gone = Member("赵明亮", new DateOnly(2020, 3, 1));
        var staff = new Dictionary<Guid, StaffMember> { [here.Id] = here, [gone.Id] = gone };
        var errors = new InputErrors();
        var events = TakeAttendance.Decide(session, new TakeAttendanceInput
        {
            Version = 1,
            Entries =
            [
                new() { StaffId = here.Id, Mark = "Present" },
                new() { StaffId = here.Id, Mark = "SickLeave" },
                new() { StaffId = gone.Id, Mark = "Present" },
                new() { StaffId = here.Id, Mark = "Other" },
                new() { StaffId = null, Mark = "Present", Hours = 1 },
            ],
        }, staff, "clerk", errors);
        Assert.Empty(events);
        Assert.Equal(["entries[1].staffId", "entries[2].staffId", "entries[3].note", "entries[3].staffId", "entries[4].staffId"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_online_course_counts_each_persons_own_hours_and_an_absence_counts_none()
    {
        var course = Session(StudyKind.Online, 10);
        var a = Member("李晓燕");
        var b = Member("赵明亮");
        var c = Member("杨帆");
        var staff = new[] { a, b, c }.ToDictionary(m => m.Id);
        var errors = new InputErrors();
        var events = TakeAttendance.Decide(course, new TakeAttendanceInput
        {
            Entries = [new() { StaffId = a.Id, Mark = "Present", Hours = 3.5m }, new() { StaffId = b.Id, Mark = "Present" }, new() { StaffId = c.Id, Mark = "PersonalLeave" }],
        }, staff, "clerk", errors);
        course.Apply((AttendanceTaken)Assert.Single(events));
        Assert.Equal(3.5m, course.HoursOf(a.Id));
        Assert.Equal(10m, course.HoursOf(b.Id));
        Assert.Equal(0m, course.HoursOf(c.Id));

        var hours = StudyHours.Of(a, [course], 40);
        Assert.True(hours.Behind);
        Assert.Equal(36.5m, hours.Shortfall);
    }

    [Fact]
    public void A_cancelled_session_allows_nothing_and_a_post_has_its_own_target()
    {
        var session = Session();
        var errors = new InputErrors();
        session.Apply((StudySessionCancelled)CancelStudySession.Decide(session, new CancelStudySessionInput { Reason = "重复登记" }, "clerk", errors).Single());
        Assert.Empty(StudySession.Steps.Allowed(session));
        var again = new InputErrors();
        Assert.Empty(CancelStudySession.Decide(session, new CancelStudySessionInput { Reason = "x" }, "clerk", again));
        Assert.True(again.Any);

        var settings = new StudySettings();
        settings.Apply(StudySettingsStore.Decide(new StudySettingsInput { DefaultTargetHours = 40, PostTargets = [new() { Post = "领导班子成员", Hours = 48 }], DueFrom = "11-01" }, new InputErrors())!);
        Assert.Equal(48m, settings.TargetOf("领导班子成员"));
        Assert.Equal(40m, settings.TargetOf("综合文秘"));
        Assert.Equal(new DateOnly(2020, 11, 1), settings.DueFrom(2020));
    }
}
