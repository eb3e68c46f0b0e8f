using Marten;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>
/// Fits a proposal's changes onto the items' version chains. An item's history only grows forward: a change must
/// take effect after the item's last change, so no version is ever rewritten or split. An approved change may take
/// effect on a past date (a historical list being entered): the list shown for dates after that day then includes
/// it, as the approval says, while the events keep when it was decided and by whom.
/// </summary>
internal sealed class PowerListAdjustment
{
    private readonly Dictionary<string, List<PowerItemVersion>> _chains;

    private PowerListAdjustment(Dictionary<string, List<PowerItemVersion>> chains) => _chains = chains;

    public static async Task<PowerListAdjustment> LoadAsync(IQuerySession session, IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToArray();
        var versions = wanted.Length == 0 ? [] : await session.Query<PowerItemVersion>().Where(v => wanted.Contains(v.Code)).ToListAsync(ct);
        return new PowerListAdjustment(versions.GroupBy(v => v.Code).ToDictionary(g => g.Key, g => g.OrderBy(v => v.ValidFrom).ToList()));
    }

    /// <summary>The item's latest version, in force or ended, or null for a code never listed.</summary>
    public PowerItemVersion? Latest(string code) => _chains.TryGetValue(code, out var chain) ? chain[^1] : null;

    /// <summary>The problems that stop <paramref name="changes"/> taking effect on <paramref name="effectiveOn"/>, keyed by field.</summary>
    public Dictionary<string, string[]> Check(IReadOnlyList<ProposedChange> changes, DateOnly effectiveOn)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var latest = _chains.TryGetValue(change.Code, out var chain) ? chain[^1] : null;
            var field = $"changes[{i}].code";
            switch (change.Kind)
            {
                case ProposedChange.Add when latest is not null && latest.ValidTo > effectiveOn:
                    errors[field] = [$"事项 {change.Code} 在 {effectiveOn:yyyy-MM-dd} 已在清单中或另有后续调整 / Item {change.Code} is already listed on that date or has a later change."];
                    break;
                case ProposedChange.Amend or ProposedChange.Repeal when latest is null || latest.ValidTo != PowerItemVersion.Open:
                    errors[field] = [$"事项 {change.Code} 当前不在清单中 / Item {change.Code} is not in the list."];
                    break;
                case ProposedChange.Amend or ProposedChange.Repeal when latest!.ValidFrom >= effectiveOn:
                    errors[field] = [$"事项 {change.Code} 的上次调整于 {latest.ValidFrom:yyyy-MM-dd} 生效，本次生效日期须晚于该日 / The item last changed on {latest.ValidFrom:yyyy-MM-dd}; this change must take effect later."];
                    break;
                case ProposedChange.Amend when PowerItemRules.ChangedFields(latest!.Item, change.Item!).Count == 0:
                    errors[$"changes[{i}].item"] = [$"事项 {change.Code} 的内容没有变化 / Nothing in item {change.Code} changes."];
                    break;
            }
        }

        return errors;
    }

    /// <summary>Closes and opens versions in <paramref name="session"/> for an approved proposal; returns what each change did.</summary>
    public IReadOnlyList<AppliedChange> Apply(IDocumentSession session, PowerListProposal proposal)
    {
        var applied = new List<AppliedChange>();
        foreach (var change in proposal.Changes)
        {
            var latest = _chains.TryGetValue(change.Code, out var chain) ? chain[^1] : null;
            if (change.Kind is ProposedChange.Amend or ProposedChange.Repeal)
            {
                latest!.ValidTo = proposal.EffectiveOn;
                latest.EndedBy = change.Kind;
                latest.EndedWithProposal = proposal.Id;
                latest.EndReason = change.Reason;
                session.Store(latest);
            }

            if (change.Kind is ProposedChange.Add or ProposedChange.Amend)
            {
                var item = change.Item!;
                session.Store(new PowerItemVersion
                {
                    Id = Guid.NewGuid(),
                    Code = change.Code,
                    Category = item.Category,
                    ValidFrom = proposal.EffectiveOn,
                    Item = item,
                    BeganBy = change.Kind,
                    BeganWithProposal = proposal.Id,
                });
            }

            var fields = change.Kind == ProposedChange.Amend ? PowerItemRules.ChangedFields(latest!.Item, change.Item!) : [];
            var shown = change.Item ?? latest!.Item;
            applied.Add(new AppliedChange(change.Kind, change.Code, shown.Name, shown.Category, fields));
        }

        return applied;
    }
}
