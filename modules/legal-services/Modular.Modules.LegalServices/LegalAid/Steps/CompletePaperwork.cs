using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class CompletePaperworkInput : LegalAidStepInput
{
    public string? Note { get; set; }
}

internal sealed record CompletePaperwork(DateOnly? On, string? Note);

/// <summary>Art 44: after provisional aid, the recipient completes the paperwork and materials (受援人应当及时补办有关手续).</summary>
internal static class CompletePaperworkStep
{
    public const string Name = "paperwork";

    public static CompletePaperwork Read(CompletePaperworkInput input, DateOnly today, InputErrors errors) =>
        new(LegalAidStep.ReadOn(input.On, today, errors), errors.Required("note", input.Note, "补办的手续和材料", "Paperwork completed", 1000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, CompletePaperwork c, InputErrors errors)
    {
        if (a.ProvisionalOn is null)
        {
            errors.Add("state", "未先行提供法律援助，无需补办手续", "No provisional aid was provided: there is no paperwork to complete.");
        }

        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new ProvisionalPaperworkCompleted(on, c.Note!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, CompletePaperworkInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<CompletePaperworkInput>(applications, Name, RunAsync);
}
