using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Kit.Records;
using static Modular.Kit.Text;

namespace Modular.Modules.LawStudy.Staff;

/// <summary>A roster entry as its page and the API show it: the ID number and phone masked (<see cref="RevealStaffData"/> reveals them).</summary>
internal sealed record StaffView(
    Guid Id,
    long Version,
    string Name,
    string Department,
    string Post,
    bool EnforcementPost,
    string? UserName,
    string? IdNumber,
    string? Phone,
    DateOnly JoinedOn,
    string State,
    string StateLabel,
    DateOnly? LeftOn,
    string? LeavingReason,
    IReadOnlyList<string> Allowed)
{
    public static StaffView Of(StaffMember m, IPersonalDataGuard guard) =>
        new(m.Id, m.Version, m.Name, m.Department, m.Post, m.EnforcementPost, m.UserName,
            m.IdNumber is null ? null : guard.Mask(PersonalDataKind.IdNumber, m.IdNumber),
            m.Phone is null ? null : guard.Mask(PersonalDataKind.PhoneNumber, m.Phone),
            m.JoinedOn, m.State.ToString(), T(StaffMember.Label(m.State)), m.LeftOn, m.LeavingReason, StaffMember.Steps.Allowed(m));
}

/// <summary>The signed-in person's entry, if their user is linked to one.</summary>
internal sealed record MyEntry(bool OnRoster, StaffView? Staff);

/// <summary>A line of the roster: no personal data, so the list shows nobody's ID number or phone.</summary>
internal sealed record StaffRow(Guid Id, string Name, string Department, string Post, bool EnforcementPost, string? UserName, string State, string StateLabel)
{
    public static StaffRow Of(StaffMember m) =>
        new(m.Id, m.Name, m.Department, m.Post, m.EnforcementPost, m.UserName, m.State.ToString(), T(StaffMember.Label(m.State)));
}

/// <summary>Which entries a list shows: those on the roster by default, a department's, enforcement posts only.</summary>
internal sealed record StaffFilter(string? Department = null, bool? EnforcementPost = null, bool IncludeLeft = false);

/// <summary>
/// The roster, for the pages, the API and the module's other areas alike (sessions, exams and certificates refer to a
/// person by <see cref="StaffMember.Id"/>). The session is the current township's: another township's staff is not found.
/// </summary>
internal sealed class StaffRoster(IQuerySession session, IPersonalDataGuard guard, ICurrentUser user)
{
    /// <summary>A township's staff is tens of people, at most a few hundred: the roster is read whole, never paged.</summary>
    public const int MaxRoster = 2000;

    public async Task<IReadOnlyList<StaffMember>> MembersAsync(StaffFilter filter, CancellationToken ct)
    {
        var query = session.Query<StaffMember>().Where(m => filter.IncludeLeft || m.State == StaffState.OnRoster);
        if (filter.Department is { Length: > 0 } department)
        {
            query = query.Where(m => m.Department == department);
        }

        if (filter.EnforcementPost is { } enforcement)
        {
            query = query.Where(m => m.EnforcementPost == enforcement);
        }

        return await query.OrderBy(m => m.Department).ThenBy(m => m.Name).Take(MaxRoster).ToListAsync(ct);
    }

    /// <summary>Everyone on the roster on <paramref name="day"/>, those who left since included: the people a year's targets and exams count.</summary>
    public async Task<IReadOnlyList<StaffMember>> OnRosterOnAsync(DateOnly day, CancellationToken ct) =>
        [.. (await MembersAsync(new StaffFilter(IncludeLeft: true), ct)).Where(m => m.OnRosterOn(day))];

    public Task<StaffMember?> FindAsync(Guid id, CancellationToken ct) => session.LoadAsync<StaffMember>(id, ct);

    /// <summary>The entries of <paramref name="ids"/> that are this township's, by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, StaffMember>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct) =>
        (await session.LoadManyAsync<StaffMember>(ct, ids.Distinct())).ToDictionary(m => m.Id);

    /// <summary>The person signed in, when their user is linked to an entry on the roster.</summary>
    public async Task<StaffMember?> CurrentAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return null;
        }

        var name = user.UserName.ToLowerInvariant();
        return await session.Query<StaffMember>().FirstOrDefaultAsync(m => m.UserName == name && m.State == StaffState.OnRoster, ct);
    }

    /// <summary>The departments on the roster, for filters and rankings.</summary>
    public async Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken ct) =>
        [.. (await MembersAsync(new StaffFilter(), ct)).Select(m => m.Department).Distinct().Order(StringComparer.Ordinal)];

    public async Task<IReadOnlyList<StaffRow>> ListAsync(StaffFilter filter, CancellationToken ct) =>
        [.. (await MembersAsync(filter, ct)).Select(StaffRow.Of)];

    public async Task<StaffView?> GetAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } member ? StaffView.Of(member, guard) : null;

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) =>
        Timeline.ReadAsync<StaffMember>(session, id, Describe, ct);

    public static async Task<Ok<IReadOnlyList<StaffRow>>> ListEndpointAsync(
        string? department, bool? enforcementPost, bool? includeLeft, StaffRoster roster, CancellationToken ct) =>
        TypedResults.Ok(await roster.ListAsync(new StaffFilter(department, enforcementPost, includeLeft ?? false), ct));

    public static async Task<Results<Ok<StaffView>, NotFound>> GetEndpointAsync(Guid id, StaffRoster roster, CancellationToken ct) =>
        await roster.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineEndpointAsync(Guid id, StaffRoster roster, CancellationToken ct) =>
        await roster.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    /// <summary>
    /// <c>GET …/staff/me</c>: the signed-in person's own entry. A user linked to nobody's entry gets an answer too
    /// (<c>onRoster: false</c>): who they are on the roster is a question with the answer "nobody", not a missing resource.
    /// </summary>
    public static async Task<Ok<MyEntry>> MeEndpointAsync(StaffRoster roster, IPersonalDataGuard guard, CancellationToken ct) =>
        TypedResults.Ok(await roster.CurrentAsync(ct) is { } me ? new MyEntry(true, StaffView.Of(me, guard)) : new MyEntry(false, null));

    // The timeline's words: what happened, never personal data.
    private static string Describe(object e) => e switch
    {
        StaffMemberRegistered r => T($"登记入册：{r.Department} {r.Post}", $"Put on the roster: {r.Department}, {r.Post}"),
        StaffMemberChanged c => T($"变更：{c.Department} {c.Post}{(c.EnforcementPost ? "（执法岗位）" : "")}", $"Changed: {c.Department}, {c.Post}{(c.EnforcementPost ? " (enforcement post)" : "")}"),
        StaffMemberLeft l => T($"离岗（{l.LeftOn:yyyy-MM-dd}）：{l.Reason}", $"Left ({l.LeftOn:yyyy-MM-dd}): {l.Reason}"),
        _ => e.GetType().Name,
    };
}
