using System.Globalization;
using System.Text;
using Modular.Benchmarks.OpenGovernment;

namespace Modular.Benchmarks.Mediation;

internal sealed record LoadRow(string Target, int Concurrency, LoadResult Result, TimeSpan HostCpu, double OtherShare, double StealPercent);

internal sealed record RebuildResult(int ExitCode, TimeSpan Wall, TimeSpan Cpu, long PeakKib, List<(string Projection, TimeSpan Took)> Projections, string Output);

/// <summary>One way of the rebuild command: what it measured, and its checks.</summary>
internal sealed record RebuildRun(string Way, RebuildResult Result, Verification Verification, string InlineSample, string SameAsFirst, string LoadBefore, string LoadAfter,
    TimeSpan PostgresCpu, double OtherShare, double? Seconds, double? EventsPerSecond, List<string> ProgressLines);

internal sealed record Verification(long Disputes, long Versions, long Events, int Mismatches, string Summary);

internal sealed record AnalyzeResult(double BeforeMs, double AfterMs, TimeSpan Took, string AutoAnalyzed, string At);

internal sealed record ExportResult(double MedianMs, double MinMs, double MaxMs, int Runs, long Bytes, int Rows, double OtherShare);

/// <summary>The figures of one run, as Markdown.</summary>
internal sealed class Report(Settings settings)
{
    public List<(string Name, string Value)> Machine { get; set; } = [];

    public string PluginsPath { get; set; } = "";

    public IReadOnlyList<string> Modules { get; set; } = [];

    public (string Slug, string Name) Township { get; set; }

    public List<(string Type, string Result)> ShapeCheck { get; set; } = [];

    public SeedPlan? Plan { get; set; }

    public TimeSpan Generated { get; set; }

    public TimeSpan Copied { get; set; }

    public RebuildResult? Rebuild { get; set; }

    public List<RebuildRun> Rebuilds { get; set; } = [];

    public Verification? Verification { get; set; }

    public List<(string Name, string Value)> Sizes { get; set; } = [];

    public TimeSpan ReadyAfter { get; set; }

    public TimeSpan CatchUp { get; set; }

    public AnalyzeResult? Analyzed { get; set; }

    public List<(string Name, string Plan)> Plans { get; set; } = [];

    public string Quiet { get; set; } = "";

    public string LoadAverage { get; set; } = "";

    public double BusyPercent { get; set; }

    public (long Rss, long Peak) MemoryBefore { get; set; }

    public (long Rss, long Peak) MemoryAfter { get; set; }

    public List<Target> Targets { get; set; } = [];

    public List<LoadRow> Loads { get; } = [];

    public ExportResult? Export { get; set; }

    public ExportResult? HouseholdExport { get; set; }

    public HouseholdCounts? Households { get; set; }

    public TimeSpan HouseholdsImported { get; set; }

    public PetitionPlan? Petitions { get; set; }

    public TimeSpan TotalTime { get; set; }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        var plan = Plan!;
        var arguments = string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        md.AppendLine("# Mediation benchmark results").AppendLine();
        md.AppendLine($"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/Modular.Benchmarks.Mediation{(arguments.Length > 0 ? " -- " + arguments : "")}` in {TotalTime.TotalSeconds:F0} s.")
            .AppendLine("Measurements of one run on one machine, never asserted by a test; see the mediation section of `bench/README.md` for what exactly runs.").AppendLine();

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine($"A county of {settings.Townships} townships, {plan.Streams.Count:N0} disputes and {plan.Events.Count:N0} events over 2016–2025; measured for township `{Township.Slug}` ({Township.Name}, {Targets.FirstOrDefault()?.Total:N0} disputes).").AppendLine();
        md.AppendLine("| What | Figure |").AppendLine("|---|---|");
        foreach (var row in SummaryRows())
        {
            md.AppendLine(row);
        }

        foreach (var row in Loads)
        {
            md.AppendLine($"| {row.Target}, {row.Concurrency} connections | **{row.Result.RequestsPerSecond:N0} requests/s**, p50 {Ms(row.Result.P50Ms)}, p99 **{Ms(row.Result.P99Ms)}** |");
        }

