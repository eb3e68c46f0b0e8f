using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class ProvideProvisionalAidInput : LegalAidStepInput
{
    public string? Ground { get; set; }

    /// <summary>For a limitation period: the day it ends (yyyy-MM-dd).</summary>
    public string? LimitationEndsOn { get; set; }

    public string? Note { get; set; }
}

internal sealed record ProvideProvisionalAid(DateOnly? On, ProvisionalGround? Ground, DateOnly? LimitationEndsOn, string? Note);

/// <summary>
/// 法律援助法 第四十四条: the agency may provide aid before deciding when a limitation period or time limit ends in less
/// than seven days, or preservation or advance execution is urgent; the recipient completes the paperwork afterwards.
/// </summary>
internal static class ProvideProvisionalAidStep
{
    public const string Name = "provisional-aid";

    /// <summary>Art 44 (一): 距法定时效或者期限届满不足七日.</summary>
    public const int LimitationDays = 7;

    public static ProvideProvisionalAid Read(ProvideProvisionalAidInput input, DateOnly today, InputErrors errors) => new(
        LegalAidStep.ReadOn(input.On, today, errors),
        errors.Choice<ProvisionalGround>("ground", input.Ground, "先行提供的理由（第四十四条）", "ground (Art 44)"),
        errors.Day("limitationEndsOn", input.LimitationEndsOn),
        errors.Required("note", input.Note, "情况说明", "Note", 1000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, ProvideProvisionalAid c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        if (c.Ground == ProvisionalGround.LimitationEndsWithinSevenDays)
        {
            if (c.LimitationEndsOn is not { } ends)
            {
                errors.Add("limitationEndsOn", "请填写时效或期限届满之日", "Give the day the limitation period ends.");
            }
            else if (ends < on || ends.DayNumber - on.DayNumber >= LimitationDays)
            {
                errors.Add("limitationEndsOn", $"时效或期限届满不足七日才可先行提供（届满日{ends:yyyy-MM-dd}）", $"Provisional aid needs the period to end within 7 days (it ends {ends:yyyy-MM-dd}).");
            }
        }

        return errors.Any ? [] : [new ProvisionalAidProvided(on, c.Ground!.Value, c.Ground == ProvisionalGround.LimitationEndsWithinSevenDays ? c.LimitationEndsOn : null, c.Note!)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, ProvideProvisionalAidInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<ProvideProvisionalAidInput>(applications, Name, RunAsync);
}
