using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Modular.Benchmarks;

/// <summary>One start of the host: <paramref name="Kind"/> is cold (fresh database) or warm (the same database again).</summary>
internal sealed record StartSample(string Kind, int Pair, TimeSpan ReadyAfter, long RssKib);

/// <summary>One measured window; <paramref name="ServerCpu"/> is the serving process's CPU time in it, when it can be told apart.</summary>
internal sealed record LoadFigures(string Target, int Concurrency, int Round, LoadResult Result, TimeSpan? ServerCpu, double OtherWorkShare);

/// <summary>The windows of one app at one concurrency, taken together.</summary>
internal sealed record LoadSummary(long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P99Ms, double P99MinMs, double P99MaxMs, double MaxMs, double? CpuMicrosPerRequest)
{
    public static LoadSummary Of(IReadOnlyList<LoadFigures> rounds)
    {
        var requests = rounds.Sum(r => r.Result.Requests);
        var seconds = rounds.Sum(r => r.Result.Seconds);
        var p99 = rounds.Select(r => r.Result.P99Ms).ToList();
        double? cpu = rounds.All(r => r.ServerCpu is not null) && requests > 0
            ? rounds.Sum(r => r.ServerCpu!.Value.TotalMicroseconds) / requests
            : null;
        return new LoadSummary(requests, rounds.Sum(r => r.Result.Errors), requests / seconds,
            Median(rounds.Select(r => r.Result.P50Ms)), Median(p99), p99.Min(), p99.Max(), rounds.Max(r => r.Result.MaxMs), cpu);
    }

    private static double Median(IEnumerable<double> values) => Stats.Median(values);
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>The figures of one run, as Markdown.</summary>
internal sealed class Report(BenchSettings settings, string loadDescription, IReadOnlyList<(string Name, string Value)> machine, string pluginsPath)
{
    /// <summary>The second host of <c>--compare-env</c>, in the load rows.</summary>
    public const string Compared = "host (compare-env)";

    public List<StartSample> Starts { get; } = [];

    public IReadOnlyList<string> Modules { get; set; } = [];

    /// <summary>VmRSS and VmHWM of the host that served the load runs, after them.</summary>
    public (long Rss, long Peak) AfterLoad { get; set; }

    public List<LoadFigures> Loads { get; } = [];

    public string Sameness { get; set; } = "";

