using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Retainers;

internal sealed class RenewRetainerInput : CounselStepInput
{
    public string? To { get; set; }

    public string? ContractNumber { get; set; }
}

internal sealed record RenewRetainer(DateOnly? On, DateOnly? To, string? ContractNumber, string By);

/// <summary>续聘: the same firm for a longer term; the contract's end moves, its history stays in the record.</summary>
internal static class RenewRetainerStep
{
    public const string Name = "renewal";

    public static RenewRetainer Read(RenewRetainerInput input, DateOnly today, InputErrors errors, string by) =>
        new(CounselInput.OnOrToday(input.On, today, errors), CounselInput.AnyDay(errors, "to", input.To, "新的聘期止", "New term end"),
            errors.Optional("contractNumber", input.ContractNumber, "合同编号", "Contract number", 50), by);

    public static IReadOnlyList<object> Decide(Retainer r, RenewRetainer c, InputErrors errors)
    {
        Retainer.Steps.Expect(r, Name, errors);
        if (c.To is { } to && to <= r.To)
        {
            errors.Add("to", $"新的聘期止应晚于{r.To:yyyy-MM-dd}", $"The new end must be after {r.To:yyyy-MM-dd}.");
        }

        return errors.Any ? [] : [new RetainerRenewed(c.To!.Value, c.ContractNumber, c.On!.Value, c.By)];
    }

    public static Task<bool> RunAsync(CounselStepContext context, Guid id, RenewRetainerInput input, CancellationToken ct) =>
        context.RunAsync<Retainer, RenewRetainerInput, RenewRetainer>(id, input, (i, today, e) => Read(i, today, e, context.User.DisplayName), Decide, ct);
}
