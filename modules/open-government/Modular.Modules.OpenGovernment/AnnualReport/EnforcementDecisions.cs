using Marten;
using Modular.Contracts.Integration;
using Modular.Contracts.LawStudy;

namespace Modular.Modules.OpenGovernment.AnnualReport;

/// <summary>An enforcement decision as the annual disclosure report counts it, one document per task.</summary>
internal sealed class EnforcementDecision
{
    /// <summary>The task's id: a replayed event stores the same document again, never a second one.</summary>
    public Guid Id { get; set; }

    public EnforcementKind Kind { get; set; }

    public int Year { get; set; }

    public DateOnly DecidedOn { get; set; }

    public bool DecisionMade { get; set; }
}

/// <summary>
/// Keeps the decisions law study (or any module recording enforcement) reports, for the report's 第二部分 rows
/// 行政许可、行政处罚、行政强制 "本年处理决定数量" (国办公开办函〔2021〕30号).
/// </summary>
internal sealed class EnforcementDecisionTally : IIntegrationEventHandler<EnforcementDecisionRecorded>
{
    public Task HandleAsync(EnforcementDecisionRecorded e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        context.Operations.Store(new EnforcementDecision { Id = e.TaskId, Kind = e.Kind, Year = e.DecidedOn.Year, DecidedOn = e.DecidedOn, DecisionMade = e.DecisionMade });
        return Task.CompletedTask;
    }

    /// <summary>The rows in the national table's order, each with the year's count of decisions made.</summary>
    public static async Task<IReadOnlyList<StatRow>> RowsAsync(IQuerySession session, int year, CancellationToken ct)
    {
        // Whole documents: a township decides a few hundred cases a year at most.
        var decided = await session.Query<EnforcementDecision>().Where(d => d.Year == year && d.DecisionMade).ToListAsync(ct);
        return
        [
            new("licensing", "行政许可", 0, [decided.Count(d => d.Kind == EnforcementKind.Licensing)]),
            new("penalty", "行政处罚", 0, [decided.Count(d => d.Kind == EnforcementKind.Penalty)]),
            new("coercion", "行政强制", 0, [decided.Count(d => d.Kind == EnforcementKind.Coercion)]),
        ];
    }
}