    public TimeSpan TotalTime { get; set; }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Host benchmark results").AppendLine();
        var arguments = string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Contains(';', StringComparison.Ordinal) ? $"\"{a}\"" : a));
        md.AppendLine($"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/Modular.Benchmarks{(arguments.Length > 0 ? " -- " + arguments : "")}` in {TotalTime.TotalSeconds:F0} s.")
            .AppendLine("Measurements of one run on one machine, never asserted by a test; see `bench/README.md` for what they mean.").AppendLine();

        md.AppendLine("## Machine").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (name, value) in machine)
        {
            md.AppendLine($"| {name} | {value} |");
        }

        md.AppendLine($"| Load generator | {loadDescription} |");
        md.AppendLine($"| Plugins path | `{pluginsPath}` |");
        if (settings.HostEnvironment.Count > 0)
        {
            md.AppendLine($"| Extra host environment | `{string.Join("; ", settings.HostEnvironment.Select(kv => $"{kv.Key}={kv.Value}"))}` |");
        }

        if (settings.CompareEnvironment.Count > 0)
        {
            md.AppendLine($"| {Compared} (a second host on the same database) | `{string.Join("; ", settings.CompareEnvironment.Select(kv => $"{kv.Key}={kv.Value}"))}` on top |");
        }

        md.AppendLine();

        md.AppendLine("## Start and memory of the host").AppendLine();
        md.AppendLine("The real binary in a child process: `dotnet host/Modular.Host/bin/Release/net10.0/Modular.Host.dll --urls ...`, Production, demo on.")
            .AppendLine("Time from just before the process is started to the first 200 of `/health/ready`; memory is VmRSS of `/proc/<pid>/status` (VmHWM = peak).").AppendLine();
        md.AppendLine($"Modules loaded: {(Modules.Count == 0 ? "none" : string.Join(", ", Modules))}. {settings.Starts} pairs of starts, each pair on a database of its own; median (range).").AppendLine();
        md.AppendLine("| Start | Database | Start → ready | VmRSS after start |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var (kind, database) in new[] { ("cold", "fresh: schema created, admin and demo township seeded"), ("warm", "the same database again: schema and data exist") })
        {
            var samples = Starts.Where(s => s.Kind == kind).ToList();
            if (samples.Count > 0)
            {
                var ready = samples.Select(s => s.ReadyAfter.TotalSeconds).ToList();
                var rss = samples.Select(s => s.RssKib / 1024.0).ToList();
                md.AppendLine($"| {kind} | {database} | {Stats.Median(ready):F2} s ({ready.Min():F2}–{ready.Max():F2}) | {Stats.Median(rss):F0} MiB ({rss.Min():F0}–{rss.Max():F0}) |");
            }
        }

        md.AppendLine().AppendLine($"The last warm host then served every load run below: VmRSS after them **{Mib(AfterLoad.Rss)}**, peak (VmHWM) {Mib(AfterLoad.Peak)}.");
        md.AppendLine().AppendLine("## Host overhead on an authenticated module read").AppendLine();
        md.AppendLine($"- **host**: `GET /api/t/bench/notebook/matters` on the last warm host above, signed in as a `notebook.clerk` (session cookie): the whole pipeline (request logging, township resolution, cookie authentication, user lookup, module gate, authorization) and the notebook's own endpoint (the matters' ledger).");
        md.AppendLine($"- **bare**: `GET /bare/bench/matters` on a minimal ASP.NET Core app (Kestrel, no logging) in the benchmark process: `store.QuerySession(tenant)` and the same `Query<Matter>().OrderByDescending(m => m.OpenedOn).ThenByDescending(m => m.Number).Take(200).ToListAsync()` on the plugin's own `Matter` type, each made a ledger row by the plugin's own `MatterRow.Of`; same schema and tenancy.");
        md.AppendLine($"- Same data: {Sameness}. Both receive the same request, cookie included (the bare app ignores it).");
        md.AppendLine($"- Per concurrency: each app warmed up for {settings.WarmupSeconds} s (discarded), then {settings.Rounds} measured rounds of {settings.DurationSeconds} s per app, alternating host/bare and bare/host. Requests/s and CPU are totals over the rounds; p50 and p99 are the median of the rounds' figures, with the rounds' range of p99 in brackets; Max is the slowest single request.");
        md.AppendLine("- Server CPU / request: user + system CPU time of the serving process during the measured windows, divided by the requests served.");
        md.AppendLine("- Other processes' CPU: the largest share of the machine's CPUs used, in any measured window of that row, by processes that are not this run's (not the apps, the load generator or the run's PostgreSQL). Near 0 % means the figures are this run's alone.").AppendLine();
        md.AppendLine("| Connections | Endpoint | Requests/s | p50 | p99 (rounds' range) | Max | Errors / requests | Server CPU / request | Other processes' CPU |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var concurrency in Loads.Select(l => l.Concurrency).Distinct())
        {
            LoadSummary? Summary(string target) =>
                Loads.Where(l => l.Concurrency == concurrency && l.Target == target).ToList() is { Count: > 0 } rounds ? LoadSummary.Of(rounds) : null;

            var host = Summary("host");
            var bare = Summary("bare");
            var compared = Summary(Compared);
            foreach (var (name, row) in new[] { ("host", host), (Compared, compared), ("bare", bare) })
            {
                if (row is not null)
                {
                    var others = Loads.Where(l => l.Concurrency == concurrency && l.Target == name).Max(l => l.OtherWorkShare);
                    md.AppendLine($"| {concurrency} | {name} | {row.RequestsPerSecond:N0} | {row.P50Ms:F2} ms | {row.P99Ms:F1} ms ({row.P99MinMs:F0}–{row.P99MaxMs:F0}) | {row.MaxMs:F0} ms | {row.Errors:N0} / {row.Requests:N0} | {Micros(row.CpuMicrosPerRequest)} | ≤ {others:P0} |");
                }
            }

            if (host is not null && bare is not null)
            {
                var cpu = host.CpuMicrosPerRequest is { } h && bare.CpuMicrosPerRequest is { } b && b > 0 ? $"**×{h / b:F2}**" : "n/a";
                md.AppendLine($"| {concurrency} | **host ÷ bare** | **×{host.RequestsPerSecond / bare.RequestsPerSecond:F2}** | ×{host.P50Ms / bare.P50Ms:F2} | ×{host.P99Ms / bare.P99Ms:F2} | | | {cpu} | |");
            }

            if (compared is not null && host is not null)
            {
                var cpu = compared.CpuMicrosPerRequest is { } c && host.CpuMicrosPerRequest is { } h && h > 0 ? $"**×{c / h:F2}**" : "n/a";
                md.AppendLine($"| {concurrency} | **{Compared} ÷ host** | **×{compared.RequestsPerSecond / host.RequestsPerSecond:F2}** | ×{compared.P50Ms / host.P50Ms:F2} | ×{compared.P99Ms / host.P99Ms:F2} | | | {cpu} | |");
                if (bare is not null)
                {
                    var cpuBare = compared.CpuMicrosPerRequest is { } c2 && bare.CpuMicrosPerRequest is { } b2 && b2 > 0 ? $"**×{c2 / b2:F2}**" : "n/a";
                    md.AppendLine($"| {concurrency} | **{Compared} ÷ bare** | **×{compared.RequestsPerSecond / bare.RequestsPerSecond:F2}** | ×{compared.P50Ms / bare.P50Ms:F2} | ×{compared.P99Ms / bare.P99Ms:F2} | | | {cpuBare} | |");
                }
            }
        }

        md.AppendLine().AppendLine("## Caveats").AppendLine();
        var contended = Loads.Count == 0 ? 0 : Loads.Max(l => l.OtherWorkShare);
        if (contended > 0.10)
        {
            md.AppendLine($"- **Other work competed with this run**: up to {contended:P0} of the CPUs were used by other processes during a measured window. Repeat on a quiet machine before drawing conclusions from the absolute figures.");
        }

        if (machine.FirstOrDefault(m => m.Name == Machine.BusyLabel).Value is { } busy
            && double.TryParse(busy.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var percent)
            && percent > 20)
        {
            md.AppendLine($"- **The machine was busy when the run began** ({percent:F0} % CPU in use by other work): it may have competed with the measurements; repeat on a quiet machine.");
        }

        md.AppendLine($"- Load generator, host, bare app and PostgreSQL share the same {Environment.ProcessorCount} cores: requests/s is what this machine sustains with all of them competing, not the capacity of a server on its own core budget. Server CPU per request is the steadier overhead figure.");
        md.AppendLine("- The host logs every API request (Serilog console, here to a file, and the JSON file sink) and runs its projection daemon (hot/cold) in the background; both are part of what it costs and are included. The bare app does neither.");
        md.AppendLine("- The throw-away PostgreSQL runs with fsync and synchronous commit off; the read path does not write, so this mostly affects the start-up (schema creation) figures.");
        md.AppendLine("- \"Cold\" means a fresh database, not a cold machine: the runtime and the binaries are in the OS page cache after the build. Both starts pay JIT and Marten's runtime code generation.");
        md.AppendLine("- Connection pools hold at most 60 connections (the host's connection string); with 64 connections some requests wait for a database connection in both apps.");
        md.AppendLine(loadDescription.StartsWith("wrk", StringComparison.Ordinal)
            ? "- wrk corrects its latency histogram for coordinated omission: a request that stalls adds synthetic samples for the requests its connection would have sent meanwhile, one per expected interval (run time ÷ requests per connection). p99 therefore amplifies any stall of the machine, and amplifies it more for the faster app (its interval is shorter), so the p99 ratio is not a clean overhead figure; p50, requests/s and CPU per request are. `--load client` gives raw per-request percentiles."
            : "- Latencies are raw per-request times, sorted (no coordinated-omission correction): a stall of the machine delays only the requests in flight, so p99 shows queueing inside the apps rather than stalls. The .NET load generator costs more CPU per request than wrk, which lowers requests/s for both apps.");
        md.AppendLine("- One run on a shared 2-core VM: differences of about 10 % between runs are noise; compare the ratios, not the absolute figures.");
        return md.ToString();
    }

    private static string Mib(long kib) => $"{kib / 1024.0:F0} MiB";

    private static string Micros(double? value) => value is { } v ? $"{v:F0} µs" : "n/a";
}

