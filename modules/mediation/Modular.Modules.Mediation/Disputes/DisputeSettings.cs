using System.Security.Cryptography;
using System.Text;
using Marten;
using Modular.Contracts.Modules;
using Modular.Contracts.Townships;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>A dispute category of the township's ledger; retired ones stay on old disputes but are not offered.</summary>
internal sealed record DisputeCategory(string Code, string Chinese, string English, bool Retired)
{
    public LocalizedText Label => new(Chinese, English);
}

internal sealed record DisputeCategoryAdded(string Code, string Chinese, string English);

internal sealed record DisputeCategoryRenamed(string Code, string Chinese, string English);

internal sealed record DisputeCategoryRetired(string Code);

/// <summary>The local practice: days to resolve a dispute (the one-month target) and days after an agreement to visit.</summary>
internal sealed record DisputePracticeSet(int TargetDays, int FollowUpDays);

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

    public int FollowUpDays { get; set; } = DefaultFollowUpDays;

    public void Apply(DisputeCategoryAdded e) => Categories.Add(new(e.Code, e.Chinese, e.English, false));

    public void Apply(DisputeCategoryRenamed e) => Replace(e.Code, c => c with { Chinese = e.Chinese, English = e.English });

    public void Apply(DisputeCategoryRetired e) => Replace(e.Code, c => c with { Retired = true });

    public void Apply(DisputePracticeSet e)
    {
        TargetDays = e.TargetDays;
        FollowUpDays = e.FollowUpDays;
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

/// <summary>Reads the current township's settings, the defaults when none were changed.</summary>
internal sealed class DisputeSettingsReader(IQuerySession session, ITownshipContext township)
{
    private DisputeSettings? _loaded;

    public async Task<DisputeSettings> GetAsync(CancellationToken ct)
    {
        var id = DisputeSettings.StreamId(township.Required.Slug);
        return _loaded ??= await session.LoadAsync<DisputeSettings>(id, ct) ?? new DisputeSettings { Id = id };
    }
}
