using System.Globalization;
using System.Linq.Expressions;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;

namespace Modular.Modules.Mediation.Petitions;

/// <param name="OnTimeRate">Opinions issued on time over opinions issued, in percent; null when none was issued.</param>
internal sealed record PetitionFigureSet(DateOnly From, DateOnly To, int Received, int ClosedOnTime, int ClosedLate, int ClosedOtherwise, int StillOpen, decimal? OnTimeRate);

/// <summary>
/// The petitions received in a period and what became of them. "Closed on time" is an opinion issued on or before its
/// (possibly extended) deadline; objections and redirections close a petition without an opinion and are counted apart.
/// </summary>
internal sealed class PetitionFigures(IQuerySession session, PetitionClock clock)
{
    public async Task<PetitionFigureSet> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var received = await session.Query<Petition>().Where(ReceivedIn(from, to)).ToListAsync(ct);
        return Count(clock, from, to, received);
    }

    public static Expression<Func<Petition, bool>> ReceivedIn(DateOnly from, DateOnly to) => p => p.ReceivedOn >= from && p.ReceivedOn <= to;

    /// <summary>The figures of one township's petitions <see cref="ReceivedIn"/> the period (the county counts each township with it).</summary>
    public static PetitionFigureSet Count(PetitionClock clock, DateOnly from, DateOnly to, IReadOnlyList<Petition> received)
    {
        var onTime = received.Count(p => PetitionQueries.ClosedOnTime(clock, p) == true);
        var late = received.Count(p => PetitionQueries.ClosedOnTime(clock, p) == false);
        var open = received.Count(p => p.IsOpen);
        var otherwise = received.Count - onTime - late - open;
        decimal? rate = onTime + late == 0 ? null : Math.Round(100m * onTime / (onTime + late), 1);
        return new PetitionFigureSet(from, to, received.Count, onTime, late, otherwise, open, rate);
    }

    public Task<PetitionFigureSet> ForYearAsync(int year, CancellationToken ct) => ForPeriodAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);

    public static string Rate(PetitionFigureSet f) => f.OnTimeRate is { } r ? r.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";
}

/// <summary>The township home page's petition figures: open, and overdue (highlighted when any).</summary>
internal sealed class PetitionDashboard(IQuerySession session, PetitionClock clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var open = await session.Query<Petition>().Where(p => p.IsOpen).ToListAsync(cancellationToken);
        var overdue = open.Count(clock.Overdue);
        return
        [
            new(new LocalizedText("办理中的信访事项", "Petitions open"), open.Count.ToString(CultureInfo.InvariantCulture), "mediation/petitions"),
            new(new LocalizedText("逾期的信访事项", "Petitions overdue"), overdue.ToString(CultureInfo.InvariantCulture), "mediation/petitions?overdue=true", overdue > 0),
        ];
    }
}

/// <summary>Acceptance notices, objections, opinions and review decisions falling due, for the township's due list.</summary>
internal sealed class PetitionDeadlines(IQuerySession session, PetitionClock clock) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var open = await session.Query<Petition>().Where(p => p.IsOpen).ToListAsync(cancellationToken);
        var items = new List<DueItem>();
        foreach (var p in open)
        {
            var link = $"mediation/petitions/{p.Id}";
            if (p.State == PetitionState.Registered)
            {
                // The objection window is only worth a reminder while it is still open.
                var objection = clock.ObjectionDueOn(p);
                if (objection.Date >= clock.Today && objection.Date <= horizon)
                {
                    items.Add(new(new($"信访 {p.Number} 异议期限", $"Objection window of petition {p.Number}"), objection, link,
                        new("信访工作条例：不属本机关职权的，5个工作日内告知", "Petition regulations: objection within 5 working days")));
                }
            }

            if (clock.NextDueOn(p) is { } due && due.Date <= horizon)
            {
                var (title, rule) = p.State switch
                {
                    PetitionState.Registered => (new LocalizedText($"信访 {p.Number} 受理告知", $"Acceptance notice of petition {p.Number}"),
                        new LocalizedText("信访工作条例 第29、31条：15日内告知受理", "Petition regulations Arts 29, 31: acceptance notice within 15 days")),
                    PetitionState.UnderReview or PetitionState.UnderSecondReview => (new LocalizedText($"信访 {p.Number} 复查（复核）意见", $"Review decision of petition {p.Number}"),
                        new LocalizedText("信访工作条例 第35、36条：30日内提出复查（复核）意见", "Petition regulations Arts 35, 36: decision within 30 days")),
                    _ => (new LocalizedText($"信访 {p.Number} 处理意见", $"Opinion on petition {p.Number}"),
                        p.ExtensionDays > 0
                            ? new LocalizedText($"信访工作条例 第34条：受理之日起60日，自届满之日起延长{p.ExtensionDays}日", $"Petition regulations Art 34: 60 days from acceptance, extended by {p.ExtensionDays} days from their end")
                            : new LocalizedText("信访工作条例 第34条：受理之日起60日内办结（可延长30日）", "Petition regulations Art 34: 60 days from acceptance (+30 once)")),
                };
                items.Add(new(title, due, link, rule));
            }
        }

        return [.. items.OrderBy(i => i.DueOn)];
    }
}
