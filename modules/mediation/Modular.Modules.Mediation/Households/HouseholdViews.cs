using System.Collections.Concurrent;
using System.Linq.Expressions;
using Marten;
using Modular.Contracts.Caching;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Time;
using Modular.Kit.Records;
using static Modular.Kit.Text;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;

namespace Modular.Modules.Mediation.Households;

/// <summary>A member as staff see them: ID number and phone masked, age from the ID number, no birth date (it would unmask 8 digits).</summary>
internal sealed record MemberView(
    Guid Id,
    string Name,
    ChoiceView Relation,
    ChoiceView Sex,
    int Age,
    string IdNumber,
    string? Phone,
    ChoiceView? Education,
    string? Occupation,
    ChoiceView? MaritalStatus,
    ChoiceView? IncomeBand,
    string? ServiceNeeds,
    IReadOnlyList<ChoiceView> SpecialGroups);

/// <summary>A household as staff see it: the address masked.</summary>
internal sealed record HouseholdView(
    Guid Id,
    long Version,
    string Number,
    string Village,
    string Group,
    string Address,
    string HeadName,
    string? Notes,
    bool IsClosed,
    DateOnly? ClosedOn,
    string? ClosedReason,
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<ChoiceView> SpecialGroups);

/// <summary>A line of the ledger list: no personal data beyond the head's name.</summary>
internal sealed record HouseholdRow(Guid Id, string Number, string Village, string Group, string HeadName, int Members, IReadOnlyList<ChoiceView> SpecialGroups, bool IsClosed);

/// <summary>One page of the households matching a filter (by village, then 户号), with the counts of all of them.</summary>
internal sealed record LedgerView(int Households, int Members, int SpecialGroupMembers, IReadOnlyList<HouseholdRow> Rows, int Page = 1, int PageSize = HouseholdQueries.PageSize)
{
    public int Pages => Math.Max(1, (Households + PageSize - 1) / PageSize);
}

/// <summary>What the counts of a ledger need of each household: read for all of them instead of their documents.</summary>
internal sealed class HouseholdTally
{
    public int Members { get; set; }

    public int SpecialGroupMembers { get; set; }
}

/// <param name="Closed">True for the closed households (moved away) instead of the open ones.</param>
internal sealed record LedgerFilter(string? Village = null, SpecialGroup? SpecialGroup = null, string? Text = null, bool Closed = false);

internal sealed record VillageCount(string Village, int Count);

internal sealed record SpecialGroupMember(Guid HouseholdId, string Number, string Village, string Group, string Name, ChoiceView Sex, int Age);

/// <summary>One special group's list (特殊群体名单): its members on the open ledger, and how many live in each village.</summary>
internal sealed record SpecialGroupList(ChoiceView Group, int Total, IReadOnlyList<VillageCount> Villages, IReadOnlyList<SpecialGroupMember> Members);

/// <summary>Reads the ledger for staff, always through the personal-data guard.</summary>
internal sealed class HouseholdQueries(IQuerySession session, IPersonalDataGuard guard, IStatutoryClock clock, ITownshipCache cache)
{
    public const int PageSize = 50;

    /// <summary>How long the village list is reused: a village first recorded shows in the filter within this time.</summary>
    public static readonly TimeSpan VillagesLifetime = TimeSpan.FromSeconds(60);

    /// <summary>The village list's entry in the township cache: registering, changing, closing and importing say it changed.</summary>
    public const string VillagesKey = "mediation.household-villages";

    /// <summary>How long the ledger's counts are reused at most; every change of a household makes every instance forget them first.</summary>
    public static readonly TimeSpan CountsLifetime = TimeSpan.FromSeconds(60);

    /// <summary>The counts' entry in the township cache: every step of the ledger and the import say it changed.</summary>
    public const string CountsKey = "mediation.household-counts";

