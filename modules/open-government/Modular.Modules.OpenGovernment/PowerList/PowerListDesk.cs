using Marten;
using Modular.Contracts.Portal;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Modules.OpenGovernment.Shared;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>A proposal as written by the judicial office: the changes and the date they should take effect.</summary>
internal sealed record ProposeChanges(string? Title, string? Explanation, string? EffectiveOn, IReadOnlyList<ProposedChange>? Changes);

/// <summary>The county's decision: the version of the proposal it read, and a note (required to reject).</summary>
internal sealed record DecideProposal(int? Version, string? Reason);

/// <summary>
/// The list's write side: proposals are made, approved and rejected here, by the API, the pages, the importer and the
/// demo alike, so every adjustment is the same sequence of events attributed to the user who acted. Bad input is
/// <see cref="InputRejectedException"/>; a decision the proposal's state no longer allows is refused under <c>state</c>
/// (409, see <see cref="Refusals"/>); a stale version is a version conflict; a proposal not in this township is null.
/// </summary>
internal sealed class PowerListDesk(IDocumentSession session, ICurrentUser user, IStatutoryClock clock, ITownshipContext township, IPublicPageCache portal)
{
    public const int MaxChanges = 2000;

    public async Task<PowerListProposal> ProposeAsync(ProposeChanges request, string origin, CancellationToken ct, DateOnly? proposedOn = null)
    {
        var errors = new Dictionary<string, string[]>();
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors["title"] = ["请填写调整事由标题 / The title is required."];
        }
        else if (title.Length > 200)
        {
            errors["title"] = ["标题不超过200字 / The title is at most 200 characters."];
        }

        var effectiveOn = PowerListDates.Parse(request.EffectiveOn, "effectiveOn", errors, required: true);
        var changes = new List<ProposedChange>();
        if (request.Changes is not { Count: > 0 })
        {
            errors["changes"] = ["至少提出一项调整 / Propose at least one change."];
        }
        else if (request.Changes.Count > MaxChanges)
        {
            errors["changes"] = [$"一次最多调整{MaxChanges}项 / At most {MaxChanges} changes at once."];
        }
        else
        {
            for (var i = 0; i < request.Changes.Count; i++)
            {
                if (Normalise(request.Changes[i], $"changes[{i}].", errors) is { } change)
                {
                    changes.Add(change);
                }
            }

            foreach (var twice in changes.GroupBy(c => c.Code).Where(g => g.Count() > 1))
            {
                errors[$"changes[{changes.IndexOf(twice.Last())}].code"] = [$"事项 {twice.Key} 在本次调整中出现多次 / Item {twice.Key} appears more than once."];
            }
        }

        if (errors.Count == 0)
        {
            var chains = await PowerListAdjustment.LoadAsync(session, changes.Select(c => c.Code), ct);
            foreach (var (field, messages) in chains.Check(changes, effectiveOn!.Value))
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            throw new InputRejectedException(errors);
        }

