using System.Globalization;
using System.Linq.Expressions;
using Marten;
using Marten.Services.BatchQuerying;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Kit;
using Modular.Kit.Time;
using Modular.Modules.Mediation.Disputes.Steps;

namespace Modular.Modules.Mediation.Disputes;

internal sealed record CountBy(string Key, string Label, int Screened, int Resolved);

/// <summary>
/// A period's disputes. Screened (排查) = taken in during the period, whatever the source; resolved (化解) = an agreement
/// took effect during the period (written: the last signature; oral: the day it was reached). Failed, routed and
/// refused count by the day they ended; still open counts those taken in during the period.
/// </summary>
internal sealed record DisputeFigureSet(
    DateOnly From, DateOnly To, int Screened, int Resolved, int WrittenAgreements, int OralAgreements, int Failed, int Routed, int Refused,
    int StillOpen, int PoliceReports, IReadOnlyList<CountBy> ByCategory, IReadOnlyList<CountBy> ByVillage);

internal sealed class DisputeFigures(IQuerySession session, DisputeSettingsReader settingsReader)
{
    public async Task<DisputeFigureSet> ForPeriodAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var figures = ForPeriod(batch, from, to);
        await batch.Execute(ct);
        return await figures();
    }

    /// <summary>Only the fields <see cref="Count"/> reads; built once (an expression tree costs a reflection lookup per property named).</summary>
    private static readonly Expression<Func<Dispute, Dispute>> CountedFields = d => new Dispute
    {
        Category = d.Category,
        Village = d.Village,
        ReceivedOn = d.ReceivedOn,
        ResolvedOn = d.ResolvedOn,
        FailedOn = d.FailedOn,
        RoutedOn = d.RoutedOn,
        RefusedOn = d.RefusedOn,
        AgreementForm = d.AgreementForm,
        IsOpen = d.IsOpen,
        PoliceReports = d.PoliceReports,
    };

    /// <summary>
    /// Adds a period's reads to <paramref name="batch"/> (the settings, unless this request has them, and the disputes
    /// touched in the period: only the fields <see cref="Count"/> reads); the figures are counted once it has been executed.
    /// </summary>
    public Func<Task<DisputeFigureSet>> ForPeriod(IBatchedQuery batch, DateOnly from, DateOnly to)
    {
        var settings = settingsReader.Get(batch);
        var touched = batch.Query<Dispute>().Where(TouchedIn(from, to))
            .Select(CountedFields)
            .ToList();
        return async () =>
        {
            var known = await settings();
            return Count(from, to, await touched, c => Text.T(known.Label(c)));
        };
    }

    /// <summary>The disputes a period's figures are counted from: received, resolved, failed, routed or refused in it.</summary>
    public static Expression<Func<Dispute, bool>> TouchedIn(DateOnly from, DateOnly to) =>
        d => (d.ReceivedOn >= from && d.ReceivedOn <= to)
            || (d.ResolvedOn >= from && d.ResolvedOn <= to)
            || (d.FailedOn >= from && d.FailedOn <= to)
            || (d.RoutedOn >= from && d.RoutedOn <= to)
            || (d.RefusedOn >= from && d.RefusedOn <= to);

    /// <summary>The figures of one township's disputes <see cref="TouchedIn"/> the period (the county counts each township with it).</summary>
    public static DisputeFigureSet Count(DateOnly from, DateOnly to, IReadOnlyList<Dispute> touched, Func<string, string> categoryLabel)
    {
        bool In(DateOnly? day) => day is { } d && d >= from && d <= to;
        var screened = touched.Where(d => In(d.ReceivedOn)).ToList();
        var resolved = touched.Where(d => In(d.ResolvedOn)).ToList();
        var police = touched.Sum(d => d.PoliceReports.Count(r => In(r.On)));

        List<CountBy> By(Func<Dispute, string> key, Func<string, string> label) =>
            [.. screened.Select(key).Concat(resolved.Select(key)).Distinct()
                .Select(k => new CountBy(k, label(k), screened.Count(d => key(d) == k), resolved.Count(d => key(d) == k)))
                .OrderByDescending(c => c.Screened).ThenBy(c => c.Key, StringComparer.Ordinal)];

        return new DisputeFigureSet(
            from, to, screened.Count, resolved.Count,
            resolved.Count(d => d.AgreementForm == AgreementForm.Written), resolved.Count(d => d.AgreementForm == AgreementForm.Oral),
            touched.Count(d => In(d.FailedOn)), touched.Count(d => In(d.RoutedOn)), touched.Count(d => In(d.RefusedOn)),
            screened.Count(d => d.IsOpen), police,
            By(d => d.Category, categoryLabel), By(d => d.Village, v => v));
    }

    public Task<DisputeFigureSet> ForYearAsync(int year, CancellationToken ct) => ForPeriodAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);

    public Func<Task<DisputeFigureSet>> ForYear(IBatchedQuery batch, int year) => ForPeriod(batch, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}

