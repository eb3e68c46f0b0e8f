using Modular.Contracts.Time;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Study;

/// <summary>One person's study in a year against the target of their post; behind when short of it.</summary>
internal sealed record PersonHours(
    Guid StaffId, string Name, string Department, string Post, decimal TargetHours, decimal Hours, int Sessions, bool Behind, decimal Shortfall);

/// <summary>Which people the hours list shows.</summary>
internal sealed record HoursFilter(int Year, string? Department = null, bool BehindOnly = false);

/// <summary>A person's own year: their entry, target, hours, and the sessions they were at or missed.</summary>
internal sealed record MyStudy(int Year, bool OnRoster, PersonHours? Hours, IReadOnlyList<MySession> Sessions);

internal sealed record MySession(Guid Id, string KindLabel, string Topic, DateOnly HeldOn, string MarkLabel, decimal Hours);

/// <summary>
/// Hours are counted from the year's sessions every time they are asked for, never stored: a corrected attendance or a
/// cancelled session changes every figure at once. The people counted are those on the roster on the year's last day
/// (today, in the current year), those who have since left included.
/// </summary>
internal sealed class StudyHours(StudyQueries queries, StaffRoster roster, StudySettingsStore settings, IStatutoryClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>The day whose roster a year's targets count: its last day, or today while it runs.</summary>
    public DateOnly CountedOn(int year) => year == Today.Year ? Today : new DateOnly(year, 12, 31);

    public async Task<IReadOnlyList<PersonHours>> ForYearAsync(HoursFilter filter, CancellationToken ct)
    {
        var sessions = await queries.SessionsAsync(new StudyFilter(filter.Year), ct);
        var targets = await settings.GetAsync(ct);
        var people = await roster.OnRosterOnAsync(CountedOn(filter.Year), ct);
        return [.. people
            .Where(p => filter.Department is not { Length: > 0 } d || p.Department == d)
            .Select(p => Of(p, sessions, targets.TargetOf(p.Post)))
            .Where(h => !filter.BehindOnly || h.Behind)];
    }

    public static PersonHours Of(StaffMember p, IReadOnlyList<StudySession> sessions, decimal target)
    {
        var hours = sessions.Sum(s => s.HoursOf(p.Id));
        var attended = sessions.Count(s => s.HoursOf(p.Id) > 0);
        return new PersonHours(p.Id, p.Name, p.Department, p.Post, target, hours, attended, hours < target, Math.Max(target - hours, 0));
    }

    public async Task<MyStudy> MineAsync(int year, CancellationToken ct)
    {
        if (await roster.CurrentAsync(ct) is not { } me)
        {
            return new MyStudy(year, false, null, []);
        }

        var sessions = await queries.SessionsAsync(new StudyFilter(year), ct);
        var targets = await settings.GetAsync(ct);
        var mine = sessions
            .Where(s => s.Attendance.Any(a => a.StaffId == me.Id))
            .Select(s => new MySession(s.Id, Kit.Text.T(StudyVocabulary.Label(s.Kind)), s.Topic, s.HeldOn,
                Kit.Text.T(StudyVocabulary.Label(s.Attendance.First(a => a.StaffId == me.Id).Mark)), s.HoursOf(me.Id)))
            .ToList();
        return new MyStudy(year, true, Of(me, sessions, targets.TargetOf(me.Post)), mine);
    }
}
