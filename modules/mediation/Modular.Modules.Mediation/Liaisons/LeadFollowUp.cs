using System.Globalization;
using Marten;
using Microsoft.Extensions.Options;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Contracts.Time;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>Settings of the Liaisons area, under <c>Modular:Mediation:Liaisons</c>.</summary>
internal sealed class LiaisonOptions
{
    public const string Section = "Modular:Mediation:Liaisons";

    /// <summary>
    /// Calendar days a lead may stay open before it shows on the due list. No statute sets it: three days is the
    /// township's own practice (a lead is looked into while it is fresh), so a township may set another.
    /// </summary>
    public int LeadOpenDays { get; set; } = 3;
}

/// <summary>When an open lead is due to be taken in or closed, by the township's practice.</summary>
internal sealed class LeadFollowUp(IOptions<LiaisonOptions> options, IStatutoryClock clock)
{
    public int Days => options.Value.LeadOpenDays;

    public DateOnly? DueOn(Lead lead) => lead.State == LeadState.Reported ? lead.ReportedOn.AddDays(Days) : null;

    public bool Overdue(Lead lead) => DueOn(lead) is { } due && due < clock.Today;

    /// <summary>An open lead reported before this day is overdue today.</summary>
    public DateOnly OverdueIfReportedBefore => clock.Today.AddDays(-Days);

    public LocalizedText Rule => new($"本镇做法：线索报告后{Days}日内转为纠纷受理或关闭", $"Local practice: a lead is taken in or closed within {Days} days");
}

/// <summary>The township home page's figure: leads still open, highlighted when one has waited too long.</summary>
internal sealed class LeadDashboard(IQuerySession session, LeadFollowUp followUp) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var open = await session.Query<Lead>().CountAsync(l => l.State == LeadState.Reported, cancellationToken);
        var cutoff = followUp.OverdueIfReportedBefore;
        var late = open > 0 && await session.Query<Lead>().AnyAsync(l => l.State == LeadState.Reported && l.ReportedOn < cutoff, cancellationToken);
        return [new(new LocalizedText("待处理的线索", "Open leads"), open.ToString(CultureInfo.InvariantCulture), "mediation/leads?state=Reported", late)];
    }
}

/// <summary>Open leads falling due under the township's practice, for the due list.</summary>
internal sealed class LeadDeadlines(IQuerySession session, LeadFollowUp followUp) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var reportedBy = horizon.AddDays(-followUp.Days);
        var due = await session.Query<Lead>()
            .Where(l => l.State == LeadState.Reported && l.ReportedOn <= reportedBy)
            .OrderBy(l => l.ReportedOn)
            .ToListAsync(cancellationToken);
        return due.Select(l => new DueItem(
            new($"{l.Village}的线索（{l.ReportedOn:yyyy-MM-dd}报告）待处理", $"Lead from {l.Village} ({l.ReportedOn:yyyy-MM-dd}) to take in or close"),
            followUp.DueOn(l)!.Value, $"mediation/leads/{l.Id}", followUp.Rule)).ToList();
    }
}
