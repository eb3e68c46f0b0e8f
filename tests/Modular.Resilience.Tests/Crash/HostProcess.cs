using System.Diagnostics;
using System.Net;
using Modular.Host.Storage;
using Modular.Testing;

namespace Modular.Resilience.Tests.Crash;

/// <summary>
/// The built host (<c>host/Modular.Host</c>'s own output) run as a child process on a durable PostgreSQL cluster of
/// its own, so the suite can kill -9 it and stop its database the way a power cut or an OOM kill would.
/// </summary>
public sealed class HostProcess : IAsyncLifetime
{
    public const string AdminPassword = PlatformFactory.AdminPassword;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"modular-resilience-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private readonly int _port = LocalPostgresCluster.FreePort();
    private LocalPostgresCluster _cluster = null!;
    private Process? _host;

    public Uri Address => new($"http://127.0.0.1:{_port}");

    public string ConnectionString => _cluster.ConnectionString();

    public Process? Process => _host;

    public async Task InitializeAsync()
    {
        // Durable, unlike the shared test cluster: an immediate stop must not lose a commit the host acknowledged.
        _cluster = new LocalPostgresCluster(Path.Combine(_folder, "postgres"), LocalPostgresCluster.FreePort(), durable: true);
        await _cluster.StartAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
        }

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
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(HostAssembly)! };
        foreach (var argument in new[] { HostAssembly, "--urls", Address.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Modular"] = _cluster.ConnectionString();
        start.Environment["Modular__PluginsPath"] = ResiliencePlatform.Plugins;
        start.Environment["Modular__Demo"] = "false";
        start.Environment["Modular__Admin__Password"] = AdminPassword;
        start.Environment["Modular__LogsPath"] = Path.Combine(_folder, "logs");
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in ResiliencePlatform.UnthrottledSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _host = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        _host.OutputDataReceived += (_, _) => { };
        _host.ErrorDataReceived += (_, _) => { };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_host.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_host.ExitCode} while starting; its log is in {_folder}/logs.");
            }

            try
            {
                if ((await probe.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // still starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The host did not answer /health/live within two minutes.");
    }

    /// <summary>kill -9: no shutdown hook, no flush, the way the kernel's OOM killer ends a process.</summary>
    public void Kill()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            _host.WaitForExit();
        }

        _host?.Dispose();
        _host = null;
        Figures.Add("faults injected");
        Figures.Add("host kills (kill -9)");
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
    public HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static string HostAssembly
    {
        get
        {
            // The test runs from tests/Modular.Resilience.Tests/bin/<Configuration>/<tfm>/: the host was built beside it.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            var root = output;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Modular.sln")))
            {
                root = root.Parent;
            }

            var assembly = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Modular.sln not found above the test output."),
                "host", "Modular.Host", "bin", configuration, framework, "Modular.Host.dll");
            return File.Exists(assembly) ? assembly : throw new InvalidOperationException($"{assembly} is missing: build the host first.");
        }
    }

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
