using System.Globalization;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>The township home page's request figures: open, and overdue (highlighted when any).</summary>
internal sealed class RequestFigures(IQuerySession session, ReplyClock clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var open = await session.Query<DisclosureRequest>().Where(r => r.IsOpen).ToListAsync(cancellationToken);
        var overdue = open.Count(r => clock.For(r).Overdue);
        return
        [
            new(new LocalizedText("办理中的依申请公开", "Disclosure requests open"), open.Count.ToString(CultureInfo.InvariantCulture), "open-government/requests"),
            new(new LocalizedText("逾期未答复的依申请公开", "Disclosure requests overdue"), overdue.ToString(CultureInfo.InvariantCulture), "open-government/requests?overdue=true", overdue > 0),
        ];
    }
}

/// <summary>Replies falling due, for the township's due list. A request waiting for its correction has no running clock.</summary>
internal sealed class RequestDeadlines(IQuerySession session, ReplyClock clock) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var open = await session.Query<DisclosureRequest>().Where(r => r.IsOpen).ToListAsync(cancellationToken);
        var rule = new LocalizedText("政府信息公开条例 第33条：20个工作日（可延长20个工作日）", "Disclosure regulations Art 33: 20 working days (+20 with notice)");
        var replies = open
            .Select(r => (Request: r, Due: clock.For(r).Reply))
            .Where(x => x.Due is { } due && due.Date <= horizon)
            .Select(x => new DueItem(
                new LocalizedText($"依申请公开 {x.Request.Number} 答复", $"Reply to disclosure request {x.Request.Number}"),
                x.Due!,
                $"open-government/requests/{x.Request.Id}",
                rule));
        return [.. replies.Concat(CorrectionNotices(open, horizon)).OrderBy(i => i.DueOn)];
    }

    // Art 30: the one correction notice can only go out within 7 working days of receipt, so the window is worth a
    // reminder while it is open; once it has passed there is nothing left to do about it.
    private IEnumerable<DueItem> CorrectionNotices(IEnumerable<DisclosureRequest> open, DateOnly horizon)
    {
        var rule = new LocalizedText("政府信息公开条例 第30条：收到申请之日起7个工作日内一次性告知补正", "Disclosure regulations Art 30: one correction notice within 7 working days");
        return open
            .Where(r => r.CorrectionNoticeOn is null)
            .Select(r => (Request: r, Due: clock.CorrectionNoticeDueOn(r)))
            .Where(x => x.Due.Date >= clock.Today && x.Due.Date <= horizon)
            .Select(x => new DueItem(
                new LocalizedText($"依申请公开 {x.Request.Number} 补正告知期限", $"Correction notice window of request {x.Request.Number}"),
                x.Due,
                $"open-government/requests/{x.Request.Id}",
                rule));
    }
}
