using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Records;
using Modular.Kit.Time;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>
/// The township's consultation periods, one stream per township. Until a township sets its own, the national service
/// standard's apply; a township may shorten them (a county's stricter standard), never lengthen them.
/// </summary>
internal sealed class ConsultationSettings
{
    // 公共法律服务 national service standard (as the county's service standard repeats it): a letter is decided on within
    // 7 working days, an online message answered within 24 hours of its arrival.
    public static readonly StatutoryPeriod StandardLetterPeriod = StatutoryPeriod.WorkingDays(7);
    public static readonly HourPeriod StandardOnlineReply = new(24);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public int LetterDays { get; set; } = StandardLetterPeriod.Length;

    public PeriodUnit LetterUnit { get; set; } = StandardLetterPeriod.Unit;

    public int OnlineReplyHours { get; set; } = StandardOnlineReply.Hours;

    public StatutoryPeriod LetterPeriod => new(LetterDays, LetterUnit);

    public HourPeriod OnlineReply => new(OnlineReplyHours);

    public void Apply(ConsultationPeriodsSet e)
    {
        LetterDays = e.LetterDays;
        LetterUnit = e.LetterUnit;
        OnlineReplyHours = e.OnlineReplyHours;
    }

    public static Guid StreamId(string township) => StableIds.Of("legal-services.consultation-settings", township);
}

/// <summary>The settings as the API and the page post them; <c>version</c> is 0 while the standard still applies.</summary>
internal sealed class ConsultationSettingsInput
{
    public long? Version { get; set; }

    public int? LetterDays { get; set; }

    public string? LetterUnit { get; set; }

    public int? OnlineReplyHours { get; set; }
}

/// <summary>Reads and changes the current township's settings.</summary>
internal sealed class ConsultationSettingsStore(IDocumentSession session, ITownshipContext township)
{
    private ConsultationSettings? _loaded;

    private Guid Id => ConsultationSettings.StreamId(township.Required.Slug);

    public async Task<ConsultationSettings> GetAsync(CancellationToken ct) =>
        _loaded ??= await session.LoadAsync<ConsultationSettings>(Id, ct) ?? new ConsultationSettings { Id = Id };

    /// <summary>A pure decision: the new periods, refused when longer than the standard's.</summary>
    public static ConsultationPeriodsSet? Decide(ConsultationSettingsInput input, InputErrors errors)
    {
        var letter = errors.Period("letter.length", "letter.unit", input.LetterDays, input.LetterUnit, "来信办理时限", "letter period", ConsultationSettings.StandardLetterPeriod);
        var online = errors.Hours("onlineReplyHours", input.OnlineReplyHours, ConsultationSettings.StandardOnlineReply, "网上留言答复时限", "Online reply period");
        return letter is { } l && online is { } o ? new ConsultationPeriodsSet(l.Length, l.Unit, o.Hours) : null;
    }

    public async Task SetAsync(ConsultationSettingsInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var set = Decide(input, errors);
        if (input.Version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
        }

        errors.ThrowIfAny();
        var current = (await session.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        if (current != input.Version)
        {
            throw new VersionConflictException(Id, input.Version!.Value, current);
        }

        if (current == 0)
        {
            session.Events.StartStream<ConsultationSettings>(Id, set!);
        }
        else
        {
            session.Events.Append(Id, current + 1, set!);
        }

        await session.SaveChangesAsync(ct);
        _loaded = null;
    }

    public static async Task<Ok<ConsultationSettings>> GetEndpointAsync(ConsultationSettingsStore settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAsync(ct));

    public static async Task<Results<Ok<ConsultationSettings>, ValidationProblem>> SetEndpointAsync(ConsultationSettingsInput input, ConsultationSettingsStore settings, CancellationToken ct)
    {
        try
        {
            await settings.SetAsync(input, ct);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }

        return TypedResults.Ok(await settings.GetAsync(ct));
    }
}
