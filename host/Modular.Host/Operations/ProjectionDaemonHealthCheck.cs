using JasperFx;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Modular.Host.Operations;

/// <summary>
/// Says which of the async daemon's shards (async projections, the integration-event relay) run on this node. In
/// Marten's hot/cold mode every shard has its own PostgreSQL advisory lock: the node holding it runs the shard, the
/// others stand by and try the lock every <c>Modular:Daemon:LeadershipPollingMilliseconds</c>. Standing by is healthy
/// (a proxy keeps sending requests to a node that does not lead), so this check never fails; it reports, in the data
/// of <c>/health/ready</c>, the node (machine and process id), whether it leads, and each running shard's position.
/// </summary>
internal sealed class ProjectionDaemonHealthCheck(IProjectionCoordinator coordinator) : IHealthCheck
{
    /// <summary>This process, as the data of <c>/health/ready</c> names it.</summary>
    public static string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var running = coordinator.DaemonForMainDatabase().CurrentAgents()
            .Where(a => a.Status == AgentStatus.Running)
            .OrderBy(a => a.Name.Identity, StringComparer.Ordinal)
            .ToList();
        var data = new Dictionary<string, object>
        {
            ["node"] = Node,
            ["leads"] = running.Count > 0,
            ["shards"] = running.ToDictionary(a => a.Name.Identity, a => (object)a.Position, StringComparer.Ordinal),
        };
        return Task.FromResult(HealthCheckResult.Healthy(
            running.Count > 0
                ? $"Runs the projection daemon's shards: {string.Join(", ", running.Select(a => a.Name.Identity))}."
                : "Stands by: another node runs the projection daemon.",
            data));
    }
}
