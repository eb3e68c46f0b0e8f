using Marten;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>
/// The read model behind "the list as of D": one document per version of an item, valid from its effective date up to
/// (not including) the date the next change took effect. Written in the same session as the approval that makes it,
/// so the list on any date is one indexed range query instead of a replay of every adjustment.
/// </summary>
internal sealed class PowerItemVersion
{
    /// <summary>The end of a version still in force: a date no query reaches, so "in force on D" needs no null test.</summary>
    public static readonly DateOnly Open = DateOnly.MaxValue;

    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Category { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    /// <summary>Exclusive end; <see cref="Open"/> while in force.</summary>
    public DateOnly ValidTo { get; set; } = Open;

    public PowerItem Item { get; set; } = null!;

    /// <summary>How this version began: <c>add</c> or <c>amend</c>.</summary>
    public string BeganBy { get; set; } = ProposedChange.Add;

    public Guid BeganWithProposal { get; set; }

    /// <summary>How it ended: <c>amend</c>, <c>repeal</c>, or null while in force.</summary>
    public string? EndedBy { get; set; }

    public Guid? EndedWithProposal { get; set; }

    public string? EndReason { get; set; }

    public bool InForceOn(DateOnly date) => ValidFrom <= date && date < ValidTo;
}

/// <summary>An item as the API shows it: every field, with the dates of the version shown.</summary>
internal sealed record PowerItemView(
    string Code,
    string Name,
    string? SubItem,
    string Category,
    string LegalBasis,
    string ImplementingOffice,
    IReadOnlyList<string> CooperatingDepartments,
    string PowerSource,
    StageResponsibilities Responsibilities,
    IReadOnlyList<string> AccountabilityCases,
    IReadOnlyList<string> WorkflowSteps,
    IReadOnlyList<string> IntegrityRisks,
    string TimeLimit,
    string SupervisionPhone,
    DateOnly ValidFrom,
    DateOnly? ValidTo)
{
    public static PowerItemView From(PowerItemVersion v) => new(
        v.Item.Code, v.Item.Name, v.Item.SubItem, v.Item.Category, v.Item.LegalBasis, v.Item.ImplementingOffice,
        v.Item.CooperatingDepartments, v.Item.PowerSource, v.Item.Responsibilities, v.Item.AccountabilityCases,
        v.Item.WorkflowSteps, v.Item.IntegrityRisks, v.Item.TimeLimit, v.Item.SupervisionPhone,
        v.ValidFrom, v.ValidTo == PowerItemVersion.Open ? null : v.ValidTo);
}

internal sealed record PowerListAsOf(DateOnly AsOf, IReadOnlyList<PowerItemView> Items, IReadOnlyDictionary<string, int> CountsByCategory);

internal sealed record AmendedItem(string Code, string Name, string Category, DateOnly EffectiveOn, IReadOnlyList<string> ChangedFields);

internal sealed record ListedChange(string Code, string Name, string Category, DateOnly EffectiveOn);

internal sealed record PowerListChanges(DateOnly From, DateOnly To, IReadOnlyList<ListedChange> Added, IReadOnlyList<AmendedItem> Amended, IReadOnlyList<ListedChange> Repealed);

/// <summary>The list's questions, each answered from the version documents.</summary>
internal static class PowerListQueries
{
    public static async Task<IReadOnlyList<PowerItemVersion>> InForceAsync(IQuerySession session, DateOnly date, CancellationToken ct) =>
        await session.Query<PowerItemVersion>()
            .Where(InForceOn(date))
            .OrderBy(v => v.Code)
            .ToListAsync(ct);

    /// <summary>The versions in force on a day: the list as it stood then.</summary>
    public static System.Linq.Expressions.Expression<Func<PowerItemVersion, bool>> InForceOn(DateOnly date) => v => v.ValidFrom <= date && v.ValidTo > date;

    public static IReadOnlyDictionary<string, int> Counts(IEnumerable<PowerItemVersion> versions)
    {
        var counts = PowerItemRules.Categories.ToDictionary(c => c, _ => 0);
        foreach (var v in versions)
        {
            counts[v.Category] = counts.GetValueOrDefault(v.Category) + 1;
        }

        return counts;
    }

    public static async Task<PowerListAsOf> AsOfAsync(IQuerySession session, DateOnly date, string? category, CancellationToken ct)
    {
        var versions = await InForceAsync(session, date, ct);
        var shown = category is null ? versions : versions.Where(v => v.Category == category).ToList();
        return new PowerListAsOf(date, shown.Select(PowerItemView.From).ToList(), Counts(versions));
    }

    /// <summary>What differs between the list on <paramref name="from"/> and the list on <paramref name="to"/>.</summary>
    public static async Task<PowerListChanges> ChangesAsync(IQuerySession session, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var before = (await InForceAsync(session, from, ct)).ToDictionary(v => v.Code);
        var after = (await InForceAsync(session, to, ct)).ToDictionary(v => v.Code);
        var added = after.Values.Where(v => !before.ContainsKey(v.Code))
            .Select(v => new ListedChange(v.Code, v.Item.Name, v.Category, v.ValidFrom)).ToList();
        var repealed = before.Values.Where(v => !after.ContainsKey(v.Code))
            .Select(v => new ListedChange(v.Code, v.Item.Name, v.Category, v.ValidTo)).ToList();
        var amended = new List<AmendedItem>();
        foreach (var (code, now) in after)
        {
            if (before.TryGetValue(code, out var then) && then.Id != now.Id)
            {
                var fields = PowerItemRules.ChangedFields(then.Item, now.Item);
                if (fields.Count > 0)
                {
                    amended.Add(new AmendedItem(code, now.Item.Name, now.Category, now.ValidFrom, fields));
                }
            }
        }

        return new PowerListChanges(from, to, added, amended, repealed);
    }

    public static async Task<IReadOnlyList<PowerItemVersion>> HistoryAsync(IQuerySession session, string code, CancellationToken ct) =>
        await session.Query<PowerItemVersion>().Where(v => v.Code == code).OrderBy(v => v.ValidFrom).ToListAsync(ct);

    public static async Task<IReadOnlyList<PowerListProposal>> ProposalsAsync(IQuerySession session, string? status, CancellationToken ct)
    {
        var query = session.Query<PowerListProposal>().AsQueryable();
        if (status is not null)
        {
            query = query.Where(p => p.Status == status);
        }

        return await query.OrderByDescending(p => p.ProposedOn).ThenByDescending(p => p.EffectiveOn).Take(500).ToListAsync(ct);
    }
}
