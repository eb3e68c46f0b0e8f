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
/// With township databases each database has its daemon and its shards (each its own lock): <c>databases</c> gives
/// every database's running shards, <c>shards</c> the platform database's.
/// </summary>
internal sealed class ProjectionDaemonHealthCheck(IProjectionCoordinator coordinator, Marten.IDocumentStore store) : IHealthCheck
{
    /// <summary>This process, as the data of <c>/health/ready</c> names it.</summary>
    public static string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var daemons = new List<(string Id, IProjectionDaemon Daemon)>();
        if (store.Options.Tenancy is Storage.Databases.TownshipTenancy tenancy)
        {
            foreach (var id in tenancy.Databases.Keys)
            {
                daemons.Add((id, await coordinator.DaemonForDatabase(id)));
            }
        }
        else
        {
            daemons.Add((Storage.Databases.TownshipTenancy.PlatformDatabase, coordinator.DaemonForMainDatabase()));
        }

        var byDatabase = daemons.ToDictionary(d => d.Id, d => d.Daemon.CurrentAgents()
            .Where(a => a.Status == AgentStatus.Running)
            .OrderBy(a => a.Name.Identity, StringComparer.Ordinal)
            .ToList(), StringComparer.Ordinal);
        var running = byDatabase.Values.SelectMany(a => a).ToList();
        var data = new Dictionary<string, object>
        {
            ["node"] = Node,
            ["leads"] = running.Count > 0,
            ["shards"] = byDatabase[daemons[0].Id].ToDictionary(a => a.Name.Identity, a => (object)a.Position, StringComparer.Ordinal),
            ["databases"] = byDatabase.ToDictionary(
                d => d.Key, d => (object)d.Value.ToDictionary(a => a.Name.Identity, a => (object)a.Position, StringComparer.Ordinal), StringComparer.Ordinal),
        };
        return HealthCheckResult.Healthy(
            running.Count > 0
                ? $"Runs the projection daemon's shards: {string.Join(", ", running.Select(a => a.Name.Identity))}."
                : "Stands by: another node runs the projection daemon.",
            data);
    }
}
