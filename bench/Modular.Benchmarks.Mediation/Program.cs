using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Benchmarks.OpenGovernment;
using Modular.Host.Storage;
using Npgsql;

namespace Modular.Benchmarks.Mediation;

/// <summary>
/// Measures the dispute ledger for a county: 30 townships with ten years of disputes written straight into Marten's
/// event tables, the module's projections rebuilt by the host's <c>rebuild-projections</c> command, then the ledger API,
/// the ledger page and the Excel export of one township under wrk. Writes <c>bench/mediation-results.md</c>.
/// Nothing is asserted.
/// </summary>
internal static partial class Program
{
    private const string AdminPassword = "Bench-Admin-Passw0rd";
    private const string UserPassword = "Bench-User-Passw0rd";
    private const string HeadUser = "benchhead";

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var settings = Settings.Parse(args);
        if (!Wrk.IsInstalled())
        {
            await Console.Error.WriteLineAsync("wrk is not on the PATH (apt-get install -y wrk).");
            return 2;
        }

        var plugin = Path.Combine(BuildPaths.PluginsRoot, "Modular.Modules.Mediation");
        if (!File.Exists(BuildPaths.HostAssembly) || !Directory.Exists(plugin))
        {
            await Console.Error.WriteLineAsync($"Build first: dotnet build -c Release bench/Modular.Benchmarks.Mediation (missing {BuildPaths.HostAssembly} or {plugin}).");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), $"modular-bench-mediation-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var cluster = new LocalPostgresCluster(Path.Combine(work, "postgres"), LocalPostgresCluster.FreePort(), durable: false);
        var total = Stopwatch.StartNew();
        var failed = false;
        try
        {
            Progress($"throw-away PostgreSQL cluster on port {cluster.Port} in {work}");
            await cluster.StartAsync("bench");
            var connectionString = cluster.ConnectionString("bench");
            var report = new Report(settings) { Machine = await Machine.DescribeAsync(connectionString), PluginsPath = BuildPaths.PluginsRoot };
            var slugs = Enumerable.Range(1, settings.Townships).Select(i => $"county-{i:D2}").ToList();
            var measured = slugs[0];
            report.Township = (measured, CountySeed.TownshipName(0));

            // 1. Townships and a center head through the admin API; one dispute of each outcome through the module's API,
            //    whose stored rows are the model the generated events are checked against.
            // The disputes are generated first: the households live in the same villages.
            var clock = Stopwatch.StartNew();
            var plan = CountySeed.Generate(slugs, settings.Disputes, seed: 2016);
            report.Generated = clock.Elapsed;
            var today = DateOnly.FromDateTime(DateTime.Now);
            Dictionary<string, HashSet<string>> apiShapes;
            Dictionary<(string Tenant, int Year), int> petitionCounters;
            await using (var host = await HostProcess.StartAsync(connectionString, BuildPaths.PluginsRoot, AdminPassword, work, "setup", new Dictionary<string, string>()))
            {
                Progress($"host ready after {host.ReadyAfter.TotalMilliseconds:F0} ms, modules: {string.Join(", ", host.Modules)}");
                if (!host.Modules.Contains("mediation"))
                {
                    throw new InvalidOperationException($"The mediation module is not loaded: {string.Join(", ", host.Modules)}\n{host.LogTail()}");
                }

                report.Modules = host.Modules;
                using var admin = await Api.SignInAsync(host.Address, "admin", AdminPassword);
                for (var i = 0; i < slugs.Count; i++)
                {
                    await admin.PostAsync("/api/admin/townships", new { slug = slugs[i], name = CountySeed.TownshipName(i), code = $"520527{200 + i:D3}000", countyCode = "520527", countyName = "赫章县" }, HttpStatusCode.Created);
                    await admin.PutAsync($"/api/admin/townships/{slugs[i]}/modules/mediation", new { enabled = true });
                }

                await admin.PostAsync("/api/admin/users", new { userName = HeadUser, displayName = "调解中心主任", password = UserPassword }, HttpStatusCode.Created);
                // Head of every township's center: the household ledgers are imported through each township's own API.
                await admin.PutAsync($"/api/admin/users/{HeadUser}/grants", new { grants = slugs.ToDictionary(s => s, _ => new[] { "mediation.center-head" }) });
                using var head = await Api.SignInAsync(host.Address, HeadUser, UserPassword);
                await ApiDisputes.TakeInEveryOutcomeAsync(head, measured);
                await ApiPetitions.RegisterEveryStepAsync(head, measured);
                apiShapes = await StoredShapesAsync(connectionString, measured);
                petitionCounters = await PetitionCountersAsync(connectionString);
                Progress($"{slugs.Count} townships created, 5 disputes and {ApiPetitions.Count} petitions through the API ({apiShapes.Count} event types stored)");

                // The household ledgers through the module's own import: its checks, claims and inline snapshots.
                clock.Restart();
                report.Households = await CountyHouseholds.ImportAsync(host.Address, head.CookieHeader, slugs, plan, settings.Households, today, seed: 2017);
                report.HouseholdsImported = clock.Elapsed;
                Progress($"imported {report.Households.Households:N0} households, {report.Households.Members:N0} members in {report.Households.Files} files in {clock.Elapsed.TotalSeconds:F0} s");
            }

            // 2. The county's history, generated and copied into the event tables while no host runs.
            clock.Restart();
            var petitions = PetitionSeed.Generate(slugs, plan.Villages, settings.Petitions, today, petitionCounters, seed: 2018);
            report.Petitions = petitions;
            report.Generated += clock.Elapsed;
            var generated = CountySeedWriter.Shapes(plan.Events.Concat(petitions.Events));
            report.ShapeCheck = [.. generated.Select(g => apiShapes.TryGetValue(g.Key, out var stored)
                ? (g.Key, stored.SetEquals(g.Value) ? "same fields as the API's" : $"**differs**: generated {string.Join(",", g.Value.Order())}; stored {string.Join(",", stored.Order())}")
                : (g.Key, "not taken through the API in the probe"))];
            if (report.ShapeCheck.Any(c => c.Result.StartsWith("**", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException("Generated events differ from the stored ones: " + string.Join("; ", report.ShapeCheck.Select(c => $"{c.Type}: {c.Result}")));
            }

            Progress($"generated {plan.Streams.Count:N0} disputes, {plan.Events.Count:N0} events in {clock.Elapsed.TotalSeconds:F1} s; copying");
            clock.Restart();
            var (firstSeq, lastSeq) = await CountySeedWriter.CopyAsync(connectionString, plan);
            (_, lastSeq) = await PetitionSeed.CopyAsync(connectionString, petitions);
            report.Copied = clock.Elapsed;
            report.Plan = plan;
            Progress($"copied seq_id {firstSeq:N0}–{lastSeq:N0} ({petitions.Streams.Count:N0} petitions, {petitions.Events.Count:N0} of their events) in {report.Copied.TotalSeconds:F1} s");

            // 3. The host's own rebuild command over all of it, timed, each way asked for; the last one's documents are served.
            report.Rebuilds = await RebuildWaysAsync(connectionString, work, cluster.DataDirectory, plan, settings.RebuildWays);
            report.Rebuild = report.Rebuilds[^1].Result;
            report.Verification = report.Rebuilds[^1].Verification;
            report.Sizes = await SizesAsync(connectionString, measured);
            if (settings.RebuildOnly)
            {
                report.TotalTime = total.Elapsed;
                var existing = Path.Combine(BuildPaths.RepositoryRoot, "bench", "mediation-results.md");
                var spliced = report.SpliceRebuild(File.Exists(existing) ? await File.ReadAllTextAsync(existing) : null);
                Console.WriteLine(spliced);
                await File.WriteAllTextAsync(existing, spliced);
                Progress($"--rebuild-only: the rebuild's rows and section of {existing} rewritten ({total.Elapsed.TotalSeconds:F0} s in all)");
                return 0;
            }

            // 4. Serve it and measure.
            await using var server = await HostProcess.StartAsync(connectionString, BuildPaths.PluginsRoot, AdminPassword, work, "measure", new Dictionary<string, string>());
            report.ReadyAfter = server.ReadyAfter;
            report.CatchUp = await WaitForSubscriptionAsync(connectionString, lastSeq);
            Progress($"host ready after {server.ReadyAfter.TotalSeconds:F1} s; integration-event subscription caught up after {report.CatchUp.TotalSeconds:F1} s more");
            using var signedIn = await Api.SignInAsync(server.Address, HeadUser, UserPassword);
            var village = MostCommonVillage(plan, measured);
            var targets = new List<Target>
            {
                new("Ledger API, page 1", $"/api/t/{measured}/mediation/disputes"),
                new($"Ledger API, village + state", $"/api/t/{measured}/mediation/disputes?village={Uri.EscapeDataString(village)}&state=Agreed"),
                new("Ledger page (HTML), page 1", $"/t/{measured}/mediation/disputes"),
                new("Household ledger API", $"/api/t/{measured}/mediation/households"),
                new("Household ledger API, village", $"/api/t/{measured}/mediation/households?village={Uri.EscapeDataString(village)}"),
                new("Household ledger page (HTML)", $"/t/{measured}/mediation/households"),
                new("Petitions API", $"/api/t/{measured}/mediation/petitions"),
                new("Petitions API, state", $"/api/t/{measured}/mediation/petitions?state=Investigating"),
                new("Petitions page (HTML)", $"/t/{measured}/mediation/petitions"),
            };
            report.Analyzed = await AnalyzeAroundAsync(server.Address, signedIn.CookieHeader, targets[0].Path, connectionString, report);
            foreach (var target in targets)
            {
                await ProbeAsync(server.Address, signedIn.CookieHeader, target);
                Progress($"{target.Name}: {target.Path} → {target.Status}, {target.Bytes:N0} bytes{(target.Total is { } t ? $", total {t:N0}" : "")}");
            }

            report.Plans = await PlansAsync(connectionString, measured, village);
            report.Quiet = await WaitForQuietAsync(settings);
            report.LoadAverage = Machine.LoadAverage();
            report.BusyPercent = await Machine.CpuBusyPercentAsync();
            report.MemoryBefore = server.Memory();
            var other = new OtherWork(server.ProcessId, cluster.DataDirectory);
            foreach (var concurrency in settings.Concurrency)
            {
                foreach (var target in targets.Where(t => t.Status == HttpStatusCode.OK))
                {
                    var url = new Uri(server.Address, target.Path);
                    await Wrk.RunAsync(url, signedIn.CookieHeader, concurrency, settings.Warmup, null);
                    var cpu = server.CpuTime();
                    var before = other.Take();
                    var steal = Steal.Take();
                    var result = await Wrk.RunAsync(url, signedIn.CookieHeader, concurrency, settings.Duration, null);
                    var row = new LoadRow(target.Name, concurrency, result, server.CpuTime() - cpu, OtherWork.Share(before, other.Take()), Steal.Percent(steal, Steal.Take()));
                    report.Loads.Add(row);
                    Progress($"{target.Name}, c{concurrency}: {result.RequestsPerSecond:F0} req/s, p50 {result.P50Ms:F1} ms, p99 {result.P99Ms:F1} ms, errors {result.Errors}, others {row.OtherShare:P0}, steal {row.StealPercent:F1} %");
                }
            }

            report.Export = await ExportAsync(server.Address, signedIn.CookieHeader, $"/api/t/{measured}/mediation/disputes/export.xlsx", settings.Exports, other);
            Progress($"export: median {report.Export.MedianMs:F0} ms over {settings.Exports} runs, {report.Export.Bytes:N0} bytes, {report.Export.Rows:N0} rows");
            report.HouseholdExport = await ExportAsync(server.Address, signedIn.CookieHeader, $"/api/t/{measured}/mediation/households/export.xlsx", settings.Exports, other);
            Progress($"household export: median {report.HouseholdExport.MedianMs:F0} ms over {settings.Exports} runs, {report.HouseholdExport.Bytes:N0} bytes, {report.HouseholdExport.Rows:N0} rows");
            report.Targets = targets;
            report.MemoryAfter = server.Memory();
            report.TotalTime = total.Elapsed;

            var markdown = report.ToMarkdown();
            Console.WriteLine(markdown);
            var resultsFile = Path.Combine(BuildPaths.RepositoryRoot, "bench", "mediation-results.md");
            await File.WriteAllTextAsync(resultsFile, markdown);
            Progress($"written to {resultsFile} ({total.Elapsed.TotalSeconds:F0} s in all)");
            return 0;
        }
        catch (Exception)
        {
            failed = true;
            await Console.Error.WriteLineAsync($"The benchmark failed; its work folder (host logs) is kept: {work}");
            throw;
        }
        finally
        {
            if (settings.Keep)
            {
                Progress($"--keep: the cluster keeps running in {work}: {cluster.ConnectionString("bench")} (stop it with pg_ctl -D {Path.Combine(cluster.DataDirectory, "pgdata")} stop)");
            }
            else
            {
                await cluster.StopAsync();
            }

            if (!failed && !settings.Keep)
            {
                try
                {
                    Directory.Delete(work, recursive: true);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    Progress($"could not delete {work}: {error.Message}");
                }
            }
        }
    }

    private static string MostCommonVillage(SeedPlan plan, string tenant) =>
        plan.Events.Where(e => e.Tenant == tenant && e.Version == 1)
            .Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("Village").GetString()!)
            .GroupBy(v => v).OrderByDescending(g => g.Count()).First().Key;

