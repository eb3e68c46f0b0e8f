using Modular.Kit.Input;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Study.Steps;

/// <summary>One person's line as posted: their roster id, present or the reason they were away, an online course's hours.</summary>
internal sealed class AttendanceLineInput
{
    public Guid? StaffId { get; set; }

    public string? Mark { get; set; }

    public string? Note { get; set; }

    public decimal? Hours { get; set; }
}

internal sealed class TakeAttendanceInput : StudyStepInput
{
    public IReadOnlyList<AttendanceLineInput?>? Entries { get; set; }
}

/// <summary>
/// 签到: the attendance is taken from the roster, or corrected: the whole list as it now stands. Each person listed was
/// on the roster on the session's day; someone away has a reason (公差, 病假, 事假, or another, written out); only an
/// online course records hours per person (what each completed, up to the course's length).
/// </summary>
internal sealed class TakeAttendance(StudyStepContext context, StaffRoster roster)
{
    public const string Step = "attendance";

    public static IReadOnlyList<object> Decide(StudySession session, TakeAttendanceInput input, IReadOnlyDictionary<Guid, StaffMember> staff, string by, InputErrors errors)
    {
        StudySession.Steps.Expect(session, Step, errors);
        var lines = input.Entries ?? [];
        if (lines.Count > StaffRoster.MaxRoster)
        {
            errors.Add("entries", $"签到名单不能超过{StaffRoster.MaxRoster}人", $"At most {StaffRoster.MaxRoster} people can be listed.");
            return [];
        }

        var entries = new List<AttendanceEntry>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (Line(session, lines[i], $"entries[{i}]", staff, entries, errors) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return errors.Any ? [] : [new AttendanceTaken(entries, by)];
    }

    private static AttendanceEntry? Line(StudySession session, AttendanceLineInput? line, string at, IReadOnlyDictionary<Guid, StaffMember> staff, List<AttendanceEntry> taken, InputErrors errors)
    {
        if (line?.StaffId is not { } id)
        {
            errors.Add($"{at}.staffId", "请选择人员", "Choose the person.");
            return null;
        }

        if (!staff.TryGetValue(id, out var member) || !member.OnRosterOn(session.HeldOn))
        {
            errors.Add($"{at}.staffId", "该人员在学习当天不在花名册上", "This person was not on the roster on the day of the session.");
        }
        else if (taken.Any(t => t.StaffId == id))
        {
            errors.Add($"{at}.staffId", $"{member.Name}已在名单中", $"{member.Name} is listed twice.");
        }

        var mark = errors.Choice<AttendanceMark>($"{at}.mark", line.Mark, "出勤情况", "attendance");
        var note = errors.Optional($"{at}.note", line.Note, "缺席说明", "Note", 200);
        if (mark == AttendanceMark.Other && note is null)
        {
            errors.Add($"{at}.note", "其他原因缺席须写明原因", "Say why the person was away.");
        }

        decimal? hours = null;
        if (line.Hours is not null)
        {
            if (session.Kind != StudyKind.Online)
            {
                errors.Add($"{at}.hours", "只有网络课程按人记录学时", "Only an online course records hours per person.");
            }
            else if (mark != AttendanceMark.Present)
            {
                errors.Add($"{at}.hours", "缺席人员没有学时", "Someone away has no hours.");
            }
            else
            {
                hours = errors.Hours($"{at}.hours", line.Hours, "个人学时", "Hours", 0.5m, session.Hours);
            }
        }

        return mark is { } m && !errors.Has($"{at}.staffId") ? new AttendanceEntry(id, m, note, hours) : null;
    }

    public async Task<bool> RunAsync(Guid id, TakeAttendanceInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var people = await roster.FindManyAsync((input.Entries ?? []).Take(StaffRoster.MaxRoster + 1).Select(e => e?.StaffId).OfType<Guid>(), ct);
        return await context.RunAsync(id, input.Version, errors, s => Decide(s, input, people, context.By, errors), ct);
    }
}
