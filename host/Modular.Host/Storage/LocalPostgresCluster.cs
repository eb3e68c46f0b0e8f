using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Modular.Host.Storage;

/// <summary>
/// A private PostgreSQL 15 cluster in a project-local folder, for running the platform or its tests with nothing
/// configured. Initialised on first use and reused afterwards. As root, PostgreSQL refuses to run, so the cluster
/// runs as the <c>postgres</c> user; the folder is handed to that user.
/// </summary>
public sealed class LocalPostgresCluster
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly string _dataDirectory;
    private readonly int _port;
    private readonly bool _durable;

    /// <param name="durable">False only for throw-away test clusters: turns off fsync and synchronous commit.</param>
    public LocalPostgresCluster(string dataDirectory, int port, bool durable)
    {
        _dataDirectory = Path.GetFullPath(dataDirectory);
        _port = port;
        _durable = durable;
    }

    public int Port => _port;

    public string DataDirectory => _dataDirectory;

    public string ConnectionString(string database = "modular") =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=60";

    /// <summary>Initialises the cluster when its folder is empty, starts it unless it already runs, and creates the database.</summary>
    public async Task StartAsync(string database = "modular", CancellationToken cancellationToken = default)
    {
        var pgData = Path.Combine(_dataDirectory, "pgdata");
        var runAsPostgres = await PrepareFolderAsync(cancellationToken);
        if (!File.Exists(Path.Combine(pgData, "PG_VERSION")))
        {
            await RunAsync(Path.Combine(BinDirectory, "initdb"),
                ["-D", pgData, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], runAsPostgres, cancellationToken);
        }

        await StartServerAsync(pgData, runAsPostgres, cancellationToken);
        await CreateDatabaseAsync(database, cancellationToken);
    }

    /// <summary>
    /// Makes this cluster a streaming standby of <paramref name="primary"/> when its folder is empty (a base backup
    /// with <c>pg_basebackup -R</c>, which writes <c>standby.signal</c> and the primary's address), and starts it: a
    /// read-only hot standby that replays what the primary commits. The primary needs nothing but its defaults
    /// (<c>wal_level=replica</c>, WAL senders, and initdb's trusted replication entries for 127.0.0.1).
    /// </summary>
    public async Task StartAsStandbyOfAsync(LocalPostgresCluster primary, CancellationToken cancellationToken = default)
    {
        var pgData = Path.Combine(_dataDirectory, "pgdata");
        var runAsPostgres = await PrepareFolderAsync(cancellationToken);
        if (!File.Exists(Path.Combine(pgData, "PG_VERSION")))
        {
            await RunAsync(Path.Combine(BinDirectory, "pg_basebackup"),
                ["-h", "127.0.0.1", "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-D", pgData,
                    "-R", "-X", "stream", "-c", "fast"], runAsPostgres, cancellationToken);
        }

        await StartServerAsync(pgData, runAsPostgres, cancellationToken);
    }

    private async Task<bool> PrepareFolderAsync(CancellationToken cancellationToken)
    {
        var runAsPostgres = Environment.UserName == "root";
        Directory.CreateDirectory(_dataDirectory);
        if (runAsPostgres)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _dataDirectory], asPostgres: false, cancellationToken);
            // Every parent must be traversable by postgres, or initdb fails with a bare "permission denied".
            for (var dir = Path.GetDirectoryName(_dataDirectory); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
            {
                await RunAsync("chmod", ["o+x", dir], asPostgres: false, cancellationToken);
            }
        }

        return runAsPostgres;
    }

    private async Task StartServerAsync(string pgData, bool runAsPostgres, CancellationToken cancellationToken)
    {
        if (!await IsRunningAsync(pgData, runAsPostgres, cancellationToken))
        {
            // TCP only in use; the socket goes to /tmp because socket paths have a short length limit.
            var settings = $"-p {_port} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB";
            if (!_durable)
            {
                settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            }

            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
                ["-D", pgData, "-l", Path.Combine(_dataDirectory, "postgres.log"), "-w", "-t", "60", "start", "-o", settings],
                runAsPostgres, cancellationToken);
        }
    }

    /// <summary>Stops the cluster, waiting for a clean shutdown.</summary>
    public async Task StopAsync()
    {
        var pgData = Path.Combine(_dataDirectory, "pgdata");
        var runAsPostgres = Environment.UserName == "root";
        if (await IsRunningAsync(pgData, runAsPostgres, CancellationToken.None))
        {
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", pgData, "-m", "fast", "-w", "stop"], runAsPostgres, CancellationToken.None);
        }
    }

    /// <summary>A TCP port nobody listens on now, for a test cluster.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Creates <paramref name="database"/> on the running cluster unless it exists (nothing else is touched).</summary>
    public async Task CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        // Unpooled: after an immediate stop a pooled admin connection is dead, and the next start would fail on it.
        await using var connection = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new Npgsql.NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new Npgsql.NpgsqlCommand($"create database \"{database.Replace("\"", "", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<bool> IsRunningAsync(string pgData, bool asPostgres, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(pgData, "postmaster.pid")))
        {
            return false;
        }

        var (exitCode, _) = await TryRunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", pgData, "status"], asPostgres, cancellationToken);
        return exitCode == 0;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await TryRunAsync(program, arguments, asPostgres, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed with exit code {exitCode}: {output.Trim()}");
        }
    }

    private static async Task<(int ExitCode, string Output)> TryRunAsync(string program, string[] arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // pg_ctl start leaves the server holding the inherited pipes; read them without waiting for their end.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(2000, cancellationToken));
        var output = (stdout.IsCompletedSuccessfully ? stdout.Result : "") + (stderr.IsCompletedSuccessfully ? stderr.Result : "");
        return (process.ExitCode, output);
    }
}
