using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Marten;
using Marten.Services.BatchQuerying;
using Microsoft.Extensions.Options;
using Modular.Contracts.Modules;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Modules.Mediation.Liaisons;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>A dispute category of the township's ledger; retired ones stay on old disputes but are not offered.</summary>
internal sealed record DisputeCategory(string Code, string Chinese, string English, bool Retired)
{
    public LocalizedText Label => new(Chinese, English);
}

internal sealed record DisputeCategoryAdded(string Code, string Chinese, string English);

internal sealed record DisputeCategoryRenamed(string Code, string Chinese, string English);

internal sealed record DisputeCategoryRetired(string Code);

/// <summary>
/// The local practice: the period to resolve a dispute (the one-month target), the period after an agreement to visit,
/// and (when given) the period an open lead may wait. Events recorded before units existed have none: they meant
/// calendar days, which is what the defaults read them as; one without a lead period leaves the lead's as it was.
/// </summary>
internal sealed record DisputePracticeSet(
    int TargetDays,
    int FollowUpDays,
    PeriodUnit TargetUnit = PeriodUnit.CalendarDays,
    PeriodUnit FollowUpUnit = PeriodUnit.CalendarDays,
    int? LeadOpenDays = null,
    PeriodUnit LeadOpenUnit = PeriodUnit.CalendarDays);

/// <summary>
/// The township's dispute settings: its category list (the national seven to begin with) and its local practice. One
/// stream per township; until anything is changed, the defaults apply.
/// </summary>
internal sealed class DisputeSettings
{
    public const int DefaultTargetDays = 30;
    public const int DefaultFollowUpDays = 30;

    public static IReadOnlyList<DisputeCategory> DefaultCategories { get; } =
    [
        new("MarriageFamily", "婚姻家庭纠纷", "Marriage and family", false),
        new("Neighbours", "邻里纠纷", "Neighbours", false),
        new("LandForest", "山林土地纠纷", "Land and forest", false),
        new("LabourWages", "劳动争议（欠薪）纠纷", "Labour and wages", false),
        new("Contracts", "合同纠纷", "Contracts", false),
        new("Damages", "损害赔偿纠纷", "Damages", false),
        new("Other", "其他纠纷", "Other", false),
    ];

    public Guid Id { get; set; }

    public long Version { get; set; }

    public List<DisputeCategory> Categories { get; set; } = [.. DefaultCategories];

    public int TargetDays { get; set; } = DefaultTargetDays;

    public PeriodUnit TargetUnit { get; set; } = PeriodUnit.CalendarDays;

    public int FollowUpDays { get; set; } = DefaultFollowUpDays;

    public PeriodUnit FollowUpUnit { get; set; } = PeriodUnit.CalendarDays;

    /// <summary>
    /// The township's own lead period; null in storage until it sets one, filled with the deployment's default
    /// (<see cref="LiaisonOptions"/>) when read through <see cref="DisputeSettingsReader"/>.
    /// </summary>
    public int? LeadOpenDays { get; set; }

    public PeriodUnit LeadOpenUnit { get; set; } = PeriodUnit.CalendarDays;

    /// <summary>Local practice, not a statute: 人民调解法 sets no time limit for a mediation.</summary>
    [JsonIgnore]
    public StatutoryPeriod Target => new(TargetDays, TargetUnit);

    [JsonIgnore]
    public StatutoryPeriod FollowUp => new(FollowUpDays, FollowUpUnit);

    /// <summary>Local practice: a lead is looked into while it is fresh.</summary>
    [JsonIgnore]
    public StatutoryPeriod LeadOpen => new(LeadOpenDays ?? LiaisonOptions.DefaultLeadOpenDays, LeadOpenUnit);

    public void Apply(DisputeCategoryAdded e) => Categories.Add(new(e.Code, e.Chinese, e.English, false));

    public void Apply(DisputeCategoryRenamed e) => Replace(e.Code, c => c with { Chinese = e.Chinese, English = e.English });

    public void Apply(DisputeCategoryRetired e) => Replace(e.Code, c => c with { Retired = true });

    public void Apply(DisputePracticeSet e)
    {
        TargetDays = e.TargetDays;
        TargetUnit = e.TargetUnit;
        FollowUpDays = e.FollowUpDays;
        FollowUpUnit = e.FollowUpUnit;
        if (e.LeadOpenDays is { } lead)
        {
            LeadOpenDays = lead;
            LeadOpenUnit = e.LeadOpenUnit;
        }
    }

    public DisputeCategory? Find(string? code) => Categories.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The category's label, or the code itself for a category this township never had (an old import).</summary>
    public LocalizedText Label(string code) => Find(code)?.Label ?? new(code, code);

    private void Replace(string code, Func<DisputeCategory, DisputeCategory> change)
    {
        var index = Categories.FindIndex(c => c.Code == code);
        if (index >= 0)
        {
            Categories[index] = change(Categories[index]);
        }
    }

    /// <summary>The settings stream of a township: derived from its slug, so every township has exactly one.</summary>
    public static Guid StreamId(string township)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"mediation.dispute-settings:{township}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

/// <summary>
/// Reads the current township's settings, the defaults when none were changed; a lead period the township never set is
/// the deployment's (<c>Modular:Mediation:Liaisons</c>).
/// </summary>
internal sealed class DisputeSettingsReader(IQuerySession session, ITownshipContext township, IOptions<LiaisonOptions> liaisons)
{
    private DisputeSettings? _loaded;
    private (IBatchedQuery Batch, Task<DisputeSettings?> Settings)? _loading;

    public async Task<DisputeSettings> GetAsync(CancellationToken ct) =>
        _loaded ??= Completed(await session.LoadAsync<DisputeSettings>(StreamId, ct));

    /// <summary>The settings read with <paramref name="batch"/> (or as this request already has them), once it has been executed.</summary>
    public Func<Task<DisputeSettings>> Get(IBatchedQuery batch)
    {
        if (_loaded is { } known)
        {
            return () => Task.FromResult(known);
        }

        // Several reads of one page share a batch: the settings are asked for once.
        if (_loading?.Batch != batch)
        {
            _loading = (batch, batch.Load<DisputeSettings>(StreamId));
        }

        var loading = _loading.Value.Settings;
        return async () => _loaded ??= Completed(await loading);
    }

    private Guid StreamId => DisputeSettings.StreamId(township.Required.Slug);

    /// <summary>The stored settings, or the defaults for a township that never changed them, with the liaisons' option.</summary>
    private DisputeSettings Completed(DisputeSettings? stored)
    {
        var settings = stored ?? new DisputeSettings { Id = StreamId };
        if (settings.LeadOpenDays is null)
        {
            settings.LeadOpenDays = liaisons.Value.LeadOpenDays;
            settings.LeadOpenUnit = liaisons.Value.LeadOpenUnit;
        }

        return settings;
    }

    /// <summary>The settings as a change just left them.</summary>
    public Task<DisputeSettings> ReloadAsync(CancellationToken ct)
    {
        (_loaded, _loading) = (null, null);
        return GetAsync(ct);
    }
}