    /// <summary>20 sequential ledger reads before and after <c>VACUUM ANALYZE</c>, with when autovacuum last analysed the table.</summary>
    private static async Task<AnalyzeResult> AnalyzeAroundAsync(Uri host, string cookie, string path, string connectionString, Report report)
    {
        var before = await SequentialAsync(host, cookie, path, 20);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        string autoAnalyzed;
        await using (var stat = new NpgsqlCommand("select coalesce(to_char(last_autoanalyze, 'HH24:MI:SS'), 'never') from pg_stat_user_tables where relname = 'mt_doc_dispute'", connection))
        {
            autoAnalyzed = (string)(await stat.ExecuteScalarAsync())!;
        }

        var clock = Stopwatch.StartNew();
        await using (var analyze = new NpgsqlCommand("vacuum analyze", connection) { CommandTimeout = 900 })
        {
            await analyze.ExecuteNonQueryAsync();
        }

        var took = clock.Elapsed;
        var after = await SequentialAsync(host, cookie, path, 20);
        Progress($"ledger page 1, one at a time: p50 {before:F1} ms before VACUUM ANALYZE ({took.TotalSeconds:F1} s), {after:F1} ms after (autovacuum had analysed mt_doc_dispute: {autoAnalyzed})");
        return new AnalyzeResult(before, after, took, autoAnalyzed, DateTimeOffset.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
    }

    private static async Task<double> SequentialAsync(Uri host, string cookie, string path, int calls)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host };
        var latencies = new List<double>();
        for (var i = 0; i < calls + 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            if (i >= 3)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return Median(latencies);
    }

