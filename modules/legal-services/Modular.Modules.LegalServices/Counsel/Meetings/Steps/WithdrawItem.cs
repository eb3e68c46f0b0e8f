using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Meetings.Steps;

internal sealed class WithdrawItemInput : CounselStepInput
{
    public string? ItemId { get; set; }

    public string? Reason { get; set; }
}

internal sealed record WithdrawItem(DateOnly? On, Guid? ItemId, string? Reason, string By);

/// <summary>撤回议题: an item comes off the agenda with its reason, and stays in the record (Art 33).</summary>
internal static class WithdrawItemStep
{
    public const string Name = "withdrawal";

    public static WithdrawItem Read(WithdrawItemInput input, DateOnly today, InputErrors errors, string by)
    {
        Guid? item = Guid.TryParse(input.ItemId, out var id) ? id : null;
        errors.Require(item is not null, "itemId", "请选择要撤回的议题", "Choose the item to withdraw.");
        return new(CounselInput.On(input.On, today, errors), item, errors.Required("reason", input.Reason, "撤回理由", "Reason", 1000), by);
    }

    public static IReadOnlyList<object> Decide(TownshipMeeting m, WithdrawItem c, InputErrors errors)
    {
        TownshipMeeting.Steps.Expect(m, Name, errors);
        if (c.ItemId is { } id && !m.Standing.Any(i => i.Id == id))
        {
            errors.Add("itemId", "议程上没有这个议题（或已撤回）", "No such item stands on the agenda.");
        }

        return errors.Any ? [] : [new AgendaItemWithdrawn(c.ItemId!.Value, c.Reason!, c.On!.Value, c.By)];
    }

    public static Task<bool> RunAsync(CounselStepContext context, Guid id, WithdrawItemInput input, CancellationToken ct) =>
        context.RunAsync<TownshipMeeting, WithdrawItemInput, WithdrawItem>(id, input, (i, today, e) => Read(i, today, e, context.User.DisplayName), Decide, ct);
}
