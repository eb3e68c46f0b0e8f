using System.Text;

namespace Modular.Benchmarks.OpenGovernment;

/// <summary>One measured wrk window of one target.</summary>
internal sealed record LoadRow(string Target, string Mode, int Concurrency, LoadResult Result, TimeSpan HostCpu);

/// <summary>The as-of query called one at a time by a signed-in HttpClient: raw latencies.</summary>
internal sealed record SequentialResult(int Calls, int Dates, DateOnly FirstDate, DateOnly LastDate, double P50Ms, double P99Ms, double MeanMs, double MaxMs, long AverageBytes, int MinItems, int MaxItems);

/// <summary>The figures of one run, as Markdown.</summary>
internal sealed class Report(Settings settings)
{
    public List<(string Name, string Value)> Machine { get; set; } = [];

    public string PluginsPath { get; set; } = "";

    public IReadOnlyList<string> Modules { get; set; } = [];

    public TimeSpan PublicationSeeding { get; set; }

    public int SearchMatches { get; set; }

    public PowerListHistory? History { get; set; }

    public List<(string Name, string Value)> Sizes { get; set; } = [];

    public string LoadAverage { get; set; } = "";

    public double BusyPercent { get; set; }

    public (long Rss, long Peak) MemoryBefore { get; set; }

    public (long Rss, long Peak) MemoryAfter { get; set; }

    public Dictionary<string, (string Path, long Bytes, bool FromCache)> Pages { get; } = [];

    public List<LoadRow> Loads { get; } = [];

    public SequentialResult? AsOfSequential { get; set; }

    public TimeSpan TotalTime { get; set; }

    public double HomeBeforeAnalyze { get; set; }

    public double HomeAfterAnalyze { get; set; }

    public double SearchBeforeAnalyze { get; set; }

    public double SearchAfterAnalyze { get; set; }

    public TimeSpan AnalyzeTook { get; set; }

    /// <summary>Measured windows at whose end another benchmark was running.</summary>
    public List<string> Disturbed { get; } = [];

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Open-government benchmark results").AppendLine();
        var arguments = string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        md.AppendLine($"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/Modular.Benchmarks.OpenGovernment{(arguments.Length > 0 ? " -- " + arguments : "")}` in {TotalTime.TotalSeconds:F0} s.")
            .AppendLine("Measurements of one run on one machine, never asserted by a test; see `bench/Modular.Benchmarks.OpenGovernment/README.md` for what exactly runs.").AppendLine();

