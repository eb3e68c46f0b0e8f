using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Records;
using Modular.Kit.Time;

namespace Modular.Modules.LegalServices.Counsel;

internal sealed record CounselSettingsSet(int ReviewDays, PeriodUnit ReviewUnit, int ExpiryWarningDays);

/// <summary>
/// The township's counsel settings, one stream per township. The review time is the one period here that the law sets
/// as a floor rather than a ceiling: 重大行政决策程序暂行条例 Art 26 gives counsel "一般不少于7个工作日", so a township may
/// give more working days, never fewer. The expiry warning is the township's own lead time before a contract ends.
/// </summary>
internal sealed class CounselSettings
{
    public static readonly StatutoryPeriod LawReview = StatutoryPeriod.WorkingDays(7);
    public const int DefaultExpiryWarningDays = 30;

    public Guid Id { get; set; }

    public long Version { get; set; }

    public int ReviewDays { get; set; } = LawReview.Length;

    public PeriodUnit ReviewUnit { get; set; } = LawReview.Unit;

    public int ExpiryWarningDays { get; set; } = DefaultExpiryWarningDays;

    public StatutoryPeriod Review => new(ReviewDays, ReviewUnit);

    public StatutoryPeriod ExpiryWarning => StatutoryPeriod.CalendarDays(ExpiryWarningDays);

    public void Apply(CounselSettingsSet e)
    {
        ReviewDays = e.ReviewDays;
        ReviewUnit = e.ReviewUnit;
        ExpiryWarningDays = e.ExpiryWarningDays;
    }

    public static Guid StreamId(string township) => StableIds.Of("legal-services.counsel-settings", township);
}

internal sealed class CounselSettingsInput
{
    public long? Version { get; set; }

    public int? ReviewDays { get; set; }

    public string? ReviewUnit { get; set; }

    public int? ExpiryWarningDays { get; set; }
}

/// <summary>The settings as the API answers them: each period with its unit by name and its words.</summary>
internal sealed record CounselSettingsView(long Version, PeriodView Review, PeriodView LawReview, PeriodView ExpiryWarning);

internal sealed class CounselSettingsStore(IDocumentSession session, ITownshipContext township)
{
    private CounselSettings? _loaded;

    public async Task<CounselSettings> GetAsync(CancellationToken ct)
    {
        var id = CounselSettings.StreamId(township.Required.Slug);
        return _loaded ??= await session.LoadAsync<CounselSettings>(id, ct) ?? new CounselSettings { Id = id };
    }

    /// <summary>The pure decision: a review time of at least the law's 7 working days, and a warning of 1–365 days.</summary>
    public static CounselSettingsSet? Decide(CounselSettingsInput input, InputErrors errors)
    {
        var review = errors.Period("reviewDays", "reviewUnit", input.ReviewDays, input.ReviewUnit ?? nameof(PeriodUnit.WorkingDays), "合法性审查时间", "review time");
        if (review is { } r && !CounselSettings.LawReview.NoLongerThan(r))
        {
            // Calendar days can fall short of 7 working days over a holiday, so only working days are taken.
            errors.Add("reviewDays", "审查时间不能少于7个工作日（重大行政决策程序暂行条例第二十六条）", "The review time cannot be less than 7 working days (Art 26).");
        }

        var warning = errors.Number("expiryWarningDays", input.ExpiryWarningDays, "合同到期提醒（日）", "Days of warning before the contract ends", 1, PeriodSettings.MaxLength);
        return errors.Any ? null : new CounselSettingsSet(review!.Value.Length, review.Value.Unit, warning!.Value);
    }

    public async Task SetAsync(CounselSettingsInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var set = Decide(input, errors);
        errors.Require(input.Version is not null, "version", "缺少记录版本", "The version you read is required.");
        errors.ThrowIfAny();
        var stream = await session.Events.FetchForWriting<CounselSettings>(CounselSettings.StreamId(township.Required.Slug), input.Version!.Value, ct);
        stream.AppendOne(set!);
        await session.SaveChangesAsync(ct);
        _loaded = null;
    }

    public static CounselSettingsView View(CounselSettings s) =>
        new(s.Version, PeriodView.Of(s.Review), PeriodView.Of(CounselSettings.LawReview), PeriodView.Of(s.ExpiryWarning));

    public static async Task<Ok<CounselSettingsView>> GetEndpointAsync(CounselSettingsStore settings, CancellationToken ct) => TypedResults.Ok(View(await settings.GetAsync(ct)));

    public static async Task<Results<Ok<CounselSettingsView>, ValidationProblem>> SetEndpointAsync(CounselSettingsInput input, CounselSettingsStore settings, CancellationToken ct)
    {
        try
        {
            await settings.SetAsync(input, ct);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }

        return TypedResults.Ok(View(await settings.GetAsync(ct)));
    }
}
