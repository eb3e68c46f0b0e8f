using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class SupplyMaterialsInput : LegalAidStepInput
{
    public string? Items { get; set; }
}

internal sealed record SupplyMaterials(DateOnly? On, IReadOnlyList<string> Items);

/// <summary>The applicant supplied what the notice asked for, by its day: the application is complete again.</summary>
internal static class SupplyMaterialsStep
{
    public const string Name = "materials-supplied";

    public static SupplyMaterials Read(SupplyMaterialsInput input, DateOnly today, InputErrors errors) =>
        new(LegalAidStep.ReadOn(input.On, today, errors), LegalAidStep.Lines(errors, "items", input.Items, "补充的材料", "Materials supplied", required: true));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, SupplyMaterials c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        if (a.MaterialsReplyBy is { } by && on > by)
        {
            errors.Add("on", $"补充材料期限已于{by:yyyy-MM-dd}届满，申请视为撤回（第四十三条）", $"The notice's day ({by:yyyy-MM-dd}) has passed: the application counts as withdrawn (Art 43).");
        }

        return errors.Any ? [] : [new MaterialsSupplied(on, c.Items)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, SupplyMaterialsInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<SupplyMaterialsInput>(applications, Name, RunAsync);
}