internal static class Machine
{
    public static async Task<IReadOnlyList<(string Name, string Value)>> DescribeAsync(string connectionString)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var memKib = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var version = new Npgsql.NpgsqlCommand("show server_version", connection);
        return
        [
            ("CPUs (`nproc`)", $"{Environment.ProcessorCount} × {cpu}"),
            ("Memory", $"{long.Parse(memKib, System.Globalization.CultureInfo.InvariantCulture) / 1024.0 / 1024.0:F1} GiB"),
            ("OS", RuntimeInformation.OSDescription),
            (".NET SDK (`dotnet --version`)", await DotnetVersionAsync()),
            ("Runtime", $"{RuntimeInformation.FrameworkDescription}, server GC"),
            ("PostgreSQL", $"{await version.ExecuteScalarAsync()} (throw-away cluster, fsync off)"),
            ("Load average before the run", string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1 / 5 / 15 min)"),
            (BusyLabel, $"{await CpuBusyPercentAsync():F0} % (2 s sample)"),
        ];
    }

    public const string BusyLabel = "CPU busy just before the run";

    /// <summary>How busy all cores are, from two samples of <c>/proc/stat</c>: other work that will compete with the run.</summary>
    private static async Task<double> CpuBusyPercentAsync()
    {
        static (long Idle, long Total) Sample()
        {
            var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(t => long.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return (ticks[3] + ticks[4], ticks.Take(8).Sum());
        }

        var before = Sample();
        await Task.Delay(2000);
        var after = Sample();
        var total = after.Total - before.Total;
        return total <= 0 ? 0 : 100.0 * (total - (after.Idle - before.Idle)) / total;
    }

    private static async Task<string> DotnetVersionAsync()
    {
        var start = new ProcessStartInfo("dotnet", ["--version"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = BuildPaths.RepositoryRoot,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
