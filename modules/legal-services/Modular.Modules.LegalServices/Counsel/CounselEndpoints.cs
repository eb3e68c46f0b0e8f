using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.PersonalData;
using Modular.Modules.LegalServices.Counsel.Reviews;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>The counsel area's reads: retainers, reviews ("my reviews" for a counsel), meetings, cases, figures, a reveal.</summary>
internal static class CounselEndpoints
{
    public static async Task<Ok<IReadOnlyList<RetainerView>>> RetainersAsync(CounselQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.RetainerViewsAsync(ct));

    public static async Task<Results<Ok<RetainerView>, NotFound>> RetainerAsync(Guid id, CounselQueries queries, CancellationToken ct) =>
        await queries.RetainerAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    /// <summary>A counsel's phone in clear, with a reason, audited by the guard.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealPhoneAsync(
        Guid id, Guid counselId, RevealRequest request, CounselQueries queries, IPersonalDataGuard guard, CancellationToken ct) =>
        await queries.LoadRetainerAsync(id, ct) is { } r && r.Counsel.FirstOrDefault(c => c.Id == counselId) is { } counsel
            ? await Reveals.AnswerAsync(request, RevealFields.Of(null, counsel.Phone, null), r.Subject(counsel), guard, ct)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<ReviewListPage>, ValidationProblem>> ReviewsAsync(string? state, bool? mine, CounselQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var s = errors.Choice<ReviewState>("state", state, "审查状态", "state", required: false);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await queries.ReviewsAsync(s, mine == true, ct));
    }

    public static async Task<Results<Ok<ReviewView>, NotFound>> ReviewAsync(Guid id, CounselQueries queries, CancellationToken ct) =>
        await queries.ReviewAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<MeetingView>>, ValidationProblem>> MeetingsAsync(string? year, CounselQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var y = Year(errors, year);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await queries.MeetingsAsync(y, ct));
    }

    public static async Task<Results<Ok<MeetingView>, NotFound>> MeetingAsync(Guid id, CounselQueries queries, CancellationToken ct) =>
        await queries.MeetingAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Ok<IReadOnlyList<CaseView>>> CasesAsync(CounselQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.CasesAsync(ct));

    public static async Task<Results<Ok<CaseView>, NotFound>> CaseAsync(Guid id, CounselQueries queries, CancellationToken ct) =>
        await queries.CaseAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<CounselFigureSet>, ValidationProblem>> FiguresAsync(string? from, string? to, CounselFigures figures, CounselQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var period = Period.Read(from, to, queries.Today, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await figures.ForPeriodAsync(period, ct));
    }

    /// <summary>A year in a query (2020), or null when none is given.</summary>
    public static int? Year(InputErrors errors, string? year)
    {
        if (string.IsNullOrWhiteSpace(year))
        {
            return null;
        }

        if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
        {
            return y;
        }

        errors.Add("year", "年份应为2000至2100之间的四位数", "A year is four digits between 2000 and 2100.");
        return null;
    }
}
