using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Records;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// The township's exam practice, one stream per township: what a new exam is offered with (the organiser changes any
/// of it per exam: provinces set 60 or 90 minutes, 3 attempts, pass 60 or 80, excellent 90), and who issues the
/// certificate of completion. Until a township sets its own, the defaults below (Shaanxi's 2020 exam) apply.
/// </summary>
internal sealed class ExamSettings
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public int TimeLimitMinutes { get; set; } = 90;

    public int AttemptsAllowed { get; set; } = 3;

    public int PassMark { get; set; } = 60;

    public int ExcellentMark { get; set; } = 90;

    public MultipleScoring MultipleScoring { get; set; } = MultipleScoring.AllOrNothing;

    /// <summary>The issuer printed on the certificate; the township's government when none is set.</summary>
    public string? CertificateIssuer { get; set; }

    public string IssuerOf(Township township) => CertificateIssuer ?? $"{township.Name}人民政府";

    public void Apply(ExamSettingsSet e)
    {
        TimeLimitMinutes = e.TimeLimitMinutes;
        AttemptsAllowed = e.AttemptsAllowed;
        PassMark = e.PassMark;
        ExcellentMark = e.ExcellentMark;
        MultipleScoring = e.MultipleScoring;
        CertificateIssuer = e.CertificateIssuer;
    }

    public static Guid StreamId(string township) => StableIds.Of("law-study.exam-settings", township);
}

/// <summary>The township's exam practice was set.</summary>
internal sealed record ExamSettingsSet(int TimeLimitMinutes, int AttemptsAllowed, int PassMark, int ExcellentMark, MultipleScoring MultipleScoring, string? CertificateIssuer);

internal sealed class ExamSettingsInput
{
    /// <summary>The version read; 0 while the defaults still apply.</summary>
    public long? Version { get; set; }

    public int? TimeLimitMinutes { get; set; }

    public int? AttemptsAllowed { get; set; }

    public int? PassMark { get; set; }

    public int? ExcellentMark { get; set; }

    public string? MultipleScoring { get; set; }

    public string? CertificateIssuer { get; set; }
}

internal sealed class ExamSettingsStore(IDocumentSession session, ITownshipContext township)
{
    private Guid Id => ExamSettings.StreamId(township.Required.Slug);

    public async Task<ExamSettings> GetAsync(CancellationToken ct) => await session.LoadAsync<ExamSettings>(Id, ct) ?? new ExamSettings { Id = Id };

    public static ExamSettingsSet? Decide(ExamSettingsInput input, InputErrors errors)
    {
        var minutes = errors.Number("timeLimitMinutes", input.TimeLimitMinutes, "默认答题时限（分钟）", "Default time limit (minutes)", 5, ExamReading.MaxMinutes);
        var attempts = errors.Number("attemptsAllowed", input.AttemptsAllowed, "默认考试次数", "Default attempts", 1, ExamReading.MaxAttempts);
        var pass = errors.Number("passMark", input.PassMark, "默认合格分数线", "Default pass mark", 1, 1000);
        var excellent = errors.Number("excellentMark", input.ExcellentMark, "默认优秀分数线", "Default excellent mark", 1, 1000);
        if (pass is { } p && excellent is { } x && x < p)
        {
            errors.Add("excellentMark", "优秀分数线不能低于合格分数线", "The excellent mark cannot be below the pass mark.");
        }

        var scoring = errors.Choice<MultipleScoring>("multipleScoring", input.MultipleScoring ?? nameof(MultipleScoring.AllOrNothing), "多选题计分方式", "multiple-choice scoring");
        var issuer = errors.Optional("certificateIssuer", input.CertificateIssuer, "证书落款单位", "Certificate issuer", 100);
        return errors.Any ? null : new ExamSettingsSet(minutes!.Value, attempts!.Value, pass!.Value, excellent!.Value, scoring!.Value, issuer);
    }

    public async Task SetAsync(ExamSettingsInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var set = Decide(input, errors);
        errors.Require(input.Version is not null, "version", "缺少记录版本", "The version you read is required.");
        errors.ThrowIfAny();
        var current = (await session.Events.FetchStreamStateAsync(Id, ct))?.Version ?? 0;
        if (current != input.Version)
        {
            throw new VersionConflictException(Id, input.Version!.Value, current);
        }

        if (current == 0)
        {
            session.Events.StartStream<ExamSettings>(Id, set!);
        }
        else
        {
            session.Events.Append(Id, current + 1, set!);
        }

        await session.SaveChangesAsync(ct);
    }

    public static async Task<Ok<ExamSettings>> GetEndpointAsync(ExamSettingsStore settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAsync(ct));

    public static async Task<Results<Ok<ExamSettings>, ValidationProblem>> SetEndpointAsync(ExamSettingsInput input, ExamSettingsStore settings, CancellationToken ct)
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
