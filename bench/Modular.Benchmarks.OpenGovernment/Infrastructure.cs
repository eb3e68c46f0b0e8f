using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Modular.Benchmarks.OpenGovernment;

/// <summary>The figures of one measured wrk window.</summary>
internal sealed record LoadResult(long Requests, long Errors, double Seconds, double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs);

/// <summary>
/// wrk in its own process, one thread per core (never more threads than connections), closed loop. With a Lua script
/// the request path is chosen per request (cache-busting query strings, or a rotation of as-of dates).
/// Parsing copied from bench/Modular.Benchmarks/Load.cs.
/// </summary>
internal static partial class Wrk
{
    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "wrk")).Any(File.Exists);

    public static async Task<LoadResult> RunAsync(Uri url, string? cookie, int concurrency, int seconds, string? script)
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

        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(url.AbsoluteUri);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed with exit code {process.ExitCode}: {output}");
        }

        return Parse(output);
    }

    /// <summary>
    /// The address of a page's uncached render: the page's own <c>page</c> key set to 1 written with 70 leading zeros.
    /// The page reads it as page 1, but the output cache neither serves nor keeps a value longer than 64 characters
    /// (<c>PublicPagesPolicy.MaxVaryingValue</c>), so every request renders. (A random key of its own, as before,
    /// no longer varies the cache: only the keys a page reads do.)
    /// </summary>
    public static string Uncached(string pathAndQuery) =>
        $"{pathAndQuery}{(pathAndQuery.Contains('?', StringComparison.Ordinal) ? "&" : "?")}page={new string('0', 70)}1";

    /// <summary>A script that sends the given paths in turn, each connection starting at a different one.</summary>
    public static string RotationScript(string folder, IReadOnlyList<string> paths)
    {
        var lua = new StringBuilder().AppendLine("local paths = {");
        foreach (var path in paths)
        {
            lua.AppendLine($"  \"{Lua(path)}\",");
        }

        lua.AppendLine("}")
            .AppendLine("local threads = 0")
            .AppendLine("function setup(thread) threads = threads + 1; thread:set(\"tid\", threads) end")
            .AppendLine("local i = 0")
            .AppendLine("function request()")
            .AppendLine("  i = i + 1")
            .AppendLine("  return wrk.format(\"GET\", paths[((i * 7 + (tid or 0) * 13) % #paths) + 1])")
            .AppendLine("end");
        var file = Path.Combine(folder, $"rotate-{Guid.NewGuid():N}.lua");
        File.WriteAllText(file, lua.ToString());
        return file;
    }

    // Paths are ASCII after escaping; only quotes and backslashes would need care.
    private static string Lua(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    public static string Version()
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

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)(us|ms|s|m|h),")]
    private static partial Regex RequestsPattern();

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

/// <summary>The machine, for the report (copied in spirit from bench/Modular.Benchmarks/Report.cs).</summary>
internal static class Machine
{
    public const string BusyLabel = "CPU busy just before the measurements";

    public static async Task<List<(string Name, string Value)>> DescribeAsync(string connectionString)
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
            ("Memory", $"{long.Parse(memKib, CultureInfo.InvariantCulture) / 1024.0 / 1024.0:F1} GiB"),
            ("OS", RuntimeInformation.OSDescription),
            (".NET SDK (`dotnet --version`)", await DotnetVersionAsync()),
            ("Runtime", RuntimeInformation.FrameworkDescription),
            ("PostgreSQL", $"{await version.ExecuteScalarAsync()} (throw-away cluster, fsync off)"),
        ];
    }

    public static string LoadAverage() => string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1 / 5 / 15 min)";

    /// <summary>How busy all cores are, from two samples of <c>/proc/stat</c>: other work that will compete with the run.</summary>
    public static async Task<double> CpuBusyPercentAsync()
    {
        static (long Idle, long Total) Sample()
        {
            var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
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
