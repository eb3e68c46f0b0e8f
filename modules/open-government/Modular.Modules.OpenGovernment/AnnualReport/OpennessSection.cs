using System.Globalization;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Modules.OpenGovernment.DisclosureRequests;

namespace Modular.Modules.OpenGovernment.AnnualReport;

/// <summary>The disclosure-request part of the township's annual rule-of-law report (chapter: supervision and openness).</summary>
internal sealed class OpennessSection(AnnualStatistics statistics) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var s = await statistics.ForYearAsync(year, cancellationToken);
        var source = $"open-government/annual-report?year={year}";
        var outcomes = ReplyCategories.Categories
            .Select(c => (c.Chinese, Count: s.Total(c.Category.ToString())))
            .Where(x => x.Count > 0)
            .Select(x => $"{x.Chinese}{x.Count}件")
            .ToList();
        var paragraph = $"{year}年，本镇新收政府信息公开申请{s.Total("received")}件，上年结转{s.Total("carried-over")}件，" +
            $"办结{s.Total("results-total")}件" + (outcomes.Count > 0 ? $"（{string.Join("，", outcomes)}）" : "") +
            $"，结转下年度继续办理{s.Total("carried-forward")}件。";
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var figures = new List<ReportFigure>
        {
            new(new LocalizedText("新收政府信息公开申请", "Disclosure requests received"), N(s.Total("received")), source),
            new(new LocalizedText("办结政府信息公开申请", "Disclosure requests answered"), N(s.Total("results-total")), source),
            new(new LocalizedText("结转下年度", "Carried to next year"), N(s.Total("carried-forward")), source),
        };
        figures.AddRange(ReplyCategories.Categories.Select(c => new ReportFigure(new LocalizedText($"答复：{c.Chinese}", $"Answered: {c.English}"), N(s.Total(c.Category.ToString())), source)));
        return [new AnnualReportSection(AnnualReportChapters.SupervisionAndOpenness, new LocalizedText("依申请公开", "Disclosure requests"), [paragraph], figures)];
    }
}
