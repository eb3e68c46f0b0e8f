using Modular.Contracts.Modules;

namespace Modular.Contracts.Extensions;

/// <summary>A figure of the annual rule-of-law work report, traceable to the records behind it.</summary>
/// <param name="Source">A page listing the records counted, relative to the township root.</param>
public sealed record ReportFigure(LocalizedText Label, string Value, string? Source = null);

/// <summary>A section of the township's annual rule-of-law work report (法治政府建设年度报告), drafted from records.</summary>
/// <param name="Chapter">The report's chapter it belongs to, for ordering: see <see cref="AnnualReportChapters"/>.</param>
/// <param name="Paragraphs">The factual text, in Chinese, with the year's figures written in.</param>
public sealed record AnnualReportSection(
    string Chapter,
    LocalizedText Heading,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<ReportFigure> Figures);

/// <summary>The chapters of the report, in the order of the township's own summary.</summary>
public static class AnnualReportChapters
{
    public const string Organisation = "1-organisation";
    public const string FunctionsByLaw = "2-functions-by-law";
    public const string DecisionsByLaw = "3-decisions-by-law";
    public const string SupervisionAndOpenness = "4-supervision-and-openness";
    public const string DisputeResolution = "5-dispute-resolution";
    public const string LegalLiteracy = "6-legal-literacy";
}

/// <summary>Drafts a module's sections of the current township's report for a year.</summary>
public interface IAnnualReportSections
{
    Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken);
}