    private static async Task ProbeAsync(Uri host, string cookie, Target target)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host };
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Path);
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        target.Status = response.StatusCode;
        target.Bytes = body.Length;
        if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            target.Total = root.ValueKind == JsonValueKind.Array ? root.GetArrayLength()
                : root.TryGetProperty("total", out var total) ? total.GetInt64()
                : root.TryGetProperty("households", out var households) ? households.GetInt64() : null;
        }
    }

    /// <summary>Waits (at most <c>--quiet-wait</c> minutes) until the 1-minute load average is below <c>--quiet-load</c>.</summary>
    private static async Task<string> WaitForQuietAsync(Settings settings)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
            if (load < settings.QuietLoad)
            {
                return $"1-minute load {load:F2} < {settings.QuietLoad:F1} after waiting {clock.Elapsed.TotalSeconds:F0} s";
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(settings.QuietWaitMinutes))
            {
                return $"**still busy**: 1-minute load {load:F2} ≥ {settings.QuietLoad:F1} after waiting {clock.Elapsed.TotalSeconds:F0} s; measured anyway";
            }

            Progress($"waiting for a quieter machine: 1-minute load {load:F2}");
            await Task.Delay(TimeSpan.FromSeconds(15));
        }
    }

    /// <summary>The export of the whole township's ledger, one at a time: wall time per run, size and rows of the file.</summary>
    private static async Task<ExportResult> ExportAsync(Uri host, string cookie, string path, int runs, OtherWork other)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host, Timeout = TimeSpan.FromMinutes(5) };
        var times = new List<double>();
        byte[] file = [];
        var before = other.Take();
        for (var i = 0; i < runs + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            file = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The export answered {(int)response.StatusCode}.");
            }

            if (i > 0)
            {
                times.Add(elapsed); // the first run warms up (JIT of the workbook writer)
            }
        }

        return new ExportResult(Median(times), times.Min(), times.Max(), times.Count, file.Length, RowsIn(file) - 1, OtherWork.Share(before, other.Take()));
    }

    /// <summary>The rows of the first worksheet (header included), counted in the sheet's XML.</summary>
    private static int RowsIn(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        return RowPattern().Matches(reader.ReadToEnd()).Count;
    }

    [GeneratedRegex(@"<(?:\w+:)?row[\s>]")]
    private static partial Regex RowPattern();

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}

