using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Contracts.Time;

namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>
/// 政府信息公开条例 Art 26: proactive information is published within 20 working days of being made or changed.
/// The clock starts from the date the clerk records as made (or, for a revision, changed).
/// </summary>
internal sealed class PublicationDeadlines(IQuerySession session, IStatutoryClock clock) : IDeadlineSource
{
    public static readonly StatutoryPeriod Period = StatutoryPeriod.WorkingDays(20);

    public static DateOnly DueOn(Publication p, IStatutoryClock clock) => clock.Deadline(p.Content.MadeOn, Period);

    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken) =>
        [.. (await PublicationQueries.AwaitingPublicationAsync(session, cancellationToken))
            .Select(p => (p, due: DueOn(p, clock)))
            .Where(x => x.due <= horizon)
            .OrderBy(x => x.due)
            .Select(x => new DueItem(
                new LocalizedText($"主动公开：{x.p.Content.Title}", $"Proactive publication: {x.p.Content.Title}"),
                x.due,
                $"open-government/publications/{x.p.Id}",
                new LocalizedText("政府信息公开条例 第26条：形成或变更之日起20个工作日内公开", "Regulations on Government Information Disclosure Art 26: 20 working days from being made or changed")))];
}

internal sealed class PublicationFigures(IQuerySession session, IStatutoryClock clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var yearStart = new DateOnly(clock.Today.Year, 1, 1);
        var published = await session.Query<PublishedPublication>().CountAsync(p => p.FirstPublishedOn >= yearStart, cancellationToken);
        var overdue = (await PublicationQueries.AwaitingPublicationAsync(session, cancellationToken)).Count(p => PublicationDeadlines.DueOn(p, clock) < clock.Today);
        return
        [
            new(new LocalizedText("本年发布信息", "Published this year"), published.ToString(System.Globalization.CultureInfo.InvariantCulture), "open-government/publications?state=published"),
            new(new LocalizedText("主动公开超期", "Proactive publications overdue"), overdue.ToString(System.Globalization.CultureInfo.InvariantCulture), "open-government/publications", overdue > 0),
        ];
    }
}

/// <summary>The 政务公开 part of the annual rule-of-law report: publications by category, and the normative documents made.</summary>
internal sealed class PublicationReport(IQuerySession session) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var published = await session.Query<PublishedPublication>().Where(p => p.FirstPublishedOn >= from && p.FirstPublishedOn <= to).Select(p => p.Category).ToListAsync(cancellationToken);
        var byCategory = published.GroupBy(c => c).OrderByDescending(g => g.Count()).ToList();
        var documents = await session.Query<NormativeDocument>().Where(d => d.Year == year).OrderBy(d => d.IssuedOn).ToListAsync(cancellationToken);
        var statement = await session.LoadAsync<NormativeYearStatement>(NormativeYearStatement.StreamFor(year), cancellationToken);

        var paragraphs = new List<string>
        {
            published.Count == 0
                ? $"{year}年未通过平台主动公开政府信息。"
                : $"{year}年主动公开政府信息{published.Count}条，其中" + string.Join("，", byCategory.Select(g => $"{g.Key}{g.Count()}条")) + "。",
            documents.Count > 0
                ? $"{year}年制定规范性文件{documents.Count}件（" + string.Join("、", documents.Select(d => d.Number)) + $"），均经合法性审查{(documents.All(d => d.LegalityReviewedOn is not null) ? "" : "（部分尚未记录审查日期）")}，已报备案{documents.Count(d => d.FiledOn is not null)}件。"
                : statement is not null ? $"本年度未制定规范性文件（{statement.DeclaredAt:yyyy-MM-dd}声明）。" : $"{year}年规范性文件登记尚无记录。",
        };
        var figures = new List<ReportFigure> { new(new LocalizedText("主动公开信息", "Publications"), published.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "open-government/publications?state=published") };
        figures.AddRange(byCategory.Select(g => new ReportFigure(new LocalizedText($"主动公开·{g.Key}", $"Publications · {g.Key}"), g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture), $"open-government/publications?category={Uri.EscapeDataString(g.Key)}")));
        figures.Add(new(new LocalizedText("制定规范性文件", "Normative documents made"), documents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"open-government/normative-documents?year={year}"));
        return [new AnnualReportSection(AnnualReportChapters.SupervisionAndOpenness, new LocalizedText("政务公开", "Open government"), paragraphs, figures)];
    }
}
