using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class SignAgreementInput : DisputeStepInput;

/// <summary>The day of the last signature.</summary>
internal sealed record SignAgreement(DateOnly? On);

/// <summary>人民调解法 Art 29: in effect from the day the last of the parties and the mediator signed, sealed by the committee.</summary>
internal static class SignAgreementStep
{
    public const string Name = "signature";

    public static SignAgreement Read(SignAgreementInput input, DateOnly today, InputErrors errors) => new(DisputeStep.ReadOn(input.On, today, errors));

    public static IReadOnlyList<object> Decide(Dispute d, SignAgreement c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        return errors.Any ? [] : [new AgreementSigned(on)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, SignAgreementInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<SignAgreementInput>(disputes, Name, RunAsync);
}
