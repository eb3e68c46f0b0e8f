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

/// <summary>
/// Degraded when the official holiday calendar lacks this year, or next year once its notice is due (November):
/// working-day deadlines reaching into such a year are only provisional.
/// </summary>
internal sealed class HolidayCalendarHealthCheck(Modular.Contracts.Time.IStatutoryClock clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = HolidayCalendarStatus.MissingYears(clock);
        var data = new Dictionary<string, object> { ["configured"] = clock.ConfiguredYears.Order().ToArray(), ["missing"] = missing.ToArray() };
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy("Holiday calendar configured.", data)
            : HealthCheckResult.Degraded(HolidayCalendarStatus.Describe(missing), data: data));
    }
}

internal static class HolidayCalendarStatus
{
    public static IReadOnlyList<int> MissingYears(Modular.Contracts.Time.IStatutoryClock clock)
    {
        var today = clock.Today;
        var needed = today.Month >= 11 ? new[] { today.Year, today.Year + 1 } : [today.Year];
        return needed.Where(y => !clock.ConfiguredYears.Contains(y)).ToList();
    }

    public static string Describe(IReadOnlyList<int> missing) =>
        $"{string.Join("、", missing)}年节假日安排未配置，涉及该年的工作日期限为暂定；请在 Modular:Holidays:{missing[0]} 中按国务院办公厅通知添加 / "
        + $"the official holiday schedule for {string.Join(", ", missing)} is not configured; add it under Modular:Holidays:{missing[0]}.";
}
