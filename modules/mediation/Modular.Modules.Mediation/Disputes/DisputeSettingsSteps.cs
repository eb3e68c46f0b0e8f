using System.Globalization;
using Marten;
using Modular.Contracts.Townships;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes;

internal sealed class DisputeSettingsInput
{
    public long? Version { get; set; }

    public string? Code { get; set; }

    public string? Chinese { get; set; }

    public string? English { get; set; }

    public int? TargetDays { get; set; }

    public int? FollowUpDays { get; set; }
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

    /// <summary>The one-month target and the follow-up visit are local practice: 1 to 365 days.</summary>
    public Task SetPracticeAsync(DisputeSettingsInput input, CancellationToken ct) => RunAsync(input, ct, (_, errors) =>
    {
        if (input.TargetDays is not (>= 1 and <= 365))
        {
            errors.Add("targetDays", "化解时限为1至365日", "The target is 1 to 365 days.");
        }

        if (input.FollowUpDays is not (>= 1 and <= 365))
        {
            errors.Add("followUpDays", "回访时限为1至365日", "The follow-up is due 1 to 365 days after the agreement.");
        }

        return errors.Any ? null : new DisputePracticeSet(input.TargetDays!.Value, input.FollowUpDays!.Value);
    });

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
