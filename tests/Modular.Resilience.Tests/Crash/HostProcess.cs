using System.Diagnostics;
using Modular.Host.Storage;
using Modular.Testing;

namespace Modular.Resilience.Tests.Crash;

/// <summary>
/// The built host (<see cref="HostNode"/>) run as a child process on a durable PostgreSQL cluster of its own, so the
/// suite can kill -9 it and stop its database the way a power cut or an OOM kill would.
/// </summary>
public sealed class HostProcess : IAsyncLifetime
{
    public const string AdminPassword = PlatformFactory.AdminPassword;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"modular-resilience-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly int _port = LocalPostgresCluster.FreePort();
    private LocalPostgresCluster _cluster = null!;
    private HostNode? _host;

    public Uri Address => new($"http://127.0.0.1:{_port}");

    public string ConnectionString => _cluster.ConnectionString();

    public Process? Process => _host?.Process;

    public async Task InitializeAsync()
    {
        // Durable, unlike the shared test cluster: an immediate stop must not lose a commit the host acknowledged.
        _cluster = new LocalPostgresCluster(Path.Combine(_folder, "postgres"), LocalPostgresCluster.FreePort(), durable: true);
        await _cluster.StartAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await _cluster.StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder left in /tmp is harmless.
        }
    }

    /// <summary>Starts the host and waits until it answers <c>/health/live</c>.</summary>
    public Task StartAsync()
    {
        _host = new HostNode(_cluster.ConnectionString(), ResiliencePlatform.Plugins, Path.Combine(_folder, "logs"), port: _port);
        return _host.StartAsync();
    }

    /// <summary>kill -9: no shutdown hook, no flush, the way the kernel's OOM killer ends a process.</summary>
    public void Kill()
    {
        _host?.Kill();
        _host = null;
    }

    /// <summary><c>pg_ctl stop -m immediate</c>: the server quits without a checkpoint, as in a crash; recovery replays the WAL.</summary>
    public async Task StopDatabaseImmediatelyAsync()
    {
        await PgCtlAsync("-D", Path.Combine(_cluster.DataDirectory, "pgdata"), "-m", "immediate", "-w", "stop");
        Figures.Add("faults injected");
        Figures.Add("database stops (immediate)");
    }

    public Task StartDatabaseAsync() => _cluster.StartAsync();

    /// <summary>A client with its own cookies on the child host.</summary>
    public HttpClient Client() => HostNode.ClientFor(Address);

    private static async Task PgCtlAsync(params string[] arguments)
    {
        var asPostgres = Environment.UserName == "root";
        var start = new ProcessStartInfo(asPostgres ? "runuser" : "/usr/lib/postgresql/15/bin/pg_ctl") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (asPostgres ? ["-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl"] : Array.Empty<string>()).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl {string.Join(' ', arguments)} failed: {await output}{await error}");
        }
    }
}
