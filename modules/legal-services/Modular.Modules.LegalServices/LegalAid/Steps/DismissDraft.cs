using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class DismissDraftInput : LegalAidStepInput
{
    public string? Reason { get; set; }
}

internal sealed record DismissDraft(DateOnly? On, string? Reason);

/// <summary>A referral the applicant does not take up (or that is not for legal aid) is dismissed with the clerk's reason.</summary>
internal static class DismissDraftStep
{
    public const string Name = "dismissal";

    public static DismissDraft Read(DismissDraftInput input, DateOnly today, InputErrors errors) =>
        new(LegalAidStep.ReadOn(input.On, today, errors), errors.Required("reason", input.Reason, "不予受理转介的理由", "Reason", 1000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, DismissDraft c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new DraftDismissed(on, c.Reason!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, DismissDraftInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<DismissDraftInput>(applications, Name, RunAsync);
}
