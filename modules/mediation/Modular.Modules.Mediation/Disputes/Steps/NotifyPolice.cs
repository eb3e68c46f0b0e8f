using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class NotifyPoliceInput : DisputeStepInput
{
    public string? Station { get; set; }

    public string? Reason { get; set; }
}

internal sealed record NotifyPolice(DateOnly? On, string? Station, string? Risk);

/// <summary>人民调解法 Art 25: a dispute that may become a public-order or criminal case is reported to the police at once.</summary>
internal static class NotifyPoliceStep
{
    public const string Name = "police-report";

    public static NotifyPolice Read(NotifyPoliceInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("station", input.Station, "报告的公安机关", "Police station", 100),
        errors.Required("reason", input.Reason, "激化风险情况", "Risk", 2000));

    public static IReadOnlyList<object> Decide(Dispute d, NotifyPolice c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        return errors.Any ? [] : [new PoliceNotified(on, c.Station!, c.Risk!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, NotifyPoliceInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<NotifyPoliceInput>(disputes, Name, RunAsync);
}
