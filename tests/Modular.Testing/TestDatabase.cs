using Modular.Host.Storage;

namespace Modular.Testing;

/// <summary>
/// One throw-away PostgreSQL cluster for the whole test run, started the way the platform starts its own (as the
/// postgres user, TCP only) but without durability. Each test host gets a database of its own on it.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<LocalPostgresCluster>> Cluster = new(StartAsync);
    private static int _databases;

    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var cluster = await Cluster.Value;
        var name = $"{purpose}_{Interlocked.Increment(ref _databases)}_{Environment.ProcessId}";
        try
        {
            // Only the database: preparing the cluster's folder again (chown -R) races the running server's own files.
            await cluster.CreateDatabaseAsync(name);
        }
        catch (Npgsql.NpgsqlException)
        {
            await cluster.StartAsync(name); // a test stopped the cluster: start it again
        }

        return cluster.ConnectionString(name);
    }

    private static async Task<LocalPostgresCluster> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"modular-tests-{Environment.ProcessId}");
        var cluster = new LocalPostgresCluster(folder, LocalPostgresCluster.FreePort(), durable: false);
        await cluster.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A folder left in /tmp is harmless; the next run uses a new one.
            }
        };
        return cluster;
    }
}