/// <summary>The township home page's dispute figures: open, and open past the township's resolution target.</summary>
internal sealed class DisputeDashboard(IQuerySession session, DisputeSettingsReader settingsReader, DisputeClock clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var settings = await settingsReader.GetAsync(cancellationToken);
        // The line the per-dispute clock draws, so this count and the ledger's "past target" marks always agree.
        var receivedBy = clock.PastTargetIfReceivedBy(settings);
        var open = await session.Query<Dispute>().CountAsync(d => d.IsOpen, cancellationToken);
        var late = await session.Query<Dispute>().CountAsync(d => d.IsOpen && !d.OutcomeImported && d.ReceivedOn <= receivedBy, cancellationToken);
        var target = PeriodSettings.Label(settings.Target);
        return
        [
            new(new LocalizedText("调解中的矛盾纠纷", "Disputes open"), open.ToString(CultureInfo.InvariantCulture), "mediation/disputes?open=true"),
            new(new LocalizedText($"超过{target.Chinese}未化解的纠纷", $"Disputes open over {target.English}"),
                late.ToString(CultureInfo.InvariantCulture), "mediation/disputes?open=true", late > 0),
        ];
    }
}

/// <summary>The resolution target, the court-confirmation window and follow-up visits, for the township's due list.</summary>
internal sealed class DisputeDeadlines(IQuerySession session, DisputeSettingsReader settingsReader, DisputeClock clock) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var settings = await settingsReader.GetAsync(cancellationToken);
        var today = clock.Today;
        // Query lines drawn by the clock run backwards: the records they let through are exactly those the per-record
        // dates below put on the list.
        var targetLine = clock.TargetDueIfReceivedBy(settings, horizon);
        var windowLine = clock.WindowClosedIfResolvedBy;
        var candidates = await session.Query<Dispute>()
            .Where(d => (d.IsOpen && !d.OutcomeImported && d.ReceivedOn <= targetLine)
                || (d.ResolvedOn != null && !d.OutcomeImported && d.FollowedUpOn == null && (d.State == DisputeState.Agreed || d.State == DisputeState.Performed))
                || (d.ResolvedOn > windowLine && !d.OutcomeImported && d.CourtConfirmationAppliedOn == null))
            .ToListAsync(cancellationToken);

        var target = PeriodSettings.Label(settings.Target);
        var followUp = PeriodSettings.Label(settings.FollowUp);
        var items = new List<DueItem>();
        foreach (var d in candidates)
        {
            var link = $"mediation/disputes/{d.Id}";
            if (d.IsOpen && !d.OutcomeImported && clock.TargetOn(d, settings) is var due && due.Date <= horizon)
            {
                items.Add(new(new($"纠纷 {d.Number} 化解时限", $"Resolution target of dispute {d.Number}"), due, link,
                    new($"本镇要求：受理后{target.Chinese}内化解", $"Local practice: resolved within {target.English}")));
            }

            // The due list asks only for what the step table allows now: an archived dispute is due nothing.
            if (Dispute.Steps.Allows(d, RecordCourtConfirmationStep.Name) && clock.CourtConfirmationDueOn(d) is { } window && window.Date >= today && window.Date <= horizon)
            {
                items.Add(new(new($"纠纷 {d.Number} 司法确认申请期限", $"Court confirmation window of dispute {d.Number}"), window, link,
                    new("人民调解法第三十三条：协议生效之日起30日内可共同申请司法确认", "People's Mediation Law Art 33: 30 days from the agreement")));
            }

            if (Dispute.Steps.Allows(d, VisitAfterAgreementStep.Name) && clock.FollowUpDueOn(d, settings) is { } visit && visit.Date <= horizon)
            {
                items.Add(new(new($"纠纷 {d.Number} 回访", $"Follow-up visit of dispute {d.Number}"), visit, link,
                    new($"本镇要求：协议生效后{followUp.Chinese}内回访", $"Local practice: visit within {followUp.English} of the agreement")));
            }
        }

        return [.. items.OrderBy(i => i.DueOn)];
    }
}