    /// <summary>What a ledger line shows; built once (an expression tree costs a reflection lookup per property named).</summary>
    private static readonly Expression<Func<Household, Household>> LineFields = h => new Household
    {
        Id = h.Id,
        Number = h.Number,
        Village = h.Village,
        Group = h.Group,
        HeadName = h.HeadName,
        Members = h.Members,
        SpecialGroups = h.SpecialGroups,
        IsClosed = h.IsClosed,
    };

    /// <summary>
    /// A page of the ledger and the counts of every household matching the filter. A township keeps thousands of
    /// households: the page reads only what its lines show, and the counts, which read two numbers of every household
    /// (26 ms for 2,000), are kept per filter until a household changes (bench/mediation-results.md). A search by text
    /// is counted each time: its filters are too many to keep.
    /// </summary>
    public async Task<LedgerView> ListAsync(LedgerFilter filter, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, int.MaxValue / PageSize);
        var (count, members, special) = string.IsNullOrWhiteSpace(filter.Text)
            ? await KeptCountsAsync(filter, ct)
            : await CountAsync(filter, ct);
        var households = count <= (page - 1) * PageSize ? [] : await Matching(filter)
            .OrderBy(h => h.Village).ThenBy(h => h.Number).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(LineFields)
            .ToListAsync(ct);
        var rows = households
            .Select(h => new HouseholdRow(h.Id, h.Number, h.Village, h.Group, h.HeadName, h.Members.Count, HouseholdVocabulary.View(h.SpecialGroups), h.IsClosed))
            .ToList();
        return new LedgerView(count, members, special, rows, page, PageSize);
    }

    private async Task<(int Households, int Members, int SpecialGroupMembers)> KeptCountsAsync(LedgerFilter filter, CancellationToken ct)
    {
        // One entry for all the filters, so that a change forgets them together.
        var kept = await cache.GetOrCreateAsync(CountsKey, CountsLifetime, _ => Task.FromResult(new ConcurrentDictionary<LedgerFilter, (int, int, int)>()), ct);
        if (!kept.TryGetValue(filter, out var counts))
        {
            counts = await CountAsync(filter, ct);
            kept[filter] = counts;
        }

        return counts;
    }

    private async Task<(int Households, int Members, int SpecialGroupMembers)> CountAsync(LedgerFilter filter, CancellationToken ct)
    {
        var tally = await Matching(filter).Select(h => new HouseholdTally { Members = h.Members.Count, SpecialGroupMembers = h.SpecialGroupMembers }).ToListAsync(ct);
        return (tally.Count, tally.Sum(t => t.Members), tally.Sum(t => t.SpecialGroupMembers));
    }

    /// <summary>
    /// The villages with open households, for the filters: a pass over every household of the township, so each instance
    /// keeps the list up to a minute; the ledger's changes make every instance forget it.
    /// </summary>
    public Task<IReadOnlyList<string>> VillagesAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync(VillagesKey, VillagesLifetime, async token =>
            (IReadOnlyList<string>)[.. (await session.Query<Household>().Where(h => !h.IsClosed).Select(h => h.Village).Distinct().ToListAsync(token)).Order(StringComparer.Ordinal)], ct);

    public Task<Household?> LoadAsync(Guid id, CancellationToken ct) => session.LoadAsync<Household>(id, ct);

    public async Task<HouseholdView?> GetAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<Household>(id, ct) is { } household ? View(household) : null;

    /// <summary>The open households of the ledger in 户号 order, for the export.</summary>
    public async Task<IReadOnlyList<Household>> OpenAsync(CancellationToken ct) =>
        await session.Query<Household>().Where(h => !h.IsClosed).OrderBy(h => h.Number).ToListAsync(ct);

    public HouseholdView View(Household h) => new(
        h.Id, h.Version, h.Number, h.Village, h.Group, guard.Mask(PersonalDataKind.Address, h.Address), h.HeadName, h.Notes,
        h.IsClosed, h.ClosedOn, h.ClosedReason, [.. h.Members.Select(View)], HouseholdVocabulary.View(h.SpecialGroups));

    public MemberView View(Member m) => new(
        m.Id, m.Name, HouseholdVocabulary.View(m.Relation), HouseholdVocabulary.View(m.SexByIdNumber()), m.AgeOn(clock.Today),
        guard.Mask(PersonalDataKind.IdNumber, m.IdNumber), m.Phone is null ? null : guard.Mask(PersonalDataKind.PhoneNumber, m.Phone),
        HouseholdVocabulary.View(m.Education), m.Occupation, HouseholdVocabulary.View(m.MaritalStatus), HouseholdVocabulary.View(m.IncomeBand),
        m.ServiceNeeds, HouseholdVocabulary.View(m.SpecialGroups));

    /// <summary>The lists of every special group, members of open households only.</summary>
    public async Task<IReadOnlyList<SpecialGroupList>> SpecialGroupListsAsync(CancellationToken ct)
    {
        var households = await session.Query<Household>().Where(h => !h.IsClosed && h.SpecialGroupMembers > 0).OrderBy(h => h.Village).ThenBy(h => h.Number).ToListAsync(ct);
        var today = clock.Today;
        return
        [
            .. Enum.GetValues<SpecialGroup>().Select(group =>
            {
                var members = households
                    .SelectMany(h => h.Members.Where(m => m.SpecialGroups.Contains(group))
                        .Select(m => new SpecialGroupMember(h.Id, h.Number, h.Village, h.Group, m.Name, HouseholdVocabulary.View(m.SexByIdNumber()), m.AgeOn(today))))
                    .ToList();
                var villages = members.GroupBy(m => m.Village).Select(v => new VillageCount(v.Key, v.Count())).ToList();
                return new SpecialGroupList(HouseholdVocabulary.View([group])[0], members.Count, villages, members);
            }),
        ];
    }

    /// <summary>Every change of the household with who made it and when. Labels name members, never their personal data.</summary>
    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<Household>(session, id, Describe, ct);

    private IQueryable<Household> Matching(LedgerFilter filter)
    {
        IQueryable<Household> query = session.Query<Household>().Where(h => h.IsClosed == filter.Closed);
        if (!string.IsNullOrWhiteSpace(filter.Village))
        {
            var village = filter.Village.Trim();
            query = query.Where(h => h.Village == village);
        }

        if (filter.SpecialGroup is { } group)
        {
            query = query.Where(h => h.SpecialGroups.Contains(group));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(h => h.Number.Contains(text) || h.HeadName.Contains(text));
        }

        return query;
    }

    private static string Describe(object data, IReadOnlyList<JasperFx.Events.IEvent> stream) => data switch
    {
        HouseholdRegistered r => T($"建档：户 {r.Number}（{r.Facts.Village}{r.Facts.Group}）", $"Registered as household {r.Number} ({r.Facts.Village}, {r.Facts.Group})"),
        HouseholdUpdated u => T($"修改户信息（{u.Facts.Village}{u.Facts.Group}）", $"Household details changed ({u.Facts.Village}, {u.Facts.Group})"),
        MemberAdded a => T($"增加成员：{a.Member.Name}（{HouseholdVocabulary.Label(a.Member.Relation).Chinese}）", $"Member added: {a.Member.Name} ({HouseholdVocabulary.Label(a.Member.Relation).English})"),
        MemberUpdated u => T($"修改成员信息：{u.Member.Name}", $"Member changed: {u.Member.Name}"),
        MemberRemoved r => T($"减少成员：{NameOf(r.MemberId, stream)}，原因：{r.Reason}", $"Member removed: {NameOf(r.MemberId, stream)}, because: {r.Reason}"),
        HouseholdClosed c => T($"注销（{c.On:yyyy-MM-dd}）：{c.Reason}", $"Closed ({c.On:yyyy-MM-dd}): {c.Reason}"),
        _ => data.GetType().Name,
    };

    private static string NameOf(Guid memberId, IReadOnlyList<JasperFx.Events.IEvent> stream) =>
        stream.Select(e => e.Data switch { MemberAdded a => a.Member, MemberUpdated u => u.Member, _ => null })
            .LastOrDefault(m => m?.Id == memberId)?.Name ?? "";
}
