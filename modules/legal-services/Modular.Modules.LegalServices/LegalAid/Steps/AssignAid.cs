using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class AssignAidInput : LegalAidStepInput
{
    public string? Kind { get; set; }

    public string? Assignee { get; set; }

    public string? Organisation { get; set; }
}

internal sealed record AssignAid(DateOnly? On, AssigneeKind? Kind, string? Assignee, string? Organisation);

/// <summary>法律援助法 第四十三条: assigned within 3 days of the grant to a lawyer, a grassroots legal worker or a volunteer.</summary>
internal static class AssignAidStep
{
    public const string Name = "assignment";

    public static AssignAid Read(AssignAidInput input, DateOnly today, InputErrors errors) => new(
        LegalAidStep.ReadOn(input.On, today, errors),
        errors.Choice<AssigneeKind>("kind", input.Kind, "承办人员类别", "kind of assignee"),
        errors.Required("assignee", input.Assignee, "承办人员", "Assignee", 50),
        errors.Required("organisation", input.Organisation, "所在机构", "Organisation", 100));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, AssignAid c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new AidAssigned(on, c.Kind!.Value, c.Assignee!, c.Organisation!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, AssignAidInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<AssignAidInput>(applications, Name, RunAsync);
}
