using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Records;
using Modular.Kit.Time;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>The township's certificate rules, one stream per township; provinces differ, so none is national.</summary>
internal sealed class CertificateSettings
{
    /// <summary>Two months' warning before a review or an expiry, counted by the clock.</summary>
    public static readonly StatutoryPeriod DefaultWarning = StatutoryPeriod.CalendarDays(60);

    public Guid Id { get; set; }

    public long Version { get; set; }

    /// <summary>年审 every year, or 审验 every three years.</summary>
    public int ReviewCycleYears { get; set; } = 1;

    /// <summary>How long a certificate is valid from its issue or renewal.</summary>
    public int ValidityYears { get; set; } = 5;

    public int WarningLength { get; set; } = DefaultWarning.Length;

    public PeriodUnit WarningUnit { get; set; } = DefaultWarning.Unit;

    public StatutoryPeriod Warning => new(WarningLength, WarningUnit);

    public void Apply(CertificateRulesSet e)
    {
        ReviewCycleYears = e.ReviewCycleYears;
        ValidityYears = e.ValidityYears;
        WarningLength = e.WarningLength;
        WarningUnit = e.WarningUnit;
    }

    public static Guid StreamId(string township) => StableIds.Of("law-study.certificate-settings", township);
}

/// <summary>The township set its certificate rules.</summary>
internal sealed record CertificateRulesSet(int ReviewCycleYears, int ValidityYears, int WarningLength, PeriodUnit WarningUnit);

internal sealed class CertificateSettingsInput
{
    public long? Version { get; set; }

    public int? ReviewCycleYears { get; set; }

    public int? ValidityYears { get; set; }

    public int? WarningLength { get; set; }

    public string? WarningUnit { get; set; }
}

/// <summary>The current township's certificate rules, read and set.</summary>
internal sealed class CertificateSettingsStore(IDocumentSession session, ITownshipContext township)
{
    private CertificateSettings? _loaded;

    private Guid Id => CertificateSettings.StreamId(township.Required.Slug);

    public async Task<CertificateSettings> GetAsync(CancellationToken ct) =>
        _loaded ??= await session.LoadAsync<CertificateSettings>(Id, ct) ?? new CertificateSettings { Id = Id };

    public static CertificateRulesSet? Decide(CertificateSettingsInput input, InputErrors errors)
    {
        var cycle = errors.Number("reviewCycleYears", input.ReviewCycleYears, "审验周期（年）", "Review cycle (years)", 1, 3);
        if (cycle == 2)
        {
            errors.Add("reviewCycleYears", "审验周期为每年或每三年", "Certificates are reviewed every year or every three years.");
        }

        var validity = errors.Number("validityYears", input.ValidityYears, "有效期（年）", "Validity (years)", 1, 10);
        var warning = errors.Period("warningLength", "warningUnit", input.WarningLength, input.WarningUnit, "到期提醒", "warning period");
        return errors.Any ? null : new CertificateRulesSet(cycle!.Value, validity!.Value, warning!.Value.Length, warning.Value.Unit);
    }

    public async Task SetAsync(CertificateSettingsInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        await SettingsStreams.SetAsync<CertificateSettings>(session, Id, input.Version, Decide(input, errors), errors, ct);
        _loaded = null;
    }

    public static async Task<Ok<CertificateSettings>> GetEndpointAsync(CertificateSettingsStore settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAsync(ct));

    public static async Task<Ok<CertificateSettings>> SetEndpointAsync(CertificateSettingsInput input, CertificateSettingsStore settings, CancellationToken ct)
    {
        await settings.SetAsync(input, ct);
        return TypedResults.Ok(await settings.GetAsync(ct));
    }
}
