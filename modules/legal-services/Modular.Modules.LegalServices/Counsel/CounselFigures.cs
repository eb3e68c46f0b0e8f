using System.Globalization;
using System.Linq.Expressions;
using Marten;
using Modular.Contracts.Time;
using Modular.Kit;
using Modular.Modules.LegalServices.Counsel.Cases;
using Modular.Modules.LegalServices.Counsel.Meetings;
using Modular.Modules.LegalServices.Counsel.Reviews;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>
/// Counsel's work in a period, counted from the records: meetings held in it that a counsel attended; opinions given in
/// it (one a version answered); documents revised (those answered "lawful with changes" in it); cases counsel
/// represented the township in while open in it; and the gate's refusals in it.
/// </summary>
internal sealed record CounselFigureSet(
    DateOnly From, DateOnly To, int MeetingsAttended, int Opinions, int Lawful, int DocumentsRevised, int Unlawful, int CasesRepresented,
    int AdministrativeCases, int CivilCases, int GateRefusals, int ItemsOnAgendas);

internal sealed class CounselFigures(IQuerySession session)
{
    public async Task<CounselFigureSet> ForPeriodAsync(Period period, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var meetings = await session.Query<TownshipMeeting>().Where(MeetingsIn(period)).ToListAsync(ct);
        var reviews = await session.Query<LegalityReview>().Where(ReviewsIn(period)).ToListAsync(ct);
        var cases = await session.Query<RepresentedCase>().Where(CasesIn(period)).ToListAsync(ct);
        var refusals = await session.Query<GateRefusal>().Where(g => g.On >= from && g.On <= to).CountAsync(ct);
        return Count(period, meetings, reviews, cases, refusals);
    }

    public static Expression<Func<TownshipMeeting, bool>> MeetingsIn(Period period)
    {
        var (from, to) = (period.From, period.To);
        return m => m.On >= from && m.On <= to;
    }

    public static Expression<Func<LegalityReview, bool>> ReviewsIn(Period period)
    {
        var (from, to) = (period.From, period.To);
        return r => r.SubmittedOn <= to && r.LastStepOn >= from;
    }

    public static Expression<Func<RepresentedCase, bool>> CasesIn(Period period)
    {
        var to = period.To;
        return c => c.FiledOn <= to;
    }

    /// <summary>One township's figures from its records of the period (the county counts each township with it).</summary>
    public static CounselFigureSet Count(Period period, IReadOnlyList<TownshipMeeting> meetings, IReadOnlyList<LegalityReview> reviews, IReadOnlyList<RepresentedCase> cases, int refusals)
    {
        var (from, to) = (period.From, period.To);
        var answers = reviews.SelectMany(r => r.Rounds.Where(x => x.Answer is { } a && period.Contains(a.On)).Select(x => (Review: r, Answer: x.Answer!))).ToList();
        var represented = cases.Where(c => c.RepresentedWithin(from, to)).ToList();
        return new CounselFigureSet(from, to,
            meetings.Count(m => m.CounselAttended),
            answers.Count,
            answers.Count(a => a.Answer.Opinion == ReviewOpinion.Lawful),
            answers.Where(a => a.Answer.Opinion == ReviewOpinion.LawfulWithChanges).Select(a => a.Review.Id).Distinct().Count(),
            answers.Count(a => a.Answer.Opinion == ReviewOpinion.Unlawful),
            represented.Count,
            represented.Count(c => c.Kind == CaseKind.Administrative),
            represented.Count(c => c.Kind == CaseKind.Civil),
            refusals,
            meetings.Sum(m => m.Standing.Count()));
    }

    public Task<CounselFigureSet> ForYearAsync(int year, CancellationToken ct) => ForPeriodAsync(Period.Year(year), ct);

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The township home page's counsel figures: reviews awaiting an opinion (and past their time), the contract's end.</summary>
internal sealed class CounselDashboard(IQuerySession session, CounselQueries queries, CounselSettingsStore settings, IStatutoryClock clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var awaiting = await session.Query<LegalityReview>().Where(r => r.State == ReviewState.AwaitingOpinion).ToListAsync(cancellationToken);
        var overdue = awaiting.Count(r => queries.ReviewDue(r.Latest.Sending).Date < clock.Today);
        var figures = new List<DashboardFigure>
        {
            new(new("合法性审查待出具意见", "Legality reviews awaiting an opinion"), CounselFigures.Count(awaiting.Count), "legal-services/counsel/reviews?state=AwaitingOpinion", overdue > 0),
        };
        if (CounselQueries.Latest(await queries.RetainersAsync(cancellationToken)) is { } retainer)
        {
            var s = await settings.GetAsync(cancellationToken);
            var soon = queries.ExpiresSoon(retainer, s);
            var label = retainer.To < clock.Today ? new LocalizedText("法律顾问合同已到期", "Counsel contract expired") : new LocalizedText("法律顾问合同到期日", "Counsel contract ends");
            figures.Add(new(label, retainer.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "legal-services/counsel", soon));
        }

        return figures;
    }
}

/// <summary>The due list's counsel items: opinions due by the review time, the contract's end inside its warning, hearings.</summary>
internal sealed class CounselDeadlines(IQuerySession session, CounselQueries queries, CounselSettingsStore settings, IStatutoryClock clock) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var items = new List<DueItem>();
        foreach (var r in await session.Query<LegalityReview>().Where(r => r.State == ReviewState.AwaitingOpinion).ToListAsync(cancellationToken))
        {
            var due = queries.ReviewDue(r.Latest.Sending);
            if (due.Date <= horizon)
            {
                items.Add(new DueItem(new($"合法性审查 {r.Number} 出具意见", $"Opinion on review {r.Number}"), due, $"legal-services/counsel/reviews/{r.Id}",
                    new($"重大行政决策程序暂行条例第二十六条：审查时间不少于{r.Latest.Sending.ReviewPeriod}", $"Art 26: at least {r.Latest.Sending.ReviewDays} working days for the review")));
            }
        }

        if (CounselQueries.Latest(await queries.RetainersAsync(cancellationToken)) is { } retainer
            && (retainer.To <= horizon || queries.ExpiresSoon(retainer, await settings.GetAsync(cancellationToken))))
        {
            items.Add(new DueItem(new($"法律顾问合同到期（{retainer.Firm}）", $"Counsel contract ends ({retainer.Firm})"), retainer.To, "legal-services/counsel",
                new("续聘或另行聘请法律顾问", "Renew the retainer or retain another firm")));
        }

        var today = clock.Today;
        var open = await session.Query<RepresentedCase>().Where(c => c.State == CaseState.Open).ToListAsync(cancellationToken);
        items.AddRange(open.SelectMany(c => c.Hearings.Where(h => h.On >= today && h.On <= horizon).Select(h =>
            new DueItem(new($"开庭：{c.CaseNumber}", $"Hearing: {c.CaseNumber}"), h.On, $"legal-services/counsel/cases/{c.Id}", new($"{c.Court}（{c.Cause}）", $"{c.Court} ({c.Cause})")))));
        return [.. items.OrderBy(i => i.DueOn)];
    }
}
