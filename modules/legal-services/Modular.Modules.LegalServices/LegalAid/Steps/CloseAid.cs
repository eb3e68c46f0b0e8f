using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class CloseAidInput : LegalAidStepInput
{
    public string? Outcome { get; set; }

    public string? Report { get; set; }
}

internal sealed record CloseAid(DateOnly? On, string? Outcome, string? Report);

/// <summary>法律援助法 第五十条: the case ended; the assignee's closing report (结案报告) and its outcome are recorded.</summary>
internal static class CloseAidStep
{
    public const string Name = "closing";

    public static CloseAid Read(CloseAidInput input, DateOnly today, InputErrors errors) => new(
        LegalAidStep.ReadOn(input.On, today, errors),
        errors.Required("outcome", input.Outcome, "办理结果", "Outcome", 500),
        errors.Required("report", input.Report, "结案报告", "Closing report", 4000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, CloseAid c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new AidClosed(on, c.Outcome!, c.Report!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, CloseAidInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<CloseAidInput>(applications, Name, RunAsync);
}