        md.AppendLine("## Machine").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (name, value) in Machine)
        {
            md.AppendLine($"| {name} | {value} |");
        }

        md.AppendLine($"| Load generator | {Wrk.Version()}, in its own process, {Environment.ProcessorCount} threads (at most one per connection) |");
        md.AppendLine($"| Host | the real binary, `dotnet host/Modular.Host/bin/Release/net10.0/Modular.Host.dll`, Production, demo on; plugins path `{PluginsPath}`; modules loaded: {string.Join(", ", Modules)} |");
        md.AppendLine($"| Load average before measuring | {LoadAverage} |");
        md.AppendLine($"| {OpenGovernment.Machine.BusyLabel} | {BusyPercent:F0} % (2 s sample, after seeding) |");
        md.AppendLine($"| Host memory (VmRSS) | {Mib(MemoryBefore.Rss)} after seeding, {Mib(MemoryAfter.Rss)} after the load runs (peak {Mib(MemoryAfter.Peak)}) |");
        md.AppendLine();

        md.AppendLine("## Data").AppendLine();
        md.AppendLine("Township `bench-og` (基准镇), seeded through the host's own API before any measurement:").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| Publications | {settings.Publications:N0} proactive, `madeOn` spread over the last 5 years across the 8 catalogue categories; each drafted and submitted by a clerk and approved (both checks) by a reviewer: 3 API calls each |");
        md.AppendLine($"| Publication seeding | **{PublicationSeeding.TotalSeconds:F0} s** with {settings.Workers} parallel workers ({3.0 * settings.Publications / PublicationSeeding.TotalSeconds:F0} API writes/s, {settings.Publications / PublicationSeeding.TotalSeconds:F1} publications/s) |");
        if (History is { } h)
        {
            md.AppendLine($"| Power-list history | {h.Proposals} approved proposals, effective {h.First:yyyy-MM-dd} … {h.Last:yyyy-MM-dd}: a first list of 90 items, then one proposal a month; {h.Added:N0} adds, {h.Amended:N0} amendments, {h.Repealed:N0} repeals |");
            md.AppendLine($"| Power-list seeding | **{h.Took.TotalSeconds:F0} s**, sequential (each proposal is approved before the next is made) |");
        }

        md.AppendLine($"| Search word | `{PublicationSeed.SearchWord}` (4 characters: 3 character pairs, served by the GIN index of `og_portal_entry`): in about {SearchMatches:N0} publications |");
        foreach (var (name, value) in Sizes)
        {
            md.AppendLine($"| {name} | {value} |");
        }

        md.AppendLine($"| Statistics | `VACUUM ANALYZE` after seeding ({AnalyzeTook.TotalSeconds:F1} s), before any measurement: see below |");
        md.AppendLine();
        md.AppendLine($"**Planner statistics.** Straight after the bulk load, before this benchmark runs its own `VACUUM ANALYZE`, the uncached portal home took a median **{HomeBeforeAnalyze:F0} ms** one request at a time (20 requests); after it, **{HomeAfterAnalyze:F0} ms**. The host analyses a table a few seconds after a bulk write changed it (`PlannerStatistics`, README \"Planner statistics after bulk writes\"); before it did, the first figure was 72 ms, the planner taking 5,000 new publications for the empty table it last saw. The uncached search `{PublicationSeed.SearchWord}` took **{SearchBeforeAnalyze:F0} ms** before and **{SearchAfterAnalyze:F0} ms** after.");
        md.AppendLine();

        md.AppendLine("## Anonymous portal pages").AppendLine();
        md.AppendLine($"No cookie. Each row: {settings.Warmup} s of warm-up (discarded), then {settings.Duration} s measured with wrk, closed loop. **cached** = the same URL every time, so after the first request it is served by the host's output cache (`public-pages` policy, 60 s); **uncached** = the page's own `page` key set to 1 written with 70 leading zeros: the page reads it as page 1, and the output cache neither serves nor keeps a value longer than 64 characters, so every request renders the page and queries PostgreSQL (the power list and the feed read no key, so they have no uncached row). Host CPU / request = the host process's user + system CPU during the window ÷ requests (PostgreSQL's own CPU not included).").AppendLine();
        md.AppendLine("| Page | Path | Size | Second request from cache |").AppendLine("|---|---|---:|---|");
        foreach (var (name, (path, bytes, fromCache)) in Pages)
        {
            md.AppendLine($"| {name} | `{path}` | {bytes / 1024.0:F1} KiB | {(fromCache ? "yes (`Age` header)" : "**no**")} |");
        }

        md.AppendLine();
        md.AppendLine("| Page | Cache | Connections | Requests/s | p50 | p99 | Max | Errors / requests | Host CPU / request |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Loads.Where(l => Pages.ContainsKey(l.Target)).OrderBy(l => l.Concurrency).ThenBy(l => Pages.Keys.ToList().IndexOf(l.Target)).ThenBy(l => l.Mode))
        {
            md.AppendLine(Row(row));
        }

        md.AppendLine();
        md.AppendLine("## The as-of-date list query").AppendLine();
        md.AppendLine("`GET /api/t/bench-og/open-government/power-list?asOf=YYYY-MM-DD`, signed in as the judicial office (session cookie), never cached: one indexed range query on `PowerItemVersion` (`ValidFrom <= D AND ValidTo > D`) over the whole history, then the items as JSON.").AppendLine();
        if (AsOfSequential is { } s)
        {
            md.AppendLine($"**One at a time** (HttpClient, raw latencies, after 10 unmeasured calls): {s.Calls} calls rotating over {s.Dates} dates from {s.FirstDate:yyyy-MM-dd} to {s.LastDate:yyyy-MM-dd}; {s.MinItems}–{s.MaxItems} items per answer, {s.AverageBytes / 1024.0:F0} KiB of JSON on average.").AppendLine();
            md.AppendLine("| Calls | p50 | p99 | Mean | Max |").AppendLine("|---:|---:|---:|---:|---:|");
            md.AppendLine($"| {s.Calls} | {s.P50Ms:F1} ms | {s.P99Ms:F1} ms | {s.MeanMs:F1} ms | {s.MaxMs:F1} ms |").AppendLine();
        }

        md.AppendLine("**Under load** (wrk with the `Cookie` header, a Lua script sending the same dates in turn):").AppendLine();
        md.AppendLine("| Query | Dates | Connections | Requests/s | p50 | p99 | Max | Errors / requests | Host CPU / request |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Loads.Where(l => !Pages.ContainsKey(l.Target)))
        {
            md.AppendLine(Row(row));
        }

        md.AppendLine().AppendLine("## Caveats").AppendLine();
        if (BusyPercent > 20)
        {
            md.AppendLine($"- **The machine was busy just before the measurements** ({BusyPercent:F0} % CPU in use): other work may have competed with them; repeat on a quiet machine.");
        }

        md.AppendLine(Disturbed.Count > 0
            ? $"- **Another benchmark (`Modular.Benchmarks --`) was running at the end of {Disturbed.Count} measured window(s)**: {string.Join("; ", Disturbed)}. Those figures are likely low."
            : "- No other benchmark (`pgrep -f \"Modular.Benchmarks --\"`) was running before seeding, before measuring, or at the end of any measured window; other work on the machine is not controlled (see the load average above).");
        md.AppendLine($"- wrk, the host and PostgreSQL share the same {Environment.ProcessorCount} cores: requests/s is what this machine sustains with all three competing, not the capacity of a server with cores of its own. Host CPU per request is the steadier figure.");
        md.AppendLine("- The cached figures measure the output cache, not the module: after the first request a page is copied from memory. An entry lives 60 s and is emptied whenever something is published or a power-list proposal is approved, so a busy township pays the uncached cost once per page, query string and language each minute or after each publication. The uncached figures are what every miss costs.");
        md.AppendLine("- Uncached requests still go through the cache middleware and are stored in it (each under a new key), so they include the cost of storing a page; the host's memory grows until the cache's size limit evicts entries. Real visitors rarely vary the query string this much: this is the worst case.");
        md.AppendLine("- All publications were approved within the seeding minutes, so `PublishedAt` (the portal's ordering) is close together; `madeOn` spans five years. The home page and the feed read the newest 21 and 50 rows by the `PublishedAt` index either way.");
        md.AppendLine("- The portal power-list page shows the list in force today (one range query, same as the API's as-of query for today) and the as-of API answers the full item texts; the API's answers are larger than the page's table.");
        md.AppendLine("- wrk corrects its latency histogram for coordinated omission: a stall of the machine adds synthetic samples, so p99 amplifies stalls, more for faster targets. The sequential as-of table has raw per-call latencies.");
        md.AppendLine("- The throw-away PostgreSQL runs with fsync and synchronous commit off: seeding (writes) is faster than on a durable server; reads are unaffected. The host logs every request (Serilog console, to a file, and JSON file), as in production.");
        md.AppendLine("- One run on a shared 2-core VM: differences of about 10 % between runs are noise.");
        return md.ToString();
    }

    private static string Row(LoadRow row)
    {
        var r = row.Result;
        var cpu = r.Requests > 0 ? $"{row.HostCpu.TotalMicroseconds / r.Requests:F0} µs" : "n/a";
        return $"| {row.Target} | {row.Mode} | {row.Concurrency} | {r.RequestsPerSecond:N0} | {Ms(r.P50Ms)} | {Ms(r.P99Ms)} | {Ms(r.MaxMs)} | {r.Errors:N0} / {r.Requests:N0} | {cpu} |";
    }

    private static string Ms(double ms) => ms < 10 ? $"{ms:F2} ms" : $"{ms:F0} ms";

    private static string Mib(long kib) => $"{kib / 1024.0:F0} MiB";
}
