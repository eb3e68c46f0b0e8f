using System.Globalization;
using Marten;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Time;

namespace Modular.Modules.Mediation.Disputes;

internal sealed class DisputeSettingsInput
{
    public long? Version { get; set; }

    public string? Code { get; set; }

    public string? Chinese { get; set; }

    public string? English { get; set; }

    public int? TargetDays { get; set; }

    /// <summary><c>CalendarDays</c> (also when left out) or <c>WorkingDays</c>.</summary>
    public string? TargetUnit { get; set; }

    public int? FollowUpDays { get; set; }

    public string? FollowUpUnit { get; set; }

    /// <summary>Left out: the lead period stays as it is.</summary>
    public int? LeadOpenDays { get; set; }

    public string? LeadOpenUnit { get; set; }
}

/// <summary>
/// Changes to the township's category list and local practice, by the center head. A category in use is retired,
/// never deleted, so old disputes keep their label; every change is an event on the township's settings stream.
/// </summary>
internal sealed class DisputeSettingsSteps(IDocumentSession session, ITownshipContext township)
{
    public Task AddCategoryAsync(DisputeSettingsInput input, CancellationToken ct) => RunAsync(input, ct, (s, errors) =>
    {
        var (chinese, english) = Names(input, errors);
        if (chinese is not null && s.Categories.Any(c => c.Chinese == chinese))
        {
            errors.Add("chinese", $"已有类别“{chinese}”", $"There is already a category '{chinese}'.");
        }

        var code = "Custom" + (s.Categories.Count(c => c.Code.StartsWith("Custom", StringComparison.Ordinal)) + 1).ToString(CultureInfo.InvariantCulture);
        return errors.Any ? null : new DisputeCategoryAdded(code, chinese!, english!);
    });

    public Task RenameCategoryAsync(DisputeSettingsInput input, CancellationToken ct) => RunAsync(input, ct, (s, errors) =>
    {
        var category = Existing(s, input.Code, errors);
        var (chinese, english) = Names(input, errors);
        if (chinese is not null && s.Categories.Any(c => c.Chinese == chinese && c.Code != category?.Code))
        {
            errors.Add("chinese", $"已有类别“{chinese}”", $"There is already a category '{chinese}'.");
        }

        return errors.Any ? null : new DisputeCategoryRenamed(category!.Code, chinese!, english!);
    });

    public Task RetireCategoryAsync(DisputeSettingsInput input, CancellationToken ct) => RunAsync(input, ct, (s, errors) =>
    {
        var category = Existing(s, input.Code, errors);
        if (category is { Retired: true })
        {
            errors.Add("code", "该类别已停用", "The category is already retired.");
        }
        else if (category is not null && s.Categories.Count(c => !c.Retired) == 1)
        {
            errors.Add("code", "至少保留一个在用类别", "Keep at least one category in use.");
        }

        return errors.Any ? null : new DisputeCategoryRetired(category!.Code);
    });

    /// <summary>
    /// The one-month target, the follow-up visit and the lead period are local practice: 1 to 365 days, counted as
    /// calendar days (a last day on a rest day moves to the next working day) or working days, as the township chooses.
    /// </summary>
    public Task SetPracticeAsync(DisputeSettingsInput input, CancellationToken ct) => RunAsync(input, ct, (_, errors) => Practice(input, errors));

    public static DisputePracticeSet? Practice(DisputeSettingsInput input, InputErrors errors)
    {
        var target = errors.Period("targetDays", "targetUnit", input.TargetDays, input.TargetUnit, "化解时限", "target");
        var followUp = errors.Period("followUpDays", "followUpUnit", input.FollowUpDays, input.FollowUpUnit, "回访时限", "follow-up period");
        StatutoryPeriod? lead = input.LeadOpenDays is null && input.LeadOpenUnit is null
            ? null
            : errors.Period("leadOpenDays", "leadOpenUnit", input.LeadOpenDays, input.LeadOpenUnit, "线索处理时限", "lead period");
        return errors.Any
            ? null
            : new DisputePracticeSet(target!.Value.Length, followUp!.Value.Length, target.Value.Unit, followUp.Value.Unit, lead?.Length, lead?.Unit ?? PeriodUnit.CalendarDays);
    }

    private static (string? Chinese, string? English) Names(DisputeSettingsInput input, InputErrors errors) =>
        (errors.Required("chinese", input.Chinese, "类别名称", "Chinese name", 30), errors.Required("english", input.English, "英文名称", "English name", 60));

    private static DisputeCategory? Existing(DisputeSettings s, string? code, InputErrors errors)
    {
        var category = s.Find(code);
        if (category is null)
        {
            errors.Add("code", "没有这个类别", "No such category.");
        }

        return category;
    }

    private async Task RunAsync(DisputeSettingsInput input, CancellationToken ct, Func<DisputeSettings, InputErrors, object?> decide)
    {
        var errors = new InputErrors();
        if (input.Version is not { } version)
        {
            throw InputRejectedException.Of("version", "缺少记录版本", "The version you read is required.");
        }

        var id = DisputeSettings.StreamId(township.Required.Slug);
        var stream = await session.Events.FetchForWriting<DisputeSettings>(id, version, ct);
        var change = decide(stream.Aggregate ?? new DisputeSettings { Id = id }, errors);
        errors.ThrowIfAny();
        stream.AppendOne(change!);
        await session.SaveChangesAsync(ct);
    }
}