        foreach (var target in Targets.Where(t => t.Status != System.Net.HttpStatusCode.OK))
        {
            md.AppendLine($"| {target.Name} | not measured: `{target.Path}` answered **{(int)target.Status}** (see below) |");
        }

        if (Export is { } ex)
        {
            md.AppendLine($"| Excel export of the township's whole ledger | **{ex.MedianMs / 1000:F2} s** median of {ex.Runs} ({ex.MinMs / 1000:F2}–{ex.MaxMs / 1000:F2} s), {ex.Bytes / 1024.0:N0} KiB, {ex.Rows:N0} rows |");
        }

        if (HouseholdExport is { } hx)
        {
            md.AppendLine($"| Excel export of the township's household ledger (masked) | **{hx.MedianMs / 1000:F2} s** median of {hx.Runs} ({hx.MinMs / 1000:F2}–{hx.MaxMs / 1000:F2} s), {hx.Bytes / 1024.0:N0} KiB, {hx.Rows:N0} rows (one per member) |");
        }

        md.AppendLine();

        md.AppendLine("## Machine").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (name, value) in Machine)
        {
            md.AppendLine($"| {name} | {value} |");
        }

        md.AppendLine($"| Load generator | {Wrk.Version()}, in its own process, {Environment.ProcessorCount} threads (at most one per connection) |");
        md.AppendLine($"| Host | the real binary, `dotnet host/Modular.Host/bin/Release/net10.0/Modular.Host.dll`, Production, demo on; plugins path `{PluginsPath}`; modules loaded: {string.Join(", ", Modules)} |");
        md.AppendLine($"| Quiet machine | {Quiet} |");
        md.AppendLine($"| Load average before measuring | {LoadAverage} |");
        md.AppendLine($"| {OpenGovernment.Machine.BusyLabel} | {BusyPercent:F0} % (2 s sample) |");
        md.AppendLine($"| Host start on the loaded database | ready after {ReadyAfter.TotalSeconds:F1} s; its integration-event subscription had passed the {plan.Events.Count:N0} new events {(CatchUp < TimeSpan.FromSeconds(0.5) ? "by then" : $"{CatchUp.TotalSeconds:F1} s later")} (waited for before measuring) |");
        md.AppendLine($"| Host memory (VmRSS) | {Mib(MemoryBefore.Rss)} before the load runs, {Mib(MemoryAfter.Rss)} after them and the exports (peak {Mib(MemoryAfter.Peak)}) |");
        md.AppendLine();

        md.AppendLine("## Data").AppendLine();
        md.AppendLine($"Townships `county-01` … `county-{settings.Townships:D2}` (赫章县 520527), created through the admin API with `mediation` enabled; a center head (`mediation.center-head`) of `{Township.Slug}` reads. The history is **generated and written straight into Marten's tables** with binary COPY (seeding 600,000 events through the API would take hours): `mt_streams` (type `dispute`), `mt_events` (the module's mapped type names, `mt_dotnet_type`, PascalCase JSON with enums as numbers, `tenant_id` = township, `user_name` = one of the township's mediators, a correlation id per step, `seq_id` continuing `mt_events_sequence`, which is moved past them, events in the order they happened across the county), and the yearly number counters `mt_doc_disputenumbercounter`. **No `Dispute` document is written by the seeding**: they come from the projection rebuild below.").AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.AppendLine($"| Disputes | {plan.Streams.Count:N0} ({settings.Disputes:N0} per township), received 2016–2025 (each year a little busier), numbered `YYYY-NNNN` per township and year in the order received |");
        md.AppendLine($"| Events | {plan.Events.Count:N0} generated ({(double)plan.Events.Count / plan.Streams.Count:F2} per dispute) + {ApiDisputes.Events} through the API |");
        md.AppendLine($"| Event mix | {string.Join(", ", plan.EventTypes.OrderByDescending(t => t.Value).Select(t => $"`{t.Key.Replace("mediation.dispute-", "", StringComparison.Ordinal).Replace(".v1", "", StringComparison.Ordinal)}` {t.Value:N0}"))} |");
        md.AppendLine("| Outcomes | about 40 % written agreements (signed; 5 % court confirmation; 85 % performance checked; some followed up; most archived), 32 % oral agreements, 10 % failed, 15 % routed, 3 % refused; most disputes received after mid-November 2025 still open. 1–3 sessions; police notified for some high-risk ones |");
        md.AppendLine($"| Content | the seven default categories (weighted as a rural ledger: neighbours, family, land and forest first), 10–16 villages per township (some busier), 3–5 mediators per township, 2 parties (10 % three; some companies in labour and contract matters), phone on half, address on 40 %, a valid GB 11643 resident ID number (520527…) on {plan.IdNumbers:N0} parties, special groups on 8 %, escalation risk low/medium/high 75/20/5 % |");
        if (Households is { } h)
        {
            md.AppendLine($"| Households | **{h.Households:N0} households, {h.Members:N0} members** ({settings.Households:N0} households per township; `{Township.Slug}`: {h.HouseholdsOf.GetValueOrDefault(Township.Slug):N0} households, {h.MembersOf.GetValueOrDefault(Township.Slug):N0} members), **imported through the module's own `POST …/households/import`** ({h.Files} .xlsx files of at most 4,800 rows, in {HouseholdsImported.TotalSeconds:F0} s): every row through the import's checks, the 户号 and ID-number claims and the inline snapshots. 1–6 members (head, spouse, a parent, children or grandchildren; 11 % alone), the disputes' villages, 3–12 groups a village, every member with a valid GB 11643 ID number (520527…, birth date and sex agreeing with age and sex, none twice), a phone on {h.Phones:N0}, census education, occupation, marital status and income bands, {h.SpecialGroupMembers:N0} members in a special group (elderly living alone, left-behind children, disabled, released prisoners, mental illness); all households open |");
        }

        if (Petitions is { } pp)
        {
            md.AppendLine($"| Petitions | **{pp.Streams.Count:N0} petitions, {pp.Events.Count:N0} events** ({settings.Petitions} a year per township over the ten years up to {DateTime.Now:yyyy-MM-dd}, generated and copied like the disputes: `mt_streams` type `petition`, the yearly counters `mt_doc_petitionnumbercounter`), + {ApiPetitions.Count} through the API. Channels visit/letter/online/phone/transferred 30/20/22/13/15 %; 5 % objected within 5 working days, the rest accepted within 15 days and classified (suggestion/report/claim 15/15/70 %), 10 % of claims redirected, the others investigated, 8 % extended by 10–30 days, 95 % answered within the 60 days; 8 % asked for a review and a quarter of those a second one; petitioner ID number on 60 %, phone 80 %, address 70 %. {pp.Open:N0} open at the end (the recent ones, on live deadlines) |");
            md.AppendLine($"| Petition event mix | {string.Join(", ", pp.EventTypes.OrderByDescending(t => t.Value).Select(t => $"`{t.Key.Replace("mediation.petition-", "", StringComparison.Ordinal).Replace(".v1", "", StringComparison.Ordinal)}` {t.Value:N0}"))} |");
            md.AppendLine($"| Petition states (`{Township.Slug}`) | {string.Join(", ", pp.States.GetValueOrDefault(Township.Slug, []).OrderBy(x => x.Key).Select(x => $"{PetitionStateName(x.Key)} {x.Value:N0}"))} |");
        }

        md.AppendLine($"| Generation / COPY | {Generated.TotalSeconds:F1} s / {Copied.TotalSeconds:F1} s |");
        md.AppendLine();
        md.AppendLine("**The shape check.** Before the load, five disputes (one per outcome: written and archived, oral, failed after a police report, routed, refused) were taken in and handled through the module's API in the measured township, and their stored rows read back: for every event type the generator writes, its .NET type and JSON field names must equal those Marten stored (else the run stops).").AppendLine();
        md.AppendLine("| Event type | Generated vs. stored by the API |").AppendLine("|---|---|");
        foreach (var (type, result) in ShapeCheck.OrderBy(c => c.Type, StringComparer.Ordinal))
        {
            md.AppendLine($"| `{type}` | {result} |");
        }

        md.AppendLine();
        AppendRebuild(md);
        md.AppendLine("## Statistics").AppendLine();
        if (Analyzed is { } a)
        {
            md.AppendLine($"Straight after a bulk load PostgreSQL may have no statistics for the new rows (the open-government results show a 12× difference). Here autovacuum had analysed `mt_doc_dispute` by itself at: {a.AutoAnalyzed} (UTC, before the explicit one at {a.At}). The ledger's page 1, 20 requests one at a time: median **{a.BeforeMs:F1} ms** before `VACUUM ANALYZE`, **{a.AfterMs:F1} ms** after it ({a.Took.TotalSeconds:F1} s). Everything below is measured after it.").AppendLine();
        }

        md.AppendLine("## Ledger under load").AppendLine();
        md.AppendLine($"Signed in as the center head (session cookie). Each row: {settings.Warmup} s of warm-up (discarded), then {settings.Duration} s measured with wrk, closed loop. Host CPU / request = the host process's CPU during the window ÷ requests (PostgreSQL's not included). **Others** = CPU used by processes outside this run (builds, tests of other engineers) as a share of the machine, and **steal** = CPU time the hypervisor gave to other guests, both during the window.").AppendLine();
        md.AppendLine("| Target | Path | First answer |").AppendLine("|---|---|---|");
        foreach (var t in Targets)
        {
            md.AppendLine($"| {t.Name} | `{t.Path}` | {(int)t.Status}, {t.Bytes / 1024.0:N1} KiB{(t.Total is { } total ? $", `total` {total:N0}" : "")} |");
        }

        md.AppendLine();
        md.AppendLine("| Target | Connections | Requests/s | p50 | p99 | Max | Errors / requests | Host CPU / request | Others | Steal |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Loads)
        {
            var res = row.Result;
            md.AppendLine($"| {row.Target} | {row.Concurrency} | {res.RequestsPerSecond:N0} | {Ms(res.P50Ms)} | {Ms(res.P99Ms)} | {Ms(res.MaxMs)} | {res.Errors:N0} / {res.Requests:N0} | {(res.Requests > 0 ? row.HostCpu.TotalMicroseconds / res.Requests : 0):F0} µs | {row.OtherShare:P0} | {row.StealPercent:F1} % |");
        }

        md.AppendLine();
        if (Targets.FirstOrDefault(t => t.Path.StartsWith("/t/", StringComparison.Ordinal)) is { } page && page.Status != System.Net.HttpStatusCode.OK)
        {
            md.AppendLine($"The ledger page `{page.Path}` answered {(int)page.Status}: it does not exist in this build (the page is being written separately), so it was not measured.").AppendLine();
        }

        md.AppendLine("## Excel export").AppendLine();
        if (Export is { } e)
        {
            md.AppendLine($"`GET /api/t/{Township.Slug}/mediation/disputes/export.xlsx` (masked, no filter: the township's whole ledger), one at a time after one unmeasured run: median **{e.MedianMs:F0} ms** of {e.Runs} runs (min {e.MinMs:F0} ms, max {e.MaxMs:F0} ms), {e.Bytes:N0} bytes, **{e.Rows:N0} rows** (counted in the sheet, header excluded). Other processes used {e.OtherShare:P0} of the machine meanwhile.").AppendLine();
        }

        if (HouseholdExport is { } he)
        {
            md.AppendLine($"`GET /api/t/{Township.Slug}/mediation/households/export.xlsx` (masked: the township's open households, one row per member), the same way: median **{he.MedianMs:F0} ms** of {he.Runs} runs (min {he.MinMs:F0} ms, max {he.MaxMs:F0} ms), {he.Bytes:N0} bytes, **{he.Rows:N0} rows**. Other processes used {he.OtherShare:P0} of the machine meanwhile.").AppendLine();
        }

        md.AppendLine("## Query plans").AppendLine();
        md.AppendLine("The ledger's queries as Marten sends them (tables, conditions, order and limit; the select lists shortened), for the measured township, under `EXPLAIN (ANALYZE, BUFFERS)` after the load runs. A ledger page is one round trip: the settings, the page and its total in one batch (the HTML page adds the year's figures to it):").AppendLine();
        foreach (var (name, text) in Plans)
        {
            md.AppendLine($"**{name}**").AppendLine().AppendLine("```").AppendLine(text).AppendLine("```").AppendLine();
        }

        md.AppendLine("## Caveats").AppendLine();
        if (BusyPercent > 20 || Loads.Any(l => l.OtherShare > 0.10))
        {
            md.AppendLine("- **Other work competed with some windows** (see *Others*): the machine is shared with other engineers' builds and tests; those figures are likely low.");
        }

        md.AppendLine($"- wrk, the host and PostgreSQL share the same {Environment.ProcessorCount} cores: requests/s is what this machine sustains with all three, not the capacity of a server with cores of its own. Host CPU per request is the steadier figure.");
        md.AppendLine("- wrk corrects its latency histogram for coordinated omission: a stall of the machine adds synthetic samples, so p99 amplifies stalls.");
        md.AppendLine("- The ledger API answers 50 rows and the total: the page stops at its 50 rows in the index's order, and the total is a count of the matching rows, sent in the same round trip.");
        md.AppendLine($"- The generated years are 2016–2025 and the machine's date is {DateTime.Now:yyyy-MM-dd}: the ledger page's figures of the current year ({DateTime.Now.Year}) cover only the five API disputes. A ledger whose ten years end today would put a full year (about 450 disputes a township) behind them; the plan of that query for 2025 above shows its cost at that size.");
        md.AppendLine("- Generated history: no legal-aid referrals (a failure in a legal-aid matter also appends an integration event), no ledger imports, no changed settings; texts are templates. The yearly counters are written so that the next intake continues the numbering.");
        md.AppendLine("- The throw-away PostgreSQL runs with fsync and synchronous commit off: the COPY and the rebuild (writes) are faster than on a durable server; reads are unaffected. The host logs every request (Serilog console, to a file, and JSON file), as in production.");
        md.AppendLine("- One run on a shared 2-core VM: differences of about 10 % between runs are noise.");
        return md.ToString();
    }

    /// <summary>
    /// <c>--rebuild-only true</c>: <paramref name="results"/> (the last full run's file) with its rebuild rows of the
    /// summary and its rebuild section replaced by this run's; the whole rebuild report when there is no such file.
    /// </summary>
    public string SpliceRebuild(string? results)
    {
        var section = new StringBuilder();
        AppendRebuild(section, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/Modular.Benchmarks.Mediation -- {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}` in {TotalTime.TotalSeconds:F0} s, on a county generated as under *Data* ({Plan!.Streams.Count:N0} disputes, {Plan.Events.Count:N0} events + {ApiDisputes.Events} through the API). Only the rebuild: the rest of this file is from the full run named at the top.");
        var start = results?.IndexOf("## Projection rebuild", StringComparison.Ordinal) ?? -1;
        var end = results?.IndexOf("## Statistics", StringComparison.Ordinal) ?? -1;
        if (results is null || start < 0 || end < start)
        {
            var md = new StringBuilder().AppendLine("# Mediation benchmark: the projection rebuild").AppendLine();
            md.AppendLine("| | |").AppendLine("|---|---|");
            foreach (var (name, value) in Machine)
            {
                md.AppendLine($"| {name} | {value} |");
            }

            return md.AppendLine().Append(section).ToString();
        }

        var lines = results[..start].Split('\n').ToList();
        var first = lines.FindIndex(l => l.StartsWith("| Projection rebuild", StringComparison.Ordinal));
        lines.RemoveAll(l => l.StartsWith("| Projection rebuild", StringComparison.Ordinal));
        if (first >= 0)
        {
            lines.InsertRange(first, SummaryRows());
        }

        return string.Join('\n', lines) + section + results[end..];
    }

    private IEnumerable<string> SummaryRows() => Rebuilds.Select(run =>
        $"| Projection rebuild (`rebuild-projections --module mediation{WayOption(run.Way)}`), whole county, {run.Way} | **{run.EventsPerSecond:N0} events/s**, {run.Seconds:F1} s by the command's summary, {run.Result.Wall.TotalSeconds:F1} s wall for the command ({string.Join(", ", run.Result.Projections.Select(p => $"{p.Projection} {p.Took.TotalSeconds:F1} s"))}) |");

    private void AppendRebuild(StringBuilder md, string? measured = null)
    {
        md.AppendLine("## Projection rebuild").AppendLine();
        if (Rebuilds.Count == 0)
        {
            return;
        }

        if (measured is not null)
        {
            md.AppendLine(measured).AppendLine();
        }

        md.AppendLine("`dotnet Modular.Host.dll rebuild-projections --module mediation` (the host's command, see the root README), run as a child process on the loaded database with no host serving, once per way of `--rebuild-ways`, one after the other: it builds the store with every plugin's Marten configuration, applies the schema, and rebuilds each projection the module registers. **folded** (the default): each township's streams are folded in memory with the projection's own aggregator and the snapshots written by binary COPY, two townships at a time, projections side by side. **daemon** (`--daemon`): Marten's projection daemon, projections side by side, large pages, snapshots flushed every 25,000. **one-at-a-time** (`--one-at-a-time`): the daemon with Marten's defaults, one projection after the other. Events/s and seconds are the command's own summary (events in the store ÷ time from the start of the rebuild to its end); the wall time includes the process start and the schema check.").AppendLine();
        md.AppendLine("| Way | events/s | Rebuild | Command wall | CPU of the command | CPU of PostgreSQL | Peak memory | Others | 1-min load before → after |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in Rebuilds)
        {
            var r = run.Result;
            md.AppendLine($"| {run.Way} | **{run.EventsPerSecond:N0}** | {run.Seconds:F1} s | {r.Wall.TotalSeconds:F1} s | {r.Cpu.TotalSeconds:F1} s | {run.PostgresCpu.TotalSeconds:F1} s | {Mib(r.PeakKib)} | {run.OtherShare:P0} | {First(run.LoadBefore)} → {First(run.LoadAfter)} |");
        }

        md.AppendLine();
        md.AppendLine("**Others** = CPU used meanwhile by processes outside this benchmark (other engineers' builds and tests), as a share of the machine.").AppendLine();
        md.AppendLine("| Way | Projections (as the command logs them) | Counts for all | The inline projection's documents | Every document against the first way |").AppendLine("|---|---|---|---|---|");
        foreach (var run in Rebuilds)
        {
            md.AppendLine($"| {run.Way} | {string.Join(", ", run.Result.Projections.Select(p => $"`{p.Projection}` {p.Took.TotalSeconds:F1} s"))} | {run.Verification.Summary} | {run.InlineSample} | {run.SameAsFirst} |");
        }

        md.AppendLine();
        foreach (var run in Rebuilds.Where(r => r.ProgressLines.Count > 0))
        {
            md.AppendLine($"Progress as the command logged it ({run.Way}, every 2 s; first, middle and last lines):").AppendLine().AppendLine("```");
            foreach (var line in new[] { run.ProgressLines[0], run.ProgressLines[run.ProgressLines.Count / 2], run.ProgressLines[^1] }.Distinct())
            {
                md.AppendLine(line);
            }

            md.AppendLine("```").AppendLine();
        }

        md.AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (name, value) in Sizes)
        {
            md.AppendLine($"| {name} | {value} |");
        }

        md.AppendLine();
    }

    private static string PetitionStateName(int state) =>
        ((string[])["Registered", "Objected", "Accepted", "Classified", "Redirected", "Investigating", "OpinionIssued", "UnderReview", "Reviewed", "UnderSecondReview", "Final"])[state];

    private static string WayOption(string way) => way == "folded" ? "" : $" --{way}";

    private static string First(string loadAverage) => loadAverage.Split(' ')[0];

    private static string Ms(double ms) => ms < 10 ? $"{ms:F2} ms" : $"{ms:F0} ms";

    private static string Mib(long kib) => string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0:F0} MiB");
}
