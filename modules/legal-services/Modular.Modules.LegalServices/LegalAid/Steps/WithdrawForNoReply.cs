using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class WithdrawForNoReplyInput : LegalAidStepInput
{
    public string? Note { get; set; }
}

internal sealed record WithdrawForNoReply(DateOnly? On, string? Note);

/// <summary>法律援助法 第四十三条: 申请人未按要求补充材料的，视为撤回申请 — only once the notice's day has passed.</summary>
internal static class WithdrawForNoReplyStep
{
    public const string Name = "withdrawal";

    public static WithdrawForNoReply Read(WithdrawForNoReplyInput input, DateOnly today, InputErrors errors) =>
        new(LegalAidStep.ReadOn(input.On, today, errors), errors.Optional("note", input.Note, "说明", "Note", 1000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, WithdrawForNoReply c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        if (a.MaterialsReplyBy is { } by && on <= by)
        {
            errors.Add("on", $"补充材料期限至{by:yyyy-MM-dd}，届满后才视为撤回", $"The notice runs until {by:yyyy-MM-dd}: only after it is the application withdrawn.");
        }

        return errors.Any ? [] : [new ApplicationWithdrawn(on, c.Note ?? "申请人未在期限内补充材料，视为撤回申请")];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, WithdrawForNoReplyInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<WithdrawForNoReplyInput>(applications, Name, RunAsync);
}
