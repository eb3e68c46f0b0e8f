using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit.Documents;

namespace Modular.Modules.OpenGovernment.AnnualReport;

/// <summary>
/// The annual disclosure report (政府信息公开工作年度报告) as Word (set as an official document, GB/T 9704) and Excel:
/// the national tables, filled in.
/// </summary>
internal sealed class AnnualReportFiles(AnnualStatistics statistics, ITownshipContext township)
{
    public async Task<byte[]> WordAsync(int year, CancellationToken ct)
    {
        var s = await statistics.ForYearAsync(year, ct);
        var name = township.Required.Name;
        var word = new WordDocument()
            .Title($"{name}{year}年政府信息公开工作年度报告")
            .Paragraph($"本报告依据《中华人民共和国政府信息公开条例》第五十条和《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，统计期限为{year}年1月1日至12月31日。")
            .Heading("一、总体情况")
            .Paragraph($"{year}年，本机关主动公开政府信息{s.PublicationsByCategory[^1].Counts[0]}条；新收政府信息公开申请{s.Total("received")}件，上年结转{s.Total("carried-over")}件，办结{s.Total("results-total")}件，结转下年度继续办理{s.Total("carried-forward")}件。")
            .Heading("二、主动公开政府信息情况")
            .Table(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                [["规章", "0", "0", "0"], ["行政规范性文件", N(s.NormativeIssued), N(s.NormativeRepealed), N(s.NormativeInForce)]])
            .Table(["信息内容", "本年处理决定数量"], s.Decisions.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Counts[0])]))
            .Table(["本年主动公开信息（按栏目）", "条数"], s.PublicationsByCategory.Select(r => (IReadOnlyList<string>)[r.Label, N(r.Counts[0])]))
            .Heading("三、收到和处理政府信息公开申请情况")
            .Table(["项目", .. s.RequestColumns], s.Requests.Select(r => (IReadOnlyList<string>)[r.Label, .. Cells(r, s.RequestColumns.Count)]))
            .Heading("四、政府信息公开行政复议、行政诉讼情况")
            .Table(["类别", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], ReviewRows(s));
        Written(word.Heading("五、存在的主要问题及改进情况"), s.Text?.Problems);
        Written(word.Heading("六、其他需要报告的事项"), s.Text?.Other);
        return word.ToBytes();
    }

    /// <summary>A part the office writes, paragraph by paragraph as typed; <see cref="DisclosureReportText.NotWritten"/> when it has not.</summary>
    private static void Written(WordDocument word, string? text)
    {
        var paragraphs = (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        foreach (var paragraph in paragraphs.Count > 0 ? paragraphs : [DisclosureReportText.NotWritten])
        {
            word.Paragraph(paragraph);
        }
    }

    public async Task<byte[]> ExcelAsync(int year, CancellationToken ct)
    {
        var s = await statistics.ForYearAsync(year, ct);
        IReadOnlyList<object?>[] proactive =
        [
            ["规章", 0, 0, 0],
            ["行政规范性文件", s.NormativeIssued, s.NormativeRepealed, s.NormativeInForce],
            .. s.Decisions.Select(r => (IReadOnlyList<object?>)[r.Label + "（本年处理决定数量）", r.Counts[0], "", ""]),
            .. s.PublicationsByCategory.Select(r => (IReadOnlyList<object?>)["主动公开：" + r.Label, r.Counts[0], "", ""]),
        ];
        var requests = s.Requests.Select(r => (IReadOnlyList<object?>)
            [r.Label, .. Enumerable.Range(0, s.RequestColumns.Count).Select(i => r.Counts.Count == 0 ? "" : (object?)r.Counts[i])]);
        var review = ReviewRows(s).Select(r => (IReadOnlyList<object?>)[r[0], .. r.Skip(1).Select(n => (object?)int.Parse(n, CultureInfo.InvariantCulture))]);
        return WorkbookSheets.Write(
        [
            new("二、主动公开", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], proactive),
            new("三、依申请公开", ["项目", .. s.RequestColumns], requests),
            new("四、复议诉讼", ["类别", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"], review),
        ]);
    }

    public static IEnumerable<IReadOnlyList<string>> ReviewRows(AnnualStatisticsReport s)
    {
        var f = s.ReviewAndLitigation;
        yield return Outcomes("行政复议", f?.Reconsideration);
        yield return Outcomes("行政诉讼：未经复议直接起诉", f?.SuedDirectly);
        yield return Outcomes("行政诉讼：复议后起诉", f?.SuedAfterReconsideration);
    }

    private static IReadOnlyList<string> Outcomes(string label, CaseOutcomes? o)
    {
        o ??= CaseOutcomes.None;
        return [label, N(o.Upheld), N(o.Corrected), N(o.Other), N(o.Pending), N(o.Total)];
    }

    private static IEnumerable<string> Cells(StatRow row, int columns) =>
        row.Counts.Count == 0 ? Enumerable.Repeat("", columns) : row.Counts.Select(N);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The years a report can be asked for: from the regulations' first year to next year.</summary>
    public static bool IsReportYear(int year) => year is >= 2008 and <= 9998;

    private static ValidationProblem BadYear() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["年份无效 / The year is out of range."] });

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> WordEndpointAsync(int year, AnnualReportFiles files, CancellationToken ct) =>
        IsReportYear(year) ? TypedResults.File(await files.WordAsync(year, ct), WordDocument.ContentType, $"annual-disclosure-report-{year}.docx") : BadYear();

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExcelEndpointAsync(int year, AnnualReportFiles files, CancellationToken ct) =>
        IsReportYear(year) ? TypedResults.File(await files.ExcelAsync(year, ct), Workbook.ContentType, $"annual-disclosure-report-{year}.xlsx") : BadYear();

    public static async Task<Results<Ok<AnnualStatisticsReport>, ValidationProblem>> JsonEndpointAsync(int year, AnnualStatistics statistics, CancellationToken ct) =>
        IsReportYear(year) ? TypedResults.Ok(await statistics.ForYearAsync(year, ct)) : BadYear();
}
