using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Modular.Benchmarks;

/// <summary>The figures of one measured load window.</summary>
internal sealed record LoadResult(long Requests, long Errors, double Seconds, double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs);

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> connections, each sending its next request when the last one
/// answered. Returns the figures and the serving process's CPU time (<paramref name="serverCpu"/>) over exactly the
/// measured window.
/// </summary>
internal interface ILoad
{
    string Description { get; }

    Task<(LoadResult Result, TimeSpan ServerCpu)> RunAsync(Uri url, string? cookie, int concurrency, int seconds, Func<TimeSpan> serverCpu);
}

/// <summary>wrk, in its own process, one thread per core (never more threads than connections).</summary>
internal sealed partial class WrkLoad : ILoad
{
    public string Description { get; } = Version();

    public static bool IsInstalled() => Which("wrk") is not null;

    public async Task<(LoadResult Result, TimeSpan ServerCpu)> RunAsync(Uri url, string? cookie, int concurrency, int seconds, Func<TimeSpan> serverCpu)
    {
        var threads = Math.Min(Environment.ProcessorCount, concurrency);
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-t{threads}", $"-c{concurrency}", $"-d{seconds}s", "--latency", "--timeout", "10s" })
        {
            start.ArgumentList.Add(argument);
        }

        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Cookie: " + cookie);
        }

        start.ArgumentList.Add(url.ToString());
        var cpuBefore = serverCpu();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var cpu = serverCpu() - cpuBefore;
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed with exit code {process.ExitCode}: {output}");
        }

        return (Parse(output), cpu);
    }

    internal static LoadResult Parse(string output)
    {
        Match Find(Regex pattern) => pattern.Match(output) is { Success: true } m ? m : throw new FormatException($"wrk output not understood:\n{output}");

        var total = Find(RequestsPattern());
        var requests = long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
        var seconds = Milliseconds(total.Groups[2].Value, total.Groups[3].Value) / 1000;
        var rps = double.Parse(Find(RatePattern()).Groups[1].Value, CultureInfo.InvariantCulture);
        var percentiles = PercentilePattern().Matches(output).ToDictionary(m => m.Groups[1].Value, m => Milliseconds(m.Groups[2].Value, m.Groups[3].Value));
        long errors = 0;
        if (Non2xxPattern().Match(output) is { Success: true } non2xx)
        {
            errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (SocketErrorsPattern().Match(output) is { Success: true } socket)
        {
            errors += Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture));
        }

        var max = Find(LatencyStatsPattern());
        return new LoadResult(requests, errors, seconds, rps, percentiles["50"], percentiles["99"], Milliseconds(max.Groups[1].Value, max.Groups[2].Value));
    }

    private static double Milliseconds(string value, string unit)
    {
        var number = double.Parse(value, CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1000,
            "ms" => number,
            "s" => number * 1000,
            "m" => number * 60_000,
            "h" => number * 3_600_000,
            _ => throw new FormatException($"Unknown wrk time unit {unit}."),
        };
    }

    private static string Version()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("wrk", ["-v"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return "wrk " + (VersionPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : "?") + ", closed loop, `--latency` (HdrHistogram)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "wrk";
        }
    }

    internal static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)(us|ms|s|m|h),")]
    private static partial Regex RequestsPattern();

    // Thread Stats: "Latency   avg   stdev   max   +/- stdev"; the third figure is the largest latency seen.
    [GeneratedRegex(@"^\s+Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s|m|h)\s", RegexOptions.Multiline)]
    private static partial Regex LatencyStatsPattern();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m|h)\s*$", RegexOptions.Multiline)]
    private static partial Regex PercentilePattern();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xxPattern();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsPattern();

    [GeneratedRegex(@"wrk ([^\s]+)")]
    private static partial Regex VersionPattern();
}

/// <summary>
/// HttpClient loops, one per connection, in a separate process (this program started with <c>--worker</c>, workstation
/// GC), so that neither app shares a process with its load. Every latency is recorded and sorted: raw percentiles, with
/// no coordinated-omission correction. Costs more CPU per request than wrk.
/// </summary>
internal sealed class ClientLoad : ILoad
{
    public const string WorkerSwitch = "--worker";
    public const string CookieVariable = "MODULAR_BENCH_COOKIE";
    private const string BeginMarker = "measuring";
    private const string EndMarker = "measured";

    public string Description => "HttpClient loops (SocketsHttpHandler) in a separate process, closed loop, every latency recorded (raw percentiles)";

    public async Task<(LoadResult Result, TimeSpan ServerCpu)> RunAsync(Uri url, string? cookie, int concurrency, int seconds, Func<TimeSpan> serverCpu)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ClientLoad).Assembly.Location);
        }

        foreach (var argument in new[] { WorkerSwitch, url.ToString(), concurrency.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment[CookieVariable] = cookie ?? "";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the load worker.");
        var stderr = process.StandardError.ReadToEndAsync();
        // The worker says when its measured window begins and ends: its own start and warm-up stay out of the CPU figure.
        TimeSpan? begin = null, end = null;
        var output = "";
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            switch (line)
            {
                case BeginMarker: begin = serverCpu(); break;
                case EndMarker: end = serverCpu(); break;
                default: output += line; break;
            }
        }

        await process.WaitForExitAsync();
        return process.ExitCode == 0 && begin is not null && end is not null && System.Text.Json.JsonSerializer.Deserialize<LoadResult>(output) is { } result
            ? (result, end.Value - begin.Value)
            : throw new InvalidOperationException($"The load worker failed with exit code {process.ExitCode}: {output}{await stderr}");
    }

    /// <summary>The worker's side: one second of unmeasured load (JIT, connections), then the measured window, as JSON on stdout.</summary>
    public static async Task<int> WorkerAsync(string[] args)
    {
        var url = new Uri(args[1]);
        var concurrency = int.Parse(args[2], CultureInfo.InvariantCulture);
        var seconds = int.Parse(args[3], CultureInfo.InvariantCulture);
        var cookie = Environment.GetEnvironmentVariable(CookieVariable) is { Length: > 0 } c ? c : null;
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        await LoopAsync(client, url, cookie, concurrency, 1, () => { });
        Console.WriteLine(BeginMarker);
        var result = await LoopAsync(client, url, cookie, concurrency, seconds, () => Console.WriteLine(EndMarker));
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result));
        return 0;
    }

    private static async Task<LoadResult> LoopAsync(HttpClient client, Uri url, string? cookie, int concurrency, int seconds, Action ended)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<long>(100_000);
            long errors = 0;
            var buffer = new byte[64 * 1024];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    if (cookie is not null)
                    {
                        request.Headers.TryAddWithoutValidation("Cookie", cookie);
                    }

                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    while (await body.ReadAsync(buffer) > 0)
                    {
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        errors++;
                    }
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                {
                    errors++;
                }

                latencies.Add(Stopwatch.GetTimestamp() - begin);
            }

            return (latencies, errors);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        ended();
        var all = results.SelectMany(r => r.latencies).ToArray();
        Array.Sort(all);
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Max(0, (int)Math.Ceiling(p * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(all.Length, results.Sum(r => r.errors), elapsed, all.Length / elapsed, Percentile(0.50), Percentile(0.99), Percentile(1.0));
    }
}
