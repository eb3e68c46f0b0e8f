using Modular.Kit.Records;
using Modular.Modules.LawStudy.Staff;
using static Modular.Kit.Text;
using static Modular.Modules.LawStudy.Study.StudyVocabulary;

namespace Modular.Modules.LawStudy.Study;

/// <summary>A line of the session list.</summary>
internal sealed record StudySessionRow(
    Guid Id, string Kind, string KindLabel, string Topic, IReadOnlyList<string> Laws, DateOnly HeldOn, decimal Hours, string Organiser,
    int Listed, int Present, string State, string StateLabel)
{
    public static StudySessionRow Of(StudySession s) =>
        new(s.Id, s.Kind.ToString(), T(Label(s.Kind)), s.Topic, s.Laws, s.HeldOn, s.Hours, s.Organiser, s.Attendance.Count, s.Present,
            s.State.ToString(), T(StudySession.Label(s.State)));
}

/// <summary>One person's line of a session's attendance, with their name as the roster has it now.</summary>
internal sealed record AttendanceView(Guid StaffId, string Name, string Department, string Mark, string MarkLabel, string? Note, decimal Hours);

/// <summary>A session as its page and the API show it.</summary>
internal sealed record StudySessionView(
    Guid Id, long Version, string Kind, string KindLabel, string Topic, IReadOnlyList<string> Laws, DateOnly HeldOn, decimal Hours, string Organiser,
    string RecordedBy, string State, string StateLabel, string? CancelReason, IReadOnlyList<AttendanceView> Attendance,
    IReadOnlyList<StudyMaterialRef> Materials, IReadOnlyList<string> Allowed);

/// <summary>Which sessions a list shows: a year's, of one kind, the cancelled ones too when asked.</summary>
internal sealed record StudyFilter(int Year, StudyKind? Kind = null, bool IncludeCancelled = false);

/// <summary>The sessions, for the pages and the API. The session is the current township's: another township's are not found.</summary>
internal sealed class StudyQueries(IQuerySession session, StaffRoster roster)
{
    /// <summary>A township holds a few dozen sessions a year, a few hundred at the most: a year is read whole.</summary>
    public const int MaxPerYear = 2000;

    public async Task<IReadOnlyList<StudySession>> SessionsAsync(StudyFilter filter, CancellationToken ct)
    {
        var from = new DateOnly(filter.Year, 1, 1);
        var to = new DateOnly(filter.Year, 12, 31);
        var query = session.Query<StudySession>().Where(s => s.HeldOn >= from && s.HeldOn <= to);
        if (!filter.IncludeCancelled)
        {
            query = query.Where(s => s.State == StudySessionState.Recorded);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }

        return await query.OrderByDescending(s => s.HeldOn).Take(MaxPerYear).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<StudySessionRow>> ListAsync(StudyFilter filter, CancellationToken ct) =>
        [.. (await SessionsAsync(filter, ct)).Select(StudySessionRow.Of)];

    public Task<StudySession?> LoadAsync(Guid id, CancellationToken ct) => session.LoadAsync<StudySession>(id, ct);

    public async Task<StudySessionView?> GetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } s)
        {
            return null;
        }

        var people = await roster.FindManyAsync(s.Attendance.Select(a => a.StaffId), ct);
        var attendance = s.Attendance.Select(a => new AttendanceView(
            a.StaffId, people.GetValueOrDefault(a.StaffId)?.Name ?? "—", people.GetValueOrDefault(a.StaffId)?.Department ?? "",
            a.Mark.ToString(), T(Label(a.Mark)), a.Note, s.HoursOf(a.StaffId))).ToList();
        return new StudySessionView(s.Id, s.Version, s.Kind.ToString(), T(Label(s.Kind)), s.Topic, s.Laws, s.HeldOn, s.Hours, s.Organiser, s.RecordedBy,
            s.State.ToString(), T(StudySession.Label(s.State)), s.CancelReason, attendance, s.Materials, StudySession.Steps.Allowed(s));
    }

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<StudySession>(session, id, Describe, ct);

    // The timeline's words: what happened, never a person's details.
    private static string Describe(object e) => e switch
    {
        StudySessionRecorded r => T($"记录学法活动：{Label(r.Kind).Chinese}，{r.Topic}", $"Recorded: {Label(r.Kind).English}, {r.Topic}"),
        AttendanceTaken a => T($"签到：列入{a.Entries.Count}人，出席{a.Entries.Count(x => x.Mark == AttendanceMark.Present)}人",
            $"Attendance: {a.Entries.Count} listed, {a.Entries.Count(x => x.Mark == AttendanceMark.Present)} present"),
        StudyMaterialAttached m => T($"上传材料：{m.Material.FileName}", $"Material attached: {m.Material.FileName}"),
        StudyMaterialRemoved => T("移除一份材料", "A material removed"),
        StudySessionCancelled c => T($"撤销：{c.Reason}", $"Cancelled: {c.Reason}"),
        _ => e.GetType().Name,
    };
}
