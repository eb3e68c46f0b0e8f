using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Modules.OpenGovernment.DisclosureRequests;

namespace Modular.Modules.OpenGovernment.AnnualReport;

/// <summary>The five columns the national table 四 has for each kind of case.</summary>
internal sealed record CaseOutcomes(int Upheld, int Corrected, int Other, int Pending)
{
    public int Total => Upheld + Corrected + Other + Pending;

    public static CaseOutcomes None { get; } = new(0, 0, 0, 0);
}

/// <summary>
/// Staff enter the year's administrative reconsideration and litigation cases about disclosure (the platform does not
/// hold them); each entry is an event, a later one corrects an earlier one.
/// </summary>
internal sealed record ReviewAndLitigationRecorded(int Year, CaseOutcomes Reconsideration, CaseOutcomes SuedDirectly, CaseOutcomes SuedAfterReconsideration);

internal sealed class ReviewAndLitigationFigures
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public int Year { get; set; }

    public CaseOutcomes Reconsideration { get; set; } = CaseOutcomes.None;

    public CaseOutcomes SuedDirectly { get; set; } = CaseOutcomes.None;

    public CaseOutcomes SuedAfterReconsideration { get; set; } = CaseOutcomes.None;

    public static ReviewAndLitigationFigures Create(ReviewAndLitigationRecorded e) => new() { Year = e.Year, Reconsideration = e.Reconsideration, SuedDirectly = e.SuedDirectly, SuedAfterReconsideration = e.SuedAfterReconsideration };

    public void Apply(ReviewAndLitigationRecorded e) => (Reconsideration, SuedDirectly, SuedAfterReconsideration) = (e.Reconsideration, e.SuedDirectly, e.SuedAfterReconsideration);

    /// <summary>One stream per township and year, found by name.</summary>
    public static Guid StreamFor(string township, int year)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"open-government:review-and-litigation:{township}:{year}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

/// <summary>The staff form: flat so JSON and the page's form bind the same way.</summary>
internal sealed class RecordReviewInput
{
    /// <summary>The version read (0 when nothing was recorded for the year yet).</summary>
    public long? Version { get; set; }

    public int? ReconsiderationUpheld { get; set; }

    public int? ReconsiderationCorrected { get; set; }

    public int? ReconsiderationOther { get; set; }

    public int? ReconsiderationPending { get; set; }

    public int? DirectUpheld { get; set; }

    public int? DirectCorrected { get; set; }

    public int? DirectOther { get; set; }

    public int? DirectPending { get; set; }

    public int? AfterReconsiderationUpheld { get; set; }

    public int? AfterReconsiderationCorrected { get; set; }

    public int? AfterReconsiderationOther { get; set; }

    public int? AfterReconsiderationPending { get; set; }
}

internal sealed class RecordReviewAndLitigation(IDocumentSession session, ITownshipContext township, IStatutoryClock clock)
{
    public async Task<ReviewAndLitigationFigures?> LoadAsync(int year, CancellationToken ct) =>
        await session.LoadAsync<ReviewAndLitigationFigures>(ReviewAndLitigationFigures.StreamFor(township.Required.Slug, year), ct);

    public async Task RecordAsync(int year, RecordReviewInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (year < 2008 || year > clock.Today.Year)
        {
            errors.Add("year", "年份无效", "The year is out of range.");
        }

        if (input.Version is null or < 0)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required (0 for a first entry).");
        }

        int Count(string field, int? value)
        {
            if (value is null or < 0 or > 100_000)
            {
                errors.Add(field, "请填写0或正整数", "Enter 0 or a positive whole number.");
                return 0;
            }

            return value.Value;
        }

        var reconsideration = new CaseOutcomes(Count("reconsiderationUpheld", input.ReconsiderationUpheld), Count("reconsiderationCorrected", input.ReconsiderationCorrected), Count("reconsiderationOther", input.ReconsiderationOther), Count("reconsiderationPending", input.ReconsiderationPending));
        var direct = new CaseOutcomes(Count("directUpheld", input.DirectUpheld), Count("directCorrected", input.DirectCorrected), Count("directOther", input.DirectOther), Count("directPending", input.DirectPending));
        var after = new CaseOutcomes(Count("afterReconsiderationUpheld", input.AfterReconsiderationUpheld), Count("afterReconsiderationCorrected", input.AfterReconsiderationCorrected), Count("afterReconsiderationOther", input.AfterReconsiderationOther), Count("afterReconsiderationPending", input.AfterReconsiderationPending));
        errors.ThrowIfAny();

        var id = ReviewAndLitigationFigures.StreamFor(township.Required.Slug, year);
        var recorded = new ReviewAndLitigationRecorded(year, reconsideration, direct, after);
        if (input.Version == 0)
        {
            // A second first entry collides on the stream id: the host answers 409.
            session.Events.StartStream<ReviewAndLitigationFigures>(id, recorded);
        }
        else
        {
            var stream = await session.Events.FetchForWriting<ReviewAndLitigationFigures>(id, input.Version!.Value, ct);
            stream.AppendOne(recorded);
        }

        await session.SaveChangesAsync(ct);
    }

    public static async Task<Ok<ReviewAndLitigationFigures>> EndpointAsync(int year, RecordReviewInput input, RecordReviewAndLitigation handler, CancellationToken ct)
    {
        await handler.RecordAsync(year, input, ct);
        return TypedResults.Ok((await handler.LoadAsync(year, ct))!);
    }
}
