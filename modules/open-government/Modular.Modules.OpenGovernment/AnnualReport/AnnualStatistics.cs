using Marten;
using Modular.Modules.OpenGovernment.DisclosureRequests;
using Modular.Modules.OpenGovernment.Publications;

namespace Modular.Modules.OpenGovernment.AnnualReport;

/// <summary>One row of a statistics table: its label, its depth in the national outline, and a count per column.</summary>
internal sealed record StatRow(string Key, string Label, int Level, IReadOnlyList<int> Counts);

/// <summary>The year's figures in the national format (国办公开办函〔2021〕30号): tables 二, 三 and 四.</summary>
internal sealed record AnnualStatisticsReport(
    int Year,
    IReadOnlyList<string> RequestColumns,
    IReadOnlyList<StatRow> Requests,
    IReadOnlyList<StatRow> PublicationsByCategory,
    int NormativeIssued,
    int NormativeRepealed,
    int NormativeInForce,
    ReviewAndLitigationFigures? ReviewAndLitigation)
{
    /// <summary>Parts 五 and 六 as the office wrote them; null until someone has.</summary>
    public DisclosureReportText? Text { get; init; }

    public int Count(string key, int column) => Requests.First(r => r.Key == key).Counts[column];

    public int Total(string key) => Count(key, RequestColumns.Count - 1);

    /// <summary>第二部分's decisions: 行政许可、行政处罚、行政强制, this year's count each (from the modules that record them).</summary>
    public IReadOnlyList<StatRow> Decisions { get; init; } = [];
}

/// <summary>Fills the national tables from the records: requests from this area, proactive disclosure from Publications.</summary>
internal sealed class AnnualStatistics(IQuerySession session, RecordReviewAndLitigation review, WriteReportText text)
{
    /// <summary>Table 三's requester columns: natural persons, then the five kinds of organisation, then the total.</summary>
    public static readonly RequesterType[] Columns =
    [
        RequesterType.NaturalPerson, RequesterType.CommercialFirm, RequesterType.ResearchInstitution,
        RequesterType.PublicInterestOrganisation, RequesterType.LegalServiceProvider, RequesterType.Other,
    ];

    public async Task<AnnualStatisticsReport> ForYearAsync(int year, CancellationToken ct)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var requests = await session.Query<DisclosureRequest>().Where(r => r.Year <= year).ToListAsync(ct);
        var received = requests.Where(r => r.ReceivedOn.Year == year).ToList();
        // Carried over: received in an earlier year and not answered before this one began.
        var carried = requests.Where(r => r.ReceivedOn < yearStart && (r.AnsweredOn is null || r.AnsweredOn >= yearStart)).ToList();
        var handled = received.Concat(carried).ToList();
        var answered = handled.Where(r => r.AnsweredOn is { } on && on <= yearEnd).ToList();
        var open = handled.Where(r => r.AnsweredOn is null || r.AnsweredOn > yearEnd).ToList();

        var rows = new List<StatRow>
        {
            Row("received", "一、本年新收政府信息公开申请数量", 0, received),
            Row("carried-over", "二、上年结转政府信息公开申请数量", 0, carried),
            new("results", "三、本年度办理结果", 0, []),
        };
        var numerals = new[] { "（一）", "（二）", "（三）", "（四）", "（五）", "（六）" };
        for (var i = 0; i < ReplyCategories.Categories.Count; i++)
        {
            var category = ReplyCategories.Categories[i];
            var inCategory = answered.Where(r => r.Category == category.Category).ToList();
            var label = category.Category == ReplyCategory.PartlyDisclosed ? "部分公开（区分处理的，只计这一情形，不计其他情形）" : category.Chinese;
            rows.Add(Row(category.Category.ToString(), numerals[i] + label, 1, inCategory));
            var reasons = ReplyCategories.Reasons.Where(r => r.Category == category.Category).ToList();
            for (var j = 0; j < reasons.Count; j++)
            {
                rows.Add(Row(reasons[j].Reason.ToString(), $"{j + 1}.{reasons[j].Chinese}", 2, inCategory.Where(r => r.Reason == reasons[j].Reason)));
            }
        }

        rows.Add(Row("results-total", "（七）总计", 1, answered));
        rows.Add(Row("carried-forward", "四、" + ReplyCategories.CarriedForward, 0, open));

        // Proactive disclosure from the Publications area's portal read model and normative-document register.
        var published = await session.Query<PublishedPublication>()
            .Where(p => p.FirstPublishedOn >= yearStart && p.FirstPublishedOn <= yearEnd)
            .ToListAsync(ct);
        var byCategory = published.GroupBy(p => p.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StatRow(g.Key, g.Key, 1, [g.Count()])).ToList();
        byCategory.Add(new StatRow("total", "合计", 0, [published.Count]));
        var normative = await session.Query<NormativeDocument>().Where(d => d.Year <= year).ToListAsync(ct);
        var issued = normative.Count(d => d.IssuedOn >= yearStart);
        var repealed = normative.Count(d => d.Repealed && d.RepealedOn is { } on && on >= yearStart && on <= yearEnd);
        var inForce = normative.Count(d => !(d.Repealed && d.RepealedOn is { } on && on <= yearEnd));

        var columns = Columns.Select(c => RequestVocabulary.Label(c).Chinese).Append("总计").ToList();
        return new AnnualStatisticsReport(year, columns, rows, byCategory, issued, repealed, inForce, await review.LoadAsync(year, ct))
        {
            Decisions = await EnforcementDecisionTally.RowsAsync(session, year, ct),
            Text = await text.LoadAsync(year, ct),
        };
    }

    private static StatRow Row(string key, string label, int level, IEnumerable<DisclosureRequest> requests)
    {
        var list = requests.ToList();
        var counts = Columns.Select(c => list.Count(r => r.Applicant.Type == c)).Append(list.Count).ToArray();
        return new StatRow(key, label, level, counts);
    }
}
