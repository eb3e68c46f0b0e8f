using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Modules;
using Modular.Contracts.Storage;
using Modular.Host.Identity;
using Modular.Kit;
using Modular.Kit.Input;

namespace Modular.Host.County;

public sealed record CountyColumnView(string Key, LocalizedText Label, LocalizedText Module);

/// <summary>A township's figures: names, codes and numbers, never a person.</summary>
public sealed record CountyRowView(string Township, string Name, string Code, IReadOnlyDictionary<string, decimal?> Values, IReadOnlyDictionary<string, string> Texts);

public sealed record CountyYearView(string CountyCode, string CountyName, int Year, IReadOnlyList<CountyColumnView> Columns, IReadOnlyList<CountyRowView> Rows)
{
    public static CountyYearView Of(CountyYear y) => new(y.CountyCode, y.CountyName, y.Year,
        [.. y.Columns.Select(c => new CountyColumnView(c.Key, c.Label, c.Group))],
        [.. y.Rows.Select(r => new CountyRowView(r.Township, r.Name, r.Code,
            y.Columns.Where(c => c.Chartable).ToDictionary(c => c.Key, c => r[c.Key].Value),
            y.Columns.Where(c => !c.Chartable).ToDictionary(c => c.Key, c => r[c.Key].Shown)))]);
}

/// <summary>The county rule-of-law office's API (县级法治办): its county's year as JSON and as a workbook, aggregates only.</summary>
internal static class CountyEndpoints
{
    public const int FirstYear = 1949;
    public const int LastYear = 2999;

    public static void MapCountyEndpoints(this IEndpointRouteBuilder routes)
    {
        // Aggregates of the townships' records: a moment behind is no harm, so the modules' figures may come from the read replica.
        var county = routes.MapGroup("/api/county/{countyCode}").WithTags("county").RequireAuthorization(Policies.CountyOffice).LagTolerantRead();

        county.MapGet("/figures", async Task<Results<Ok<CountyYearView>, NotFound>> (string countyCode, int? year, string? sort, bool? desc, CountyFiguresService figures, TimeProvider time, CancellationToken ct) =>
            await figures.ForYearAsync(countyCode, YearOf(year, time), ct) is { } found
                ? TypedResults.Ok(CountyYearView.Of(found.SortedBy(sort, desc == true)))
                : TypedResults.NotFound());

        county.MapGet("/figures.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (string countyCode, int? year, string? sort, bool? desc, CountyFiguresService figures, TimeProvider time, CancellationToken ct) =>
            await figures.ForYearAsync(countyCode, YearOf(year, time), ct) is { } found
                ? TypedResults.File(Workbook(found.SortedBy(sort, desc == true)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"county-{countyCode}-{found.Year}.xlsx")
                : TypedResults.NotFound());
    }

    /// <summary>The year asked for, or the last full year (the one whose reports the county is receiving); refused outside the calendar.</summary>
    public static int YearOf(int? year, TimeProvider time)
    {
        var chosen = year ?? TownshipTime.Today(time).Year - 1;
        new InputErrors()
            .Check(chosen is >= FirstYear and <= LastYear, "year", $"年份须在 {FirstYear}–{LastYear} 之间 / The year must be between {FirstYear} and {LastYear}.")
            .ThrowIfAny();
        return chosen;
    }

    /// <summary>The table as the page shows it: township, code, then every column with its module, in Chinese and English.</summary>
    public static byte[] Workbook(CountyYear year)
    {
        IReadOnlyList<string> columns = ["乡镇 / Township", "区划代码 / Code", .. year.Columns.Select(c => $"{c.Label.Chinese} / {c.Label.English}")];
        var rows = year.Rows.Select(r => (IReadOnlyList<object?>)[r.Name, r.Code, .. year.Columns.Select(c => c.Chartable ? (object?)r[c.Key].Value : r[c.Key].Shown)]);
        return Modular.Kit.Documents.Workbook.Write($"{year.Year}", columns, rows);
    }
}
