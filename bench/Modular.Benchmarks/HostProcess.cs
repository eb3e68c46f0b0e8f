using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Modular.Benchmarks;

/// <summary>
/// The real host binary (<c>dotnet Modular.Host.dll</c>) in a child process, as the run command starts it (Production,
/// working directory = the host's project folder). Its console goes to a file: nobody reads a pipe under load.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _logFile;

    private HostProcess(Process process, Uri address, string logFile, TimeSpan readyAfter, TimeSpan cpuUntilReady, IReadOnlyList<string> modules)
    {
        _process = process;
        _logFile = logFile;
        Address = address;
        ReadyAfter = readyAfter;
        CpuUntilReady = cpuUntilReady;
        Modules = modules;
    }

    public Uri Address { get; }

    /// <summary>Wall time from just before the process was started to the first 200 of <c>/health/ready</c>.</summary>
    public TimeSpan ReadyAfter { get; }

    /// <summary>
    /// The host's own CPU time (user + system, from <c>/proc/&lt;pid&gt;/stat</c>) when <c>/health/ready</c> first answered
    /// 200: the work of the start, which on a shared machine is steadier than its wall time (JIT, container, seeding).
    /// </summary>
    public TimeSpan CpuUntilReady { get; }

    /// <summary>The module ids the ready check reports as loaded.</summary>
    public IReadOnlyList<string> Modules { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// Where the host runs, its content root (wwwroot below it): a published host's own folder (deploy/publish.sh), else
    /// a build's project folder, as `dotnet run` uses: bin/&lt;configuration&gt;/&lt;framework&gt;/ is three levels below it.
    /// </summary>
    private static string ContentRoot(string hostAssembly)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(hostAssembly))!;
        return Directory.Exists(Path.Combine(folder, "wwwroot")) ? folder : Path.GetFullPath(Path.Combine(folder, "..", "..", ".."));
    }

    public static async Task<HostProcess> StartAsync(
        string connectionString, string pluginsPath, string adminPassword, string workFolder, string name, IReadOnlyDictionary<string, string> extraEnvironment,
        string? hostAssembly = null)
    {
        hostAssembly ??= BuildPaths.HostAssembly;
        var port = Modular.Host.Storage.LocalPostgresCluster.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var logFile = Path.Combine(workFolder, $"host-{name}.log");
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = ContentRoot(hostAssembly),
        };
        // `exec` replaces the shell (and then env), so the pid is the host's; its console goes to a file. The extra
        // variables go through env(1): their names may hold dots (Serilog__MinimumLevel__Override__Some.Source), which
        // the shell would drop.
        string[] command =
        [
            "-c", "exec \"$0\" \"$@\" >>\"$MODULAR_BENCH_LOG\" 2>&1", "env",
            .. extraEnvironment.Select(kv => $"{kv.Key}={kv.Value}"),
            "dotnet", hostAssembly, "--urls", address.ToString().TrimEnd('/'),
        ];
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_URLS" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["MODULAR_BENCH_LOG"] = logFile;
        start.Environment["ConnectionStrings__Modular"] = connectionString;
        start.Environment["Modular__PluginsPath"] = pluginsPath;
        start.Environment["Modular__Demo"] = "true";
        start.Environment["Modular__Admin__Password"] = adminPassword;
        start.Environment["Modular__LogsPath"] = Path.Combine(workFolder, "logs");

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before it was ready:\n{Tail(logFile)}");
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The host was not ready after 2 minutes:\n{Tail(logFile)}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(address, "/health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    var readyAfter = clock.Elapsed;
                    var cpu = ProcStatus.CpuTime(process.Id);
                    var body = await response.Content.ReadAsStringAsync();
                    return new HostProcess(process, address, logFile, readyAfter, cpu, LoadedModules(body));
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but too busy to answer within the probe's timeout (a loaded machine): ask again until the deadline.
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Resident memory now and at its peak, in KiB, from <c>/proc/&lt;pid&gt;/status</c>.</summary>
    public (long Rss, long Peak) Memory() => ProcStatus.Memory(_process.Id);

    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public string LogTail() => Tail(_logFile);

    /// <summary>The host's own start-up summary from its console, when it writes one.</summary>
    public string? StartupStages() => StartupSummary.Read(_logFile);

    /// <summary>Stops the host as a service manager would (SIGTERM), killing it if it does not stop within 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private static List<string> LoadedModules(string health)
    {
        try
        {
            using var document = JsonDocument.Parse(health);
            return document.RootElement.GetProperty("checks").GetProperty("plugins").GetProperty("data").GetProperty("loaded")
                .EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return ["(ready response not understood)"];
        }
    }

    private static string Tail(string file) =>
        File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(40)) : "(no output)";
}

internal static class ProcStatus
{
    /// <summary>USER_HZ, the unit of /proc's CPU times: 100 on every Linux this runs on (getconf CLK_TCK).</summary>
    private const int ClockTicksPerSecond = 100;

    /// <summary>VmRSS and VmHWM of a process, in KiB.</summary>
    public static (long Rss, long Peak) Memory(int processId)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kib(line);
            }
        }

        return (rss, peak);
    }

    /// <summary>User + system CPU time of a process so far: fields 14 and 15 of <c>/proc/&lt;pid&gt;/stat</c>, in clock ticks.</summary>
    public static TimeSpan CpuTime(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count the fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    private static long Kib(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}

/// <summary>The host's own start-up summary line, read back from its console log.</summary>
internal static class StartupSummary
{
    /// <summary>The stages of the host's "Started in" line in its console log, or null for a host that does not write one.</summary>
    public static string? Read(string logFile)
    {
        if (!File.Exists(logFile))
        {
            return null;
        }

        var line = File.ReadLines(logFile).LastOrDefault(l => l.Contains("] Started in ", StringComparison.Ordinal));
        return line is null ? null : line[(line.IndexOf("Started in ", StringComparison.Ordinal))..].Trim();
    }
}
