using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class VisitRecipientInput : LegalAidStepInput
{
    public string? Visitor { get; set; }

    public string? Note { get; set; }
}

internal sealed record VisitRecipient(DateOnly? On, string? Visitor, string? Note);

/// <summary>法律援助法 第五十九条: the quality of the aid is checked, among other ways by visiting the recipient (回访).</summary>
internal static class VisitRecipientStep
{
    public const string Name = "follow-up";

    public static VisitRecipient Read(VisitRecipientInput input, DateOnly today, InputErrors errors) => new(
        LegalAidStep.ReadOn(input.On, today, errors),
        errors.Required("visitor", input.Visitor, "回访人", "Visitor", 50),
        errors.Required("note", input.Note, "回访情况（受援人意见）", "What the recipient said", 2000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, VisitRecipient c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new RecipientVisited(on, c.Visitor!, c.Note!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, VisitRecipientInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<VisitRecipientInput>(applications, Name, RunAsync);
}
