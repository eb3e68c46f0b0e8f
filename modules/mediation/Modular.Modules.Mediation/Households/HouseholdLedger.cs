using Marten;
using Modular.Contracts.Caching;
using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.Mediation.Households;

internal sealed record RegisteredHousehold(Guid Id, string Number);

/// <summary>
/// Keeps the ledger (分户建档): registers a household with its head, changes it, adds, changes and removes members,
/// closes it when it moves away. Every change is an event with who and when; every bad field is reported at once.
/// </summary>
internal sealed class HouseholdLedger(IDocumentSession session, HouseholdNumbers numbers, IStatutoryClock clock, ITownshipCache cache)
{
    public async Task<RegisteredHousehold> RegisterAsync(HouseholdInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var facts = HouseholdRules.Facts(errors, input, null);
        var head = HouseholdRules.Member(errors, input.Head ?? new MemberInput(), Guid.CreateVersion7(), null, clock.Today, "head.");
        if (head is not null && head.Relation != Relation.Head)
        {
            errors.Add("head.relation", "登记新户时须先登记户主", "A new household is registered with its head.");
        }

        await CheckUniqueAsync(errors, head, "head.idNumber", ct);
        errors.ThrowIfAny();

        var id = Guid.CreateVersion7();
        return await numbers.RefusingClashesAsync(() => numbers.SaveWithNextAsync(number =>
        {
            session.Events.StartStream<Household>(id, new HouseholdRegistered(id, number, facts!), new MemberAdded(head!));
            // Staged again on every draw: a clash on the 户号 ejects the whole unit of work.
            numbers.ClaimNumber(number, id, field: null);
            numbers.ClaimIdNumber(head!, "head.idNumber");
            cache.Changed(session, HouseholdQueries.VillagesKey); // its village may be a new one in the ledger's filter
            cache.Changed(session, HouseholdQueries.CountsKey);
            return new RegisteredHousehold(id, number);
        }, ct));
    }

    public Task<bool> UpdateAsync(Guid id, HouseholdInput input, CancellationToken ct) => ChangeAsync(id, input.Version, ct, (household, errors) =>
    {
        var facts = HouseholdRules.Facts(errors, input, new HouseholdFacts(household.Village, household.Group, household.Address, household.Notes));
        return Task.FromResult<object?>(errors.Any ? null : new HouseholdUpdated(facts!));
    });

    /// <summary>Adds a member; answers the new member's id, or null when the household is not this township's.</summary>
    public async Task<Guid?> AddMemberAsync(Guid id, MemberInput input, CancellationToken ct)
    {
        var memberId = Guid.CreateVersion7();
        return await ChangeAsync(id, input.Version, ct, async (household, errors) =>
        {
            var member = HouseholdRules.Member(errors, input, memberId, null, clock.Today);
            CheckHead(errors, household, member);
            await CheckUniqueAsync(errors, member, "idNumber", ct);
            if (errors.Any)
            {
                return null;
            }

            numbers.ClaimIdNumber(member!, "idNumber");
            return new MemberAdded(member!);
        }) ? memberId : null;
    }

    public Task<bool> UpdateMemberAsync(Guid id, Guid memberId, MemberInput input, CancellationToken ct) => ChangeAsync(id, input.Version, ct, async (household, errors) =>
    {
        if (household.Find(memberId) is not { } current)
        {
            return null;
        }

        var member = HouseholdRules.Member(errors, input, memberId, current, clock.Today);
        CheckHead(errors, household, member);
        await CheckUniqueAsync(errors, member, "idNumber", ct);
        if (errors.Any)
        {
            return null;
        }

        if (member!.IdNumber != current.IdNumber)
        {
            numbers.ReleaseIdNumber(current.IdNumber);
            numbers.ClaimIdNumber(member, "idNumber");
        }

        return new MemberUpdated(member);
    });

    public Task<bool> RemoveMemberAsync(Guid id, Guid memberId, ReasonInput input, CancellationToken ct) => ChangeAsync(id, input.Version, ct, (household, errors) =>
    {
        if (household.Find(memberId) is not { } member)
        {
            return Task.FromResult<object?>(null);
        }

        var reason = errors.Required("reason", input.Reason, "减员原因", "Reason", 500);
        if (member.Relation == Relation.Head && household.Members.Count > 1)
        {
            errors.Add("state", "请先将其他成员登记为户主，再移除原户主", "Make another member the head before removing this one.");
        }

        if (errors.Any)
        {
            return Task.FromResult<object?>(null);
        }

        numbers.ReleaseIdNumber(member.IdNumber);
        return Task.FromResult<object?>(new MemberRemoved(memberId, reason!));
    });

    public Task<bool> CloseAsync(Guid id, ReasonInput input, CancellationToken ct) => ChangeAsync(id, input.Version, ct, (household, errors) =>
    {
        var on = errors.Date("on", input.On, "注销日期", "Date closed", clock.Today);
        var reason = errors.Required("reason", input.Reason, "注销原因（如迁出）", "Reason (such as moved away)", 500);
        if (errors.Any)
        {
            return Task.FromResult<object?>(null);
        }

        // A closed household holds no one: its members may be registered in another.
        foreach (var member in household.Members)
        {
            numbers.ReleaseIdNumber(member.IdNumber);
        }

        return Task.FromResult<object?>(new HouseholdClosed(on!.Value, reason!));
    });

    /// <summary>
    /// Runs one change on an open household. <paramref name="decide"/> answers the event, or null with the problems in
    /// the errors (or, with none, "no such member": a 404 like a foreign household).
    /// </summary>
    private async Task<bool> ChangeAsync(Guid id, long? version, CancellationToken ct, Func<Household, InputErrors, Task<object?>> decide)
    {
        var errors = new InputErrors();
        var stream = await session.OpenForStepAsync<Household>(id, version, errors, ct);
        if (stream is null)
        {
            return false;
        }

        var household = stream.Aggregate!;
        if (household.IsClosed)
        {
            errors.Add("state", $"该户已于{household.ClosedOn:yyyy-MM-dd}注销，不能再修改", $"The household was closed on {household.ClosedOn:yyyy-MM-dd}; it cannot change.");
            errors.ThrowIfAny();
        }

        var change = await decide(household, errors);
        errors.ThrowIfAny();
        if (change is null)
        {
            return false;
        }

        stream.AppendOne(change);
        cache.Changed(session, HouseholdQueries.CountsKey);
        if (change is HouseholdUpdated or HouseholdClosed)
        {
            cache.Changed(session, HouseholdQueries.VillagesKey); // a village gained or lost its last open household
        }

        return await numbers.RefusingClashesAsync(async () =>
        {
            await session.SaveChangesAsync(ct);
            return true;
        });
    }

    /// <summary>A household has one head: another member becomes head only after the old head's relation is changed.</summary>
    private static void CheckHead(InputErrors errors, Household household, Member? member)
    {
        if (member?.Relation == Relation.Head && household.Head() is { } head && head.Id != member.Id)
        {
            errors.Add("relation", $"该户已有户主{head.Name}，请先修改其与户主关系", $"The household already has a head ({head.Name}); change that member's relation first.");
        }
    }

    private async Task CheckUniqueAsync(InputErrors errors, Member? member, string field, CancellationToken ct)
    {
        if (member is not null && (await numbers.HoldersAsync([member.IdNumber], ct)).TryGetValue(member.IdNumber, out var holder) && holder != member.Id)
        {
            errors.Add(field, HouseholdNumbers.DuplicateIdChinese, HouseholdNumbers.DuplicateIdEnglish);
        }
    }
}