        var proposed = new PowerListChangeProposed(Guid.NewGuid(), title!, string.IsNullOrWhiteSpace(request.Explanation) ? null : request.Explanation.Trim(),
            effectiveOn!.Value, changes, origin, user.UserName, proposedOn ?? clock.Today);
        session.Events.StartStream<PowerListProposal>(proposed.ProposalId, proposed);
        await session.SaveChangesAsync(ct);
        var created = PowerListProposal.Create(proposed);
        created.Version = 1;
        return created;
    }

    private static ProposedChange? Normalise(ProposedChange? change, string prefix, Dictionary<string, string[]> errors)
    {
        if (change is null)
        {
            errors[prefix.TrimEnd('.')] = ["调整内容为空 / The change is empty."];
            return null;
        }

        if (!PowerItemRules.ChangeKinds.Contains(change.Kind))
        {
            errors[prefix + "kind"] = ["调整类型须为 add（新增）、amend（变更）或 repeal（取消） / The kind must be add, amend or repeal."];
            return null;
        }

        if (change.Kind == ProposedChange.Repeal)
        {
            if (!PowerItemRules.IsCode(change.Code?.Trim()))
            {
                errors[prefix + "code"] = ["请填写要取消的事项编码 / The code of the item to repeal is required."];
                return null;
            }

            return new ProposedChange(change.Kind, change.Code!.Trim(), null, string.IsNullOrWhiteSpace(change.Reason) ? null : change.Reason.Trim());
        }

        var before = errors.Count;
        PowerItemRules.Validate(change.Item, prefix + "item.", errors);
        if (errors.Count > before)
        {
            return null;
        }

        var item = PowerItemRules.Normalise(change.Item!);
        if (!string.IsNullOrWhiteSpace(change.Code) && change.Code.Trim() != item.Code)
        {
            errors[prefix + "code"] = ["调整的编码与事项编码不一致 / The change's code differs from the item's code."];
            return null;
        }

        return new ProposedChange(change.Kind, item.Code, item, string.IsNullOrWhiteSpace(change.Reason) ? null : change.Reason.Trim());
    }

    public async Task<PowerListProposal?> ApproveAsync(Guid id, DecideProposal decision, CancellationToken ct, DateOnly? approvedOn = null)
    {
        var stream = await OpenPendingAsync(id, decision.Version, new InputErrors(), ct);
        if (stream is null)
        {
            return null;
        }

        var proposal = stream.Aggregate!;
        var chains = await PowerListAdjustment.LoadAsync(session, proposal.Changes.Select(c => c.Code), ct);
        var problems = chains.Check(proposal.Changes, proposal.EffectiveOn);
        if (problems.Count > 0)
        {
            // Another approval changed these items after this proposal was made: it no longer fits the list.
            throw Refusals.State(string.Join(" ", problems.Values.SelectMany(m => m)));
        }

        var ledger = await session.Events.FetchForWriting<PowerListLedger>(PowerListLedger.StreamId(township.Required.Slug), ct);
        var applied = chains.Apply(session, proposal);
        ledger.AppendOne(new PowerListAdjusted(id, proposal.EffectiveOn, applied));
        var approved = new PowerListProposalApproved(id, user.UserName, approvedOn ?? clock.Today, string.IsNullOrWhiteSpace(decision.Reason) ? null : decision.Reason.Trim());
        stream.AppendOne(approved);
        await session.SaveChangesAsync(ct);
        await portal.EvictAsync(ct);
        proposal.Apply(approved);
        proposal.Version = decision.Version!.Value + 1;
        return proposal;
    }

    public async Task<PowerListProposal?> RejectAsync(Guid id, DecideProposal decision, CancellationToken ct, DateOnly? rejectedOn = null)
    {
        var errors = new InputErrors();
        errors.Require(!string.IsNullOrWhiteSpace(decision.Reason), "reason", "请说明不予批准的理由", "Say why the proposal is rejected.");
        var stream = await OpenPendingAsync(id, decision.Version, errors, ct);
        if (stream is null)
        {
            return null;
        }

        var proposal = stream.Aggregate!;
        var rejected = new PowerListProposalRejected(id, user.UserName, rejectedOn ?? clock.Today, decision.Reason!.Trim());
        stream.AppendOne(rejected);
        await session.SaveChangesAsync(ct);
        proposal.Apply(rejected);
        proposal.Version = decision.Version!.Value + 1;
        return proposal;
    }

    /// <summary>The proposal's stream at the version the county read, while it still awaits a decision; null when it is not this township's.</summary>
    private async Task<JasperFx.Events.IEventStream<PowerListProposal>?> OpenPendingAsync(Guid id, int? version, InputErrors errors, CancellationToken ct)
    {
        // The decision's own fields are refused before anything is looked up, as they always have been.
        errors.Require(version is not null, "version", "请提供所读取的版本号", "The version you read is required.");
        errors.ThrowIfAny();

        var stream = await session.OpenForStepAsync<PowerListProposal>(id, version, errors, ct);
        if (stream?.Aggregate is { Status: not PowerListProposal.Pending })
        {
            throw Refusals.State("该调整已处理", "The proposal has already been decided.");
        }

        return stream;
    }
}
