using Modular.Host.Extensions;
using Modular.Host.Townships;

namespace Modular.Host.County;

/// <summary>
/// The county's year from its townships: the platform's directory names them (a township of another county is never
/// asked about), each module answers for all of them at once, and only aggregates come back.
/// </summary>
internal sealed class CountyFiguresService(TownshipDirectory directory, CountyExtensions extensions, Reports.SentReports reports, Marten.IQuerySession session, Modular.Contracts.Time.IStatutoryClock clock, TimeProvider time)
{
    public async Task<CountyYear?> ForYearAsync(string countyCode, int year, CancellationToken cancellationToken)
    {
        var townships = (await directory.AllAsync(cancellationToken)).Where(t => t.CountyCode == countyCode).ToList();
        if (townships.Count == 0)
        {
            return null;
        }

        var columns = new List<CountyColumn>();
        var cells = townships.ToDictionary(t => t.Slug, _ => new Dictionary<string, CountyCell>(), StringComparer.Ordinal);
        foreach (var (module, figures) in await extensions.FiguresAsync(townships, year, cancellationToken))
        {
            foreach (var figure in figures)
            {
                var key = $"{module.Id}.{figure.Key}";
                if (columns.Any(c => c.Key == key))
                {
                    continue;
                }

                columns.Add(new CountyColumn(key, figure.Label, module.Manifest.Name));
                foreach (var (township, value) in figure.ByTownship)
                {
                    if (cells.TryGetValue(township, out var row))
                    {
                        row[key] = CountyCell.Number(value, figure.Decimals);
                    }
                }
            }
        }

        var rows = townships.Select(t => new CountyRow(t.Slug, t.Name, t.Code, cells[t.Slug])).ToList();
        var county = new CountyYear(countyCode, townships[0].CountyName, year, columns, rows);
        return county.WithColumn(ReportColumn, await ReportCellsAsync(townships.Select(t => t.Slug).ToList(), year, cancellationToken));
    }

    /// <summary>The year's annual rule-of-law work report: when it was sent to the county, or where it stands; late ones marked.</summary>
    public static readonly CountyColumn ReportColumn = new("report.sent", new("年度报告报送", "Annual report sent"), new("法治政府建设年度报告", "Annual rule-of-law report"), Chartable: false);

    private async Task<IReadOnlyDictionary<string, CountyCell>> ReportCellsAsync(IReadOnlyCollection<string> townships, int year, CancellationToken ct)
    {
        // Each township's own due day (3月1日 of the next year by default, off a rest day), read for all in one query.
        var dueBy = await reports.SendByAsync(townships, year, clock, session, ct);
        var today = Modular.Kit.TownshipTime.Today(time);
        var sent = (await reports.ForYearAsync(townships, year, session, ct)).ToDictionary(r => r.Township, StringComparer.Ordinal);
        return townships.ToDictionary(t => t, t =>
        {
            var due = dueBy[t];
            if (sent.GetValueOrDefault(t) is { SentAt: { } at } report)
            {
                var day = Modular.Kit.TownshipTime.DayOf(at);
                var late = day > due ? Modular.Kit.Text.T("（逾期）", " (late)") : "";
                var published = report.PublishedAt is not null ? Modular.Kit.Text.T("，已公开", ", published") : "";
                return new CountyCell(day.DayNumber, $"{Modular.Kit.TownshipTime.Format(day)}{late}{published}");
            }

            var state = sent.ContainsKey(t) ? Modular.Kit.Text.T("起草中", "drafting") : Modular.Kit.Text.T("未开始", "not started");
            return new CountyCell(null, today > due ? $"{state}{Modular.Kit.Text.T("（逾期未报送）", " (late)")}" : state);
        }, StringComparer.Ordinal);
    }
}
