using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Modular.Host.Plugins;

namespace Modular.Host.Operations;

internal sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception error)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", error);
        }
    }
}

/// <summary>Ready when plugins were read; degraded (still serving) when some failed, naming them.</summary>
internal sealed class PluginsHealthCheck(ModuleCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = catalog.Plugins.Where(p => p.State == PluginState.Failed).Select(p => Path.GetFileName(p.Folder)).ToList();
        var data = new Dictionary<string, object> { ["loaded"] = catalog.Modules.Select(m => m.Id).ToArray(), ["failed"] = failed.ToArray() };
        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy($"{catalog.Modules.Count} modules loaded.", data)
            : HealthCheckResult.Degraded($"Plugins failed: {string.Join(", ", failed)}.", data: data));
    }
}
