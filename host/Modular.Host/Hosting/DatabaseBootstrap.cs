using Modular.Host.Storage;

namespace Modular.Host.Hosting;

/// <summary>With no connection string configured, runs the platform on a private, durable PostgreSQL cluster in the project.</summary>
internal static class DatabaseBootstrap
{
    public static async Task EnsureDatabaseAsync(this WebApplicationBuilder builder, Serilog.ILogger log)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Modular")))
        {
            log.Information("Using the configured PostgreSQL server");
            return;
        }

        var options = builder.Configuration.GetSection(ModularOptions.Section).Get<ModularOptions>() ?? new ModularOptions();
        var cluster = new LocalPostgresCluster(Path.Combine(options.DataPath, "postgres"), options.DatabasePort, durable: true);
        log.Information("No connection string configured: starting the private PostgreSQL cluster in {DataPath} on port {Port}", cluster.DataDirectory, cluster.Port);
        await cluster.StartAsync();
        builder.Configuration["ConnectionStrings:Modular"] = cluster.ConnectionString();
    }
}