/// <summary>A measured URL and what its first answer was.</summary>
internal sealed class Target(string name, string path)
{
    public string Name { get; } = name;

    public string Path { get; } = path;

    public HttpStatusCode Status { get; set; }

    public long Bytes { get; set; }

    public long? Total { get; set; }
}

/// <summary>CPU steal (time the hypervisor gave to other guests) from <c>/proc/stat</c>.</summary>
internal static class Steal
{
    public static (long Steal, long Total) Take()
    {
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        return (ticks[7], ticks.Take(8).Sum());
    }

    public static double Percent((long Steal, long Total) before, (long Steal, long Total) after) =>
        after.Total == before.Total ? 0 : 100.0 * (after.Steal - before.Steal) / (after.Total - before.Total);
}

internal sealed record Settings(int Townships, int Disputes, int Households, int Petitions, int[] Concurrency, int Warmup, int Duration, int Exports, double QuietLoad, double QuietWaitMinutes, bool Keep, string[] RebuildWays, bool RebuildOnly)
{
    /// <summary>The ways of <c>--rebuild-ways</c>: the command's default, and its two options.</summary>
    public static readonly string[] Ways = ["folded", "daemon", "one-at-a-time"];

    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument {args[i]}; see bench/README.md for the options.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        int Number(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double Real(string key, double fallback) => values.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var concurrency = (values.GetValueOrDefault("concurrency") ?? "16,64")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var ways = (values.GetValueOrDefault("rebuild-ways") ?? "folded")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ways.Length == 0 || ways.Any(w => !Ways.Contains(w)))
        {
            throw new ArgumentException($"--rebuild-ways takes a list of {string.Join(", ", Ways)}.");
        }

        return new Settings(Math.Clamp(Number("townships", 30), 1, 99), Math.Max(10, Number("disputes", 3333)), Math.Max(1, Number("households", 2000)), Math.Max(1, Number("petitions", 60)), concurrency, Number("warmup", 3), Number("duration", 10),
            Math.Max(1, Number("exports", 5)), Real("quiet-load", 2.5), Real("quiet-wait", 5), values.GetValueOrDefault("keep") == "true", ways, values.GetValueOrDefault("rebuild-only") == "true");
    }
}
