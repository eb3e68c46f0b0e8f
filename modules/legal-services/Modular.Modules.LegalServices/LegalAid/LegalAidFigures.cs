using System.Globalization;
using System.Linq.Expressions;
using Modular.Contracts.Mediation;
using Modular.Kit;
using static Modular.Kit.Text;

namespace Modular.Modules.LegalServices.LegalAid;

internal sealed record MatterCount(string Matter, string Label, int Applications, int Granted);

/// <summary>
/// A period's legal aid. Applications = received at the station in the period (drafts and dismissed referrals are not
/// applications); granted and refused count by the day of the decision (an objection that overturned a refusal counts
/// as a grant on its day); closed and terminated by the day they ended.
/// </summary>
internal sealed record LegalAidFigureSet(
    DateOnly From, DateOnly To, int Applications, int Forwarded, int Granted, int Refused, int Provisional, int Objections, int Terminated, int Closed,
    int Withdrawn, IReadOnlyList<MatterCount> ByMatter);

internal sealed class LegalAidFigures(IQuerySession session)
{
    public async Task<LegalAidFigureSet> ForPeriodAsync(Period period, CancellationToken ct)
    {
        var touched = await session.Query<LegalAidApplication>().Where(TouchedIn(period)).ToListAsync(ct);
        return Count(period, touched);
    }

    /// <summary>The applications a period's figures are counted from: received, granted, refused, closed or terminated in it.</summary>
    public static Expression<Func<LegalAidApplication, bool>> TouchedIn(Period period)
    {
        var (from, to) = (period.From, period.To);
        return a => (a.StationReceivedOn >= from && a.StationReceivedOn <= to)
            || (a.GrantedOn >= from && a.GrantedOn <= to)
            || (a.RefusedOn >= from && a.RefusedOn <= to)
            || (a.ClosedOn >= from && a.ClosedOn <= to)
            || (a.TerminatedOn >= from && a.TerminatedOn <= to);
    }

    /// <summary>One township's figures from its applications <see cref="TouchedIn"/> the period (the county counts each township with it).</summary>
    public static LegalAidFigureSet Count(Period period, IReadOnlyList<LegalAidApplication> touched)
    {
        var (from, to) = (period.From, period.To);
        bool In(DateOnly? day) => day is { } d && period.Contains(d);
        var received = touched.Where(a => In(a.StationReceivedOn)).ToList();
        var granted = touched.Where(a => In(a.GrantedOn)).ToList();
        var byMatter = received.Select(a => a.Matter).Concat(granted.Select(a => a.Matter)).Distinct()
            .Select(m => new MatterCount(m?.ToString() ?? "Criminal", m is { } matter ? T(LegalAidVocabulary.Label(matter)) : T("刑事案件（被羁押人申请）", "Criminal (detained applicants)"),
                received.Count(a => a.Matter == m), granted.Count(a => a.Matter == m)))
            .OrderByDescending(c => c.Applications).ThenBy(c => c.Matter, StringComparer.Ordinal)
            .ToList();
        return new LegalAidFigureSet(from, to, received.Count, received.Count(a => a.ForwardedAt is not null), granted.Count, touched.Count(a => In(a.RefusedOn)),
            received.Count(a => a.ProvisionalOn is not null), received.Count(a => a.ObjectionFiledOn is not null), touched.Count(a => In(a.TerminatedOn)),
            touched.Count(a => In(a.ClosedOn)), received.Count(a => a.WithdrawnOn is not null), byMatter);
    }

    public Task<LegalAidFigureSet> ForYearAsync(int year, CancellationToken ct) => ForPeriodAsync(Period.Year(year), ct);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The township home page's legal-aid figures: applications waiting on a clock, and those past it.</summary>
internal sealed class LegalAidDashboard(IQuerySession session, LegalAidSettingsStore settings, LegalAidClock clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var s = await settings.GetAsync(cancellationToken);
        var candidates = await session.Query<LegalAidApplication>().Where(a => a.IsOpen || (a.State == ApplicationState.Closed && !a.Visited)).ToListAsync(cancellationToken);
        var clocks = candidates.Select(a => clock.Running(a, s)).Where(c => c.Count > 0).ToList();
        var overdue = clocks.Count(c => c.Any(r => r.DueOn < clock.Today));
        var drafts = candidates.Count(a => a.State == ApplicationState.Draft);
        return
        [
            new(new("法律援助申请待办（时限）", "Legal-aid applications on a clock"), LegalAidFigures.Count(clocks.Count), "legal-services/legal-aid?waiting=true", overdue > 0),
            new(new("法律援助申请逾期", "Legal-aid applications overdue"), LegalAidFigures.Count(overdue), "legal-services/legal-aid?waiting=true", overdue > 0),
            new(new("调解转介待确认", "Mediation referrals to confirm"), LegalAidFigures.Count(drafts), "legal-services/legal-aid?state=Draft", drafts > 0),
        ];
    }
}

/// <summary>Every running clock of the relay, for the township's due list.</summary>
internal sealed class LegalAidDeadlines(IQuerySession session, LegalAidSettingsStore settings, LegalAidClock clock) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var s = await settings.GetAsync(cancellationToken);
        var candidates = await session.Query<LegalAidApplication>().Where(a => a.IsOpen || (a.State == ApplicationState.Closed && !a.Visited)).ToListAsync(cancellationToken);
        return
        [
            .. candidates
                .SelectMany(a => clock.Running(a, s).Where(c => c.DueOn <= horizon).Select(c => new DueItem(c.Title, c.Due, $"legal-services/legal-aid/{a.Id}", c.Rule)))
                .OrderBy(i => i.DueOn),
        ];
    }
}
