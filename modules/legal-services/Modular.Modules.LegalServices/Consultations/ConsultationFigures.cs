using System.Globalization;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.LegalServices;
using Modular.Contracts.Modules;
using Modular.Kit;
using static Modular.Kit.Text;
using static Modular.Modules.LegalServices.Consultations.ConsultationVocabulary;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>One count of the figures, with the register's filter that lists the records counted.</summary>
internal sealed record ConsultationCount(string Key, string Label, int Count, string Link);

/// <summary>The consultations received in a period, by channel, topic and outcome (routings by window).</summary>
internal sealed record ConsultationFigureSet(
    DateOnly From, DateOnly To, int Received, int Open, IReadOnlyList<ConsultationCount> ByChannel, IReadOnlyList<ConsultationCount> ByTopic,
    IReadOnlyList<ConsultationCount> ByOutcome, IReadOnlyList<ConsultationCount> ByWindow);

/// <summary>Counts the register: every figure is a count of consultations received in the period, linked to their list.</summary>
internal sealed class ConsultationFigures(IQuerySession session)
{
    public async Task<ConsultationFigureSet> ForPeriodAsync(Period period, CancellationToken ct)
    {
        // Four small columns of the period's consultations: the township's year is a few hundred rows.
        var rows = (await session.Query<Consultation>()
            .Where(c => c.ReceivedOn >= period.From && c.ReceivedOn <= period.To)
            .Select(c => new { c.Channel, c.Topic, c.State, c.Window })
            .ToListAsync(ct)).Select(r => new Row(r.Channel, r.Topic, r.State, r.Window)).ToList();
        var range = $"from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}";
        string Link(string filter) => $"legal-services/consultations?{filter}&{range}";
        return new ConsultationFigureSet(
            period.From, period.To, rows.Count, rows.Count(r => r.State is ConsultationState.Registered or ConsultationState.AwaitingOpinion),
            [.. Enum.GetValues<ConsultationChannel>().Select(v => new ConsultationCount(v.ToString(), T(Label(v)), rows.Count(r => r.Channel == v), Link($"channel={v}")))],
            [.. Enum.GetValues<ConsultationTopic>().Select(v => new ConsultationCount(v.ToString(), T(Label(v)), rows.Count(r => r.Topic == v), Link($"topic={v}")))],
            [.. Enum.GetValues<ConsultationState>().Select(v => new ConsultationCount(v.ToString(), T(Label(v)), rows.Count(r => r.State == v), Link($"state={v}")))],
            [.. Enum.GetValues<ServiceWindow>().Select(v => new ConsultationCount(v.ToString(), T(Label(v)), rows.Count(r => r.Window == v), Link($"window={v}")))]);
    }

    private sealed record Row(ConsultationChannel Channel, ConsultationTopic Topic, ConsultationState State, ServiceWindow? Window);
}

/// <summary>The township home page: consultations still open, and those past their deadline (highlighted).</summary>
internal sealed class ConsultationDashboard(IQuerySession session, ConsultationQueries queries, ConsultationClock clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var open = await session.Query<Consultation>().CountAsync(c => c.IsOpen, cancellationToken);
        var overdue = open == 0 ? 0 : (await queries.OpenWithClockAsync(cancellationToken)).Count(c => clock.Of(c) is { Overdue: true });
        return
        [
            new(new LocalizedText("待办结的法律咨询", "Open consultations"), Count(open), "legal-services/consultations?open=true"),
            new(new LocalizedText("超期未办的法律咨询", "Overdue consultations"), Count(overdue), "legal-services/consultations?overdue=true", overdue > 0),
        ];
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Open letters and online messages falling due, for the due list.</summary>
internal sealed class ConsultationDeadlines(ConsultationQueries queries, ConsultationClock clock) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken) =>
        [.. (await queries.OpenWithClockAsync(cancellationToken))
            .Select(c => (Consultation: c, Deadline: clock.Of(c)))
            .Where(d => d.Deadline is { } due && due.DueOn <= horizon)
            .Select(d => new DueItem(
                d.Consultation.Channel == ConsultationChannel.Letter
                    ? new($"法律咨询 {d.Consultation.Number} 来信办理", $"Consultation {d.Consultation.Number}: letter to decide on")
                    : new($"法律咨询 {d.Consultation.Number} 网上留言答复", $"Consultation {d.Consultation.Number}: online message to answer"),
                d.Deadline!.DueOn, $"legal-services/consultations/{d.Consultation.Id}", d.Deadline.Rule))];
}
