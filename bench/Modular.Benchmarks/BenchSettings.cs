using System.Globalization;
using System.Reflection;

namespace Modular.Benchmarks;

/// <summary>
/// What one run measures, from the command line:
/// <c>--starts 3 --rounds 3 --duration 10 --warmup 10 --concurrency 16,64 --matters 50 --load client|wrk --host-env "K=V;K2=V2"</c>,
/// or for the start-up run alone <c>--only starts --starts 3 --townships 1,30,300 [--compare-host DLL --compare-plugins DIR] [--demo false]</c>.
/// <c>starts</c> pairs of host starts (cold on a fresh database, then warm on the same one). Per concurrency: each app is
/// warmed up, then measured in <c>rounds</c> windows of <c>duration</c> seconds, alternating. <c>host-env</c> adds
/// environment variables to the host process, for experiments (e.g. a logging level).
/// </summary>
internal sealed record BenchSettings(
    int Starts, int Rounds, int DurationSeconds, int WarmupSeconds, int[] Concurrency, int Matters, string Load, IReadOnlyDictionary<string, string> HostEnvironment)
{
    /// <summary><c>--only starts</c>: the start-up run alone (<see cref="StartupRun"/>), written to bench/startup-results.md.</summary>
    public bool StartsOnly { get; init; }

    /// <summary><c>--townships 1,30,300</c>: the township counts of the warm starts of the start-up run.</summary>
    public int[] Townships { get; init; } = [1];

    /// <summary><c>--compare-host PATH</c> (and <c>--compare-plugins PATH</c>): another build's Modular.Host.dll, started in turn.</summary>
    public string? CompareHost { get; init; }

    public string? ComparePlugins { get; init; }

    /// <summary>
    /// <c>--compare-env "K=V;K2=V2"</c>: a second host on the same database with these variables on top of <c>host-env</c>,
    /// measured in the same alternating windows as <c>host</c> and <c>bare</c> (a setting's cost, side by side in one run).
    /// </summary>
    public IReadOnlyDictionary<string, string> CompareEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--demo false</c>: the start-up run without the demo township (as a county deploys it).</summary>
    public bool Demo { get; init; } = true;

    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument {args[i]}; use --starts, --rounds, --duration, --warmup, --concurrency, --matters, --load, --host-env, --compare-env, --only, --townships, --compare-host, --compare-plugins, --demo.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        int Number(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var load = values.GetValueOrDefault("load") ?? "client";
        if (load is not ("wrk" or "client"))
        {
            throw new ArgumentException("--load is client (the default) or wrk.");
        }

        if (load == "wrk" && !WrkLoad.IsInstalled())
        {
            throw new ArgumentException("wrk is not on the PATH (apt-get install -y wrk).");
        }

        var concurrency = (values.GetValueOrDefault("concurrency") ?? "16,64")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.Parse(c, CultureInfo.InvariantCulture))
            .ToArray();
        static Dictionary<string, string> Environment(string? text) => (text ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "", StringComparer.Ordinal);
        var hostEnvironment = Environment(values.GetValueOrDefault("host-env"));
        var only = values.GetValueOrDefault("only");
        if (only is not (null or "starts"))
        {
            throw new ArgumentException("--only takes starts: host starts alone, written to bench/startup-results.md.");
        }

        var townships = (values.GetValueOrDefault("townships") ?? "1")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => Math.Max(1, int.Parse(c, CultureInfo.InvariantCulture)))
            .Order()
            .ToArray();
        return new BenchSettings(Math.Max(1, Number("starts", 3)), Math.Max(1, Number("rounds", 3)), Number("duration", 10), Number("warmup", 10),
            concurrency, Number("matters", 50), load, hostEnvironment)
        {
            StartsOnly = only == "starts",
            Townships = townships,
            CompareHost = values.GetValueOrDefault("compare-host"),
            CompareEnvironment = Environment(values.GetValueOrDefault("compare-env")),
            ComparePlugins = values.GetValueOrDefault("compare-plugins"),
            Demo = !string.Equals(values.GetValueOrDefault("demo"), "false", StringComparison.OrdinalIgnoreCase),
        };
    }
}

/// <summary>Where the build put things, recorded in this assembly's metadata by the project file.</summary>
internal static class BuildPaths
{
    public static string RepositoryRoot => Path.GetFullPath(Metadata("Modular.RepositoryRoot"));

    /// <summary>The real modules' plugins root (may be missing or empty).</summary>
    public static string PluginsRoot => Path.GetFullPath(Metadata("Modular.PluginsRoot"));

    /// <summary>The sample module's built plugin folder (the module template's output, installed among the test plugins).</summary>
    public static string NotebookPlugin => Path.Combine(Path.GetFullPath(Metadata("Modular.TestPluginsRoot")), "Modular.Modules.Notebook");

    /// <summary>The host binary of the same build configuration.</summary>
    public static string HostAssembly => Path.GetFullPath(Metadata("Modular.HostAssembly"));

    private static string Metadata(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
