using System.Globalization;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Contracts.Time;
using Modular.Kit.Time;
using Modular.Modules.Mediation.Disputes;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>The deployment's default of the Liaisons area, under <c>Modular:Mediation:Liaisons</c>; a township may set its own.</summary>
internal sealed class LiaisonOptions
{
    public const string Section = "Modular:Mediation:Liaisons";

    public const int DefaultLeadOpenDays = 3;

    /// <summary>
    /// How long a lead may stay open before it shows on the due list. No statute sets it: three calendar days is the
    /// township's own practice (a lead is looked into while it is fresh), so a county may set another default and a
    /// township its own on the dispute settings page.
    /// </summary>
    public int LeadOpenDays { get; set; } = DefaultLeadOpenDays;

    public PeriodUnit LeadOpenUnit { get; set; } = PeriodUnit.CalendarDays;
}

/// <summary>When an open lead is due to be taken in or closed, by the township's practice, counted by the statutory clock.</summary>
internal sealed class LeadFollowUp(DisputeSettingsReader settings, IStatutoryClock clock)
{
    public async Task<LeadRule> RuleAsync(CancellationToken ct) => new((await settings.GetAsync(ct)).LeadOpen, clock);
}

/// <summary>The township's lead period, ready to date leads with.</summary>
internal sealed class LeadRule(StatutoryPeriod period, IStatutoryClock clock)
{
    public StatutoryPeriod Period => period;

    public StatutoryDate? DueOn(Lead lead) => lead.State == LeadState.Reported ? clock.Deadline(lead.ReportedOn, period) : null;

    public bool Overdue(Lead lead) => DueOn(lead) is { } due && due.Date < clock.Today;

    /// <summary>An open lead reported on or before this day is overdue today: the same line the per-lead clock draws.</summary>
    public DateOnly OverdueIfReportedBy => clock.LastTriggerOverdueOn(period, clock.Today);

    /// <summary>An open lead reported on or before this day is due by <paramref name="horizon"/>.</summary>
    public DateOnly DueByIfReportedBy(DateOnly horizon) => clock.LastTriggerDueBy(period, horizon);

    public LocalizedText Rule
    {
        get
        {
            var label = PeriodSettings.Label(period);
            return new($"本镇做法：线索报告后{label.Chinese}内转为纠纷受理或关闭", $"Local practice: a lead is taken in or closed within {label.English}");
        }
    }
}

/// <summary>The township home page's figure: leads still open, highlighted when one has waited too long.</summary>
internal sealed class LeadDashboard(IQuerySession session, LeadFollowUp followUp) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var open = await session.Query<Lead>().CountAsync(l => l.State == LeadState.Reported, cancellationToken);
        var cutoff = (await followUp.RuleAsync(cancellationToken)).OverdueIfReportedBy;
        var late = open > 0 && await session.Query<Lead>().AnyAsync(l => l.State == LeadState.Reported && l.ReportedOn <= cutoff, cancellationToken);
        return [new(new LocalizedText("待处理的线索", "Open leads"), open.ToString(CultureInfo.InvariantCulture), "mediation/leads?state=Reported", late)];
    }
}

/// <summary>Open leads falling due under the township's practice, for the due list.</summary>
internal sealed class LeadDeadlines(IQuerySession session, LeadFollowUp followUp) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var rule = await followUp.RuleAsync(cancellationToken);
        var reportedBy = rule.DueByIfReportedBy(horizon);
        var due = await session.Query<Lead>()
            .Where(l => l.State == LeadState.Reported && l.ReportedOn <= reportedBy)
            .OrderBy(l => l.ReportedOn)
            .ToListAsync(cancellationToken);
        return due.Select(l => new DueItem(
            new($"{l.Village}的线索（{l.ReportedOn:yyyy-MM-dd}报告）待处理", $"Lead from {l.Village} ({l.ReportedOn:yyyy-MM-dd}) to take in or close"),
            rule.DueOn(l)!, $"mediation/leads/{l.Id}", rule.Rule)).ToList();
    }
}
