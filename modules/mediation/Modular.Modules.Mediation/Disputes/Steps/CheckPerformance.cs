using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class CheckPerformanceInput : DisputeStepInput
{
    public string? Status { get; set; }

    public string? Note { get; set; }
}

internal sealed record CheckPerformance(DateOnly? On, PerformanceStatus? Status, string? Note);

/// <summary>人民调解法 Art 31: the committee supervises performance; "performed" completes the agreement.</summary>
internal static class CheckPerformanceStep
{
    public const string Name = "performance";

    public static CheckPerformance Read(CheckPerformanceInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Choice<PerformanceStatus>("status", input.Status, "履行情况", "performance"),
        errors.Required("note", input.Note, "督促履行情况说明", "Note", 2000));

    public static IReadOnlyList<object> Decide(Dispute d, CheckPerformance c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        return errors.Any ? [] : [new PerformanceChecked(on, c.Status!.Value, c.Note!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, CheckPerformanceInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<CheckPerformanceInput>(disputes, Name, RunAsync);
}
