using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class RequestMaterialsInput : LegalAidStepInput
{
    /// <summary>Every missing material, one a line: the one notice names them all.</summary>
    public string? Missing { get; set; }
}

internal sealed record RequestMaterials(DateOnly? On, IReadOnlyList<string> Missing, Func<DateOnly, DateOnly> ReplyBy);

/// <summary>
/// 法律援助法 第四十三条: 申请人提交的申请材料不齐全的，应当一次性告知申请人需要补充的材料. One notice, listing all; a
/// second notice is refused. The reply period is the township's setting, counted by the statutory clock.
/// </summary>
internal static class RequestMaterialsStep
{
    public const string Name = "materials-request";

    public static RequestMaterials Read(RequestMaterialsInput input, DateOnly today, Func<DateOnly, DateOnly> replyBy, InputErrors errors) =>
        new(LegalAidStep.ReadOn(input.On, today, errors), LegalAidStep.Lines(errors, "missing", input.Missing, "需要补充的材料", "Missing materials", required: true), replyBy);

    public static IReadOnlyList<object> Decide(LegalAidApplication a, RequestMaterials c, InputErrors errors)
    {
        if (a.MaterialsRequestedOn is { } earlier)
        {
            errors.Add("state", $"已于{earlier:yyyy-MM-dd}一次性告知需补充的材料，不能再次通知", $"The one notice of missing materials was sent on {earlier:yyyy-MM-dd}.");
        }

        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new MaterialsRequested(on, c.Missing, c.ReplyBy(on))];
    }

    public static async Task<bool> RunAsync(LegalAidStepContext context, Guid id, RequestMaterialsInput input, CancellationToken ct)
    {
        var settings = await context.SettingsAsync(ct);
        return await context.RunAsync(id, input, (i, today, errors) => Read(i, today, on => context.Clock.MaterialsReplyBy(on, settings).Date, errors), Decide, ct);
    }

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<RequestMaterialsInput>(applications, Name, RunAsync);
}
