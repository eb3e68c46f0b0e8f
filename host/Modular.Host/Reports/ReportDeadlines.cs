using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Host.Townships;

namespace Modular.Host.Reports;

/// <summary>
/// The report's two due days on the township's due list: last year's report to the county (3月1日 by default) until it
/// is sent, and on the portal (4月1日) until it is published. Only the year before today's is due: an older report
/// never sent is long overdue and stays on its own page, not on every day's list. Shown to the report's drafters and
/// approvers, whose work it is.
/// </summary>
internal sealed class ReportDeadlines(IQuerySession session, TownshipContext township, IStatutoryClock clock, ICurrentUser user) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        // On the list of those who act on it (the drafter, the heads), not of every clerk of every module.
        var slug = township.Current?.Slug;
        if (slug is null || !(user.HasPermission(PlatformPermissions.AnnualReportWrite) || user.HasPermission(PlatformPermissions.AnnualReportApprove)))
        {
            return [];
        }

        var year = clock.Today.Year - 1;
        var report = await session.LoadAsync<TownshipAnnualReport>(TownshipAnnualReport.StreamId(year), cancellationToken);
        var settings = await ReportSettings.ReadAsync(session, slug, cancellationToken);
        var link = $"annual-report?year={year}";
        var items = new List<DueItem>();
        if (report?.SentAt is null && settings.SendBy(year, clock) is var sendBy && sendBy.Date <= horizon)
        {
            items.Add(new DueItem(new LocalizedText($"{year}年法治政府建设年度报告报送县级", $"Send the {year} rule-of-law report to the county"), sendBy, link,
                new LocalizedText("法治政府建设年度报告：次年3月1日前报送上一级（乡镇设置）", "Due to the level above by 1 March of the next year (a township setting)")));
        }

        if (report?.PublishedAt is null && settings.PublishBy(year, clock) is var publishBy && publishBy.Date <= horizon)
        {
            items.Add(new DueItem(new LocalizedText($"{year}年法治政府建设年度报告公开", $"Publish the {year} rule-of-law report"), publishBy, link,
                new LocalizedText("法治政府建设年度报告：次年4月1日前在门户网站公开（乡镇设置）", "Due on the portal by 1 April of the next year (a township setting)")));
        }

        return items;
    }
}
