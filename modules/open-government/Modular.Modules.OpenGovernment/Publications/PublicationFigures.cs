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

    public static StatutoryDate DueOn(Publication p, IStatutoryClock clock) => clock.Deadline(p.Content.MadeOn, Period);

    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken) =>
        [.. (await PublicationQueries.AwaitingPublicationAsync(session, cancellationToken))
            .Select(p => (p, due: DueOn(p, clock)))
            .Where(x => x.due.Date <= horizon)
            .OrderBy(x => x.due.Date)
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
        // Counted as the figure's link lists them: published and still standing.
        var published = await session.Query<PublishedPublication>().CountAsync(p => p.FirstPublishedOn >= yearStart && !p.Withdrawn, cancellationToken);
        var overdue = (await PublicationQueries.AwaitingPublicationAsync(session, cancellationToken)).Count(p => PublicationDeadlines.DueOn(p, clock).Date < clock.Today);
        return
        [
            new(new LocalizedText("本年发布信息", "Published this year"), published.ToString(System.Globalization.CultureInfo.InvariantCulture), "open-government/publications?state=published"),
            new(new LocalizedText("主动公开超期", "Proactive publications overdue"), overdue.ToString(System.Globalization.CultureInfo.InvariantCulture), "open-government/publications", overdue > 0),
        ];
    }
}

/// <summary>
/// This area's parts of the annual rule-of-law report: what was published (chapter 4, supervision and openness), and
/// the normative documents made or the statement that none were (chapter 3, decisions by law, as the summary has it).
/// </summary>
internal sealed class PublicationReport(IQuerySession session) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken) =>
        [await NormativeDocumentsAsync(year, cancellationToken), await PublicationsAsync(year, cancellationToken)];

    private async Task<AnnualReportSection> PublicationsAsync(int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var published = await session.Query<PublishedPublication>().Where(p => p.FirstPublishedOn >= from && p.FirstPublishedOn <= to).Select(p => p.Category).ToListAsync(cancellationToken);
        var byCategory = published.GroupBy(c => c).OrderByDescending(g => g.Count()).ToList();
        var paragraph = published.Count == 0
            ? $"{year}年未通过平台主动公开政府信息。"
            : $"{year}年主动公开政府信息{published.Count}条，其中" + string.Join("，", byCategory.Select(g => $"{g.Key}{g.Count()}条")) + "。";
        var figures = new List<ReportFigure> { new(new LocalizedText("主动公开信息", "Publications"), Count(published.Count), "open-government/publications?state=published") };
        figures.AddRange(byCategory.Select(g => new ReportFigure(new LocalizedText($"主动公开·{g.Key}", $"Publications · {g.Key}"), Count(g.Count()), $"open-government/publications?category={Uri.EscapeDataString(g.Key)}")));
        return new AnnualReportSection(AnnualReportChapters.SupervisionAndOpenness, new LocalizedText("政务公开", "Open government"), [paragraph], figures);
    }

    private async Task<AnnualReportSection> NormativeDocumentsAsync(int year, CancellationToken cancellationToken)
    {
        var documents = await session.Query<NormativeDocument>().Where(d => d.Year == year).OrderBy(d => d.IssuedOn).ToListAsync(cancellationToken);
        var statement = await session.LoadAsync<NormativeYearStatement>(NormativeYearStatement.StreamFor(year), cancellationToken);
        var reviewed = documents.Count(d => d.LegalityReviewedOn is not null);
        var paragraph = documents.Count > 0
            ? $"{year}年制定规范性文件{documents.Count}件（" + string.Join("、", documents.Select(d => d.Number)) + "），"
                + (reviewed == documents.Count ? "均经合法性审查" : $"其中{reviewed}件记录了合法性审查")
                + $"，已报备案{documents.Count(d => d.FiledOn is not null)}件。"
            : statement is not null ? $"本年度未制定规范性文件（{statement.DeclaredAt:yyyy-MM-dd}声明）。" : $"{year}年规范性文件登记尚无记录。";
        return new AnnualReportSection(AnnualReportChapters.DecisionsByLaw, new LocalizedText("规范性文件", "Normative documents"), [paragraph],
            [new(new LocalizedText("制定规范性文件", "Normative documents made"), Count(documents.Count), $"open-government/normative-documents?year={year}")]);
    }

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
