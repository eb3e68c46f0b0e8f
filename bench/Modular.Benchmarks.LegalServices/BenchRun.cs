using System.Diagnostics;
using System.Globalization;
using Modular.Benchmarks.OpenGovernment;

namespace Modular.Benchmarks.LegalServices;

/// <summary>
/// What the county-scale benchmarks (legal services, the county view) share: their options, the county of
/// <c>county-01</c>… townships created through the admin API, and the results file, whose figures sit between the
/// machine's load before and after and above the machine's description.
/// </summary>
internal sealed class BenchRun
{
    public const string County = "520527";
    public const string CountyName = "赫章县";

    /// <summary>The throw-away platform's administrator and benchmark users (nothing of them outlives the run).</summary>
    public const string AdminPassword = "Bench-Admin-Passw0rd";

    public const string UserPassword = "Bench-User-Passw0rd";

    private readonly List<string> _lines = [];
    private readonly Stopwatch _total = Stopwatch.StartNew();

    /// <summary>
    /// The run's throw-away PostgreSQL cluster (non-durable, a free port, in <paramref name="work"/>), started with database
    /// <c>bench</c>, and the machine's description for the report. The caller stops the cluster.
    /// </summary>
    public static async Task<(Modular.Host.Storage.LocalPostgresCluster Cluster, string ConnectionString, List<(string Name, string Value)> Machine)> StartClusterAsync(string work)
    {
        var cluster = new Modular.Host.Storage.LocalPostgresCluster(Path.Combine(work, "postgres"), Modular.Host.Storage.LocalPostgresCluster.FreePort(), durable: false);
        await cluster.StartAsync("bench");
        var connectionString = cluster.ConnectionString("bench");
        try
        {
            return (cluster, connectionString, await Machine.DescribeAsync(connectionString));
        }
        catch
        {
            await cluster.StopAsync(); // the caller's finally is not reached yet
            throw;
        }
    }

    /// <summary>
    /// Host settings for a run whose users all sign in from this one address: the per-address and per-account sign-in
    /// limits, and the limit on anonymous writes (a sign-in is one), would stop the 21st sign-in of a minute (a
    /// township's staff sign in from several offices' addresses).
    /// </summary>
    public static Dictionary<string, string> SignInLimitsLifted() => new()
    {
        ["Modular__Security__AnonymousWritesPerAddressPerMinute"] = "100000",
        ["Modular__Security__SignInsPerAddressPerMinute"] = "100000",
        ["Modular__Security__SignInsPerAccountPerMinute"] = "100000",
    };

    public static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    public static void Progress(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");

    /// <summary>The benchmark's townships, <c>county-01</c> on, named and coded as one county's.</summary>
    public static IReadOnlyList<string> Slugs(int townships) => [.. Enumerable.Range(1, townships).Select(i => $"county-{i:D2}")];

    /// <summary>Creates the townships of the county and enables the given modules (those the host loaded) in every one.</summary>
    public static async Task CreateCountyAsync(Client admin, IReadOnlyList<string> slugs, IEnumerable<string> modules)
    {
        var enabled = modules.ToList();
        foreach (var (slug, i) in slugs.Select((s, i) => (s, i)))
        {
            await CreateTownshipAsync(admin, slug, $"测试{i + 1}镇", $"{County}{200 + i:D3}000", County, CountyName, enabled);
        }
    }

    /// <summary>
    /// Registers one township as the platform admin does and enables <paramref name="modules"/> in it, one request each;
    /// returns how long the registration took and how long the enablements took together.
    /// </summary>
    public static async Task<(TimeSpan Created, TimeSpan Enabled)> CreateTownshipAsync(
        Client admin, string slug, string name, string code, string countyCode, string countyName, IReadOnlyList<string> modules)
    {
        var clock = Stopwatch.StartNew();
        await admin.SendAsync(HttpMethod.Post, "/api/admin/townships", new { slug, name, code, countyCode, countyName });
        var created = clock.Elapsed;
        foreach (var module in modules)
        {
            await admin.SendAsync(HttpMethod.Put, $"/api/admin/townships/{slug}/modules/{module}", new { enabled = true });
        }

        return (created, clock.Elapsed - created);
    }

    /// <summary>Creates a user holding <paramref name="roles"/> in every one of the townships.</summary>
    public static async Task CreateUserAsync(Client admin, string userName, string displayName, string password, IReadOnlyList<string> slugs, params string[] roles)
    {
        await admin.SendAsync(HttpMethod.Post, "/api/admin/users", new { userName, displayName, password });
        await admin.SendAsync(HttpMethod.Put, $"/api/admin/users/{userName}/grants", new { grants = slugs.ToDictionary(s => s, _ => roles) });
    }

    public void Add(string line) => _lines.Add(line);

    /// <summary>The machine's load just before the figures, then the table's heading.</summary>
    public async Task BeginTableAsync(params string[] columns)
    {
        _lines.Add("");
        _lines.Add($"Load before measuring: {Machine.LoadAverage()}, CPU busy {await Machine.CpuBusyPercentAsync():F0} % (2 s sample).");
        _lines.Add("");
        _lines.Add($"| {string.Join(" | ", columns)} |");
        _lines.Add($"|{string.Concat(columns.Select(_ => "---|"))}");
    }

    /// <summary>The load after the figures, what counts as an error, and the machine.</summary>
    public void EndTable(string errors, IEnumerable<(string Name, string Value)> machine)
    {
        _lines.Add("");
        _lines.Add($"Load after measuring: {Machine.LoadAverage()}. {errors}");
        _lines.Add("");
        _lines.Add("| Machine | |");
        _lines.Add("|---|---|");
        _lines.AddRange(machine.Select(m => $"| {m.Name} | {m.Value} |"));
    }

    /// <summary>Where the hand-written part of a results file starts; a run keeps it and replaces what comes before.</summary>
    public const string FindingsHeading = "## Findings";

    /// <summary>Writes <c>bench/<paramref name="fileName"/></c>: the title, how and when it was measured, then the lines, then the findings kept.</summary>
    public async Task WriteAsync(string fileName, string title, string project, params string[] about)
    {
        var file = Path.Combine(BuildPaths.RepositoryRoot, "bench", fileName);
        // What people wrote under the figures (a "## Findings" section and on) outlives the run that replaces them.
        var kept = File.Exists(file) ? File.ReadAllLines(file).SkipWhile(line => !line.StartsWith(FindingsHeading, StringComparison.Ordinal)).ToArray() : [];
        await File.WriteAllLinesAsync(file,
        [
            $"# {title}", "",
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project {project}` in {_total.Elapsed.TotalSeconds:F0} s.",
            .. about, "",
            .. _lines,
            .. kept.Length > 0 ? ["", .. kept] : Array.Empty<string>(),
        ]);
        Progress($"wrote {file}");
    }
}
