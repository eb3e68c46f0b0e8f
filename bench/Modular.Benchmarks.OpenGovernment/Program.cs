using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Modular.Host.Storage;

namespace Modular.Benchmarks.OpenGovernment;

/// <summary>
/// Measures the open-government module on this machine: a township with thousands of publications and five years of
/// power-list history, seeded through the real host's API, then the anonymous portal pages (cached and uncached) and
/// the authenticated as-of-date list query under wrk. Writes <c>bench/open-government-results.md</c>. Nothing is asserted.
/// </summary>
internal static class Program
{
    private const string AdminPassword = "Bench-Admin-Passw0rd";
    private const string UserPassword = "Bench-User-Passw0rd";
    private const string Township = "bench-og";
    private const string TownshipName = "基准镇";

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var settings = Settings.Parse(args);
        if (!Wrk.IsInstalled())
        {
            await Console.Error.WriteLineAsync("wrk is not on the PATH (apt-get install -y wrk).");
            return 2;
        }

        if (!File.Exists(BuildPaths.HostAssembly) || !Directory.Exists(BuildPaths.OpenGovernmentPlugin))
        {
            await Console.Error.WriteLineAsync($"Build first: dotnet build -c Release bench/Modular.Benchmarks.OpenGovernment (missing {BuildPaths.HostAssembly} or {BuildPaths.OpenGovernmentPlugin}).");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), $"modular-bench-og-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var cluster = new LocalPostgresCluster(Path.Combine(work, "postgres"), LocalPostgresCluster.FreePort(), durable: false);
        var total = Stopwatch.StartNew();
        var failed = false;
        try
        {
            await WaitForOtherBenchmarksAsync("before seeding");
            Progress($"throw-away PostgreSQL cluster on port {cluster.Port} in {work}");
            await cluster.StartAsync("bench");
            var connectionString = cluster.ConnectionString("bench");
            var report = new Report(settings) { Machine = await Machine.DescribeAsync(connectionString), PluginsPath = BuildPaths.PluginsRoot };

            await using var host = await HostProcess.StartAsync(connectionString, BuildPaths.PluginsRoot, AdminPassword, work, "og", new Dictionary<string, string>());
            Progress($"host ready after {host.ReadyAfter.TotalMilliseconds:F0} ms, modules: {string.Join(", ", host.Modules)}");
            if (!host.Modules.Contains("open-government"))
            {
                throw new InvalidOperationException($"The open-government module is not loaded; the ready check reports: {string.Join(", ", host.Modules)}\n{host.LogTail()}");
            }

            report.Modules = host.Modules;
            var today = DateOnly.FromDateTime(DateTime.Now);

            // Township, module and the four roles, through the admin API.
            using var admin = await Api.SignInAsync(host.Address, "admin", AdminPassword);
            await admin.PostAsync("/api/admin/townships", new { slug = Township, name = TownshipName, code = "520527199002", countyCode = "520527", countyName = "赫章县" }, HttpStatusCode.Created);
            await admin.PutAsync($"/api/admin/townships/{Township}/modules/open-government", new { enabled = true });
            var roles = new Dictionary<string, string>
            {
                ["ogclerk"] = "open-government.clerk",
                ["ogreviewer"] = "open-government.reviewer",
                ["ogjudicial"] = "open-government.judicial-office",
                ["ogcounty"] = "open-government.county-approver",
            };
            foreach (var (user, role) in roles)
            {
                await admin.PostAsync("/api/admin/users", new { userName = user, displayName = $"基准测试{role}", password = UserPassword }, HttpStatusCode.Created);
                await admin.PutAsync($"/api/admin/users/{user}/grants", new { grants = new Dictionary<string, string[]> { [Township] = [role] } });
            }

            using var clerk = await Api.SignInAsync(host.Address, "ogclerk", UserPassword);
            using var reviewer = await Api.SignInAsync(host.Address, "ogreviewer", UserPassword);
            using var judicial = await Api.SignInAsync(host.Address, "ogjudicial", UserPassword);
            using var county = await Api.SignInAsync(host.Address, "ogcounty", UserPassword);

            var drafts = PublicationSeed.Generate(settings.Publications, today, TownshipName, "赫章县", out var withWord);
            report.SearchMatches = withWord;
            Progress($"seeding {drafts.Count:N0} publications (draft, submit, approve) with {settings.Workers} workers");
            report.PublicationSeeding = await PublicationSeed.SeedAsync(clerk, reviewer, Township, drafts, settings.Workers, Progress);
            Progress($"  publications seeded in {report.PublicationSeeding.TotalSeconds:F0} s");

            Progress($"seeding {settings.Years} years of power-list history (propose as the judicial office, approve as the county)");
            report.History = await PowerListSeed.SeedAsync(judicial, county, Township, TownshipName, settings.Years, today, Progress);
            Progress($"  power list seeded in {report.History.Took.TotalSeconds:F0} s: {report.History.Proposals} proposals");

            report.Sizes = await DataSizesAsync(connectionString);
            Progress("  " + string.Join(", ", report.Sizes.Select(s => $"{s.Name} {s.Value}")));

            // Right after a bulk load PostgreSQL has no statistics for the new rows until autovacuum analyses them, and
            // the planner may choose badly meanwhile. Measure the home page's uncached cost once before and once after
            // an explicit VACUUM ANALYZE, then measure everything in the analysed (steady) state.
            var homePath = $"/t/{Township}/open-government/portal";
            var searchPath = $"{homePath}/search?q={Uri.EscapeDataString(PublicationSeed.SearchWord)}";
            report.HomeBeforeAnalyze = await SequentialUncachedAsync(host.Address, homePath, 20);
            report.SearchBeforeAnalyze = await SequentialUncachedAsync(host.Address, searchPath, 20);
            var analyze = Stopwatch.StartNew();
            await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new Npgsql.NpgsqlCommand("vacuum analyze", connection) { CommandTimeout = 600 };
                await command.ExecuteNonQueryAsync();
            }

            report.AnalyzeTook = analyze.Elapsed;
            report.HomeAfterAnalyze = await SequentialUncachedAsync(host.Address, homePath, 20);
            report.SearchAfterAnalyze = await SequentialUncachedAsync(host.Address, searchPath, 20);
            Progress($"home page uncached, one at a time: p50 {report.HomeBeforeAnalyze:F1} ms before VACUUM ANALYZE ({analyze.Elapsed.TotalSeconds:F1} s), {report.HomeAfterAnalyze:F1} ms after");
            Progress($"search uncached, one at a time: p50 {report.SearchBeforeAnalyze:F1} ms before VACUUM ANALYZE, {report.SearchAfterAnalyze:F1} ms after");

            await WaitForOtherBenchmarksAsync("before measuring");
            report.LoadAverage = Machine.LoadAverage();
            report.BusyPercent = await Machine.CpuBusyPercentAsync();
            report.MemoryBefore = host.Memory();
            await MeasureAsync(settings, host, judicial.CookieHeader, report, work, today);
            report.MemoryAfter = host.Memory();
            report.TotalTime = total.Elapsed;

            var markdown = report.ToMarkdown();
            Console.WriteLine(markdown);
            var resultsFile = Path.Combine(BuildPaths.RepositoryRoot, "bench", "open-government-results.md");
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
            await cluster.StopAsync();
            if (!failed)
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

    private static async Task MeasureAsync(Settings settings, HostProcess host, string cookie, Report report, string work, DateOnly today)
    {
        var portal = $"/t/{Township}/open-government/portal";
        var search = $"{portal}/search?q={Uri.EscapeDataString(PublicationSeed.SearchWord)}";
        var pages = new (string Name, string Path)[]
        {
            ("Portal home", portal),
            ("Portal category 规划计划", $"{portal}/category/{Uri.EscapeDataString("规划计划")}"),
            ("Portal power list", $"{portal}/power-list"),
            ($"Portal search `{PublicationSeed.SearchWord}`", search),
            // A two-character word inside longer text (城乡低保、特困供养对象名单; 审核低保对象): one character pair.
            ($"Portal search `{PublicationSeed.ShortSearchWord}`", $"{portal}/search?q={Uri.EscapeDataString(PublicationSeed.ShortSearchWord)}"),
            ("Atom feed (latest 50)", $"/api/t/{Township}/open-government/public/feed.atom"),
        };
        // The power list and the feed read no query key, so no address of theirs escapes the cache: cached only.
        var uncachedToo = pages.Select(p => p.Name).Where(n => n.StartsWith("Portal home", StringComparison.Ordinal) || n.StartsWith("Portal category", StringComparison.Ordinal) || n.StartsWith("Portal search", StringComparison.Ordinal)).ToHashSet();

        using var probe = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Address };
        foreach (var (name, path) in pages)
        {
            // Twice: the first fills the cache, the second must come from it (the output cache adds an Age header).
            var (status, bytes, _) = await GetAsync(probe, path);
            var (status2, _, age) = await GetAsync(probe, path);
            if (status != HttpStatusCode.OK || status2 != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)status}/{(int)status2}, not 200.\n{host.LogTail()}");
            }

            report.Pages[name] = (path, bytes, age);
            Progress($"{name}: {path} → 200, {bytes:N0} bytes, second answer from the cache: {(age ? "yes (Age header)" : "no")}");
        }

        foreach (var concurrency in settings.Concurrency)
        {
            foreach (var (name, path) in pages)
            {
                foreach (var cached in uncachedToo.Contains(name) ? new[] { true, false } : [true])
                {
                    var url = new Uri(host.Address, cached ? path : Wrk.Uncached(path));
                    await Wrk.RunAsync(url, null, concurrency, settings.Warmup, null);
                    var cpu = host.CpuTime();
                    var result = await Wrk.RunAsync(url, null, concurrency, settings.Duration, null);
                    var used = host.CpuTime() - cpu;
                    await NoteDisturbanceAsync(report, $"{name}, {(cached ? "cached" : "uncached")}, c{concurrency}");
                    report.Loads.Add(new LoadRow(name, cached ? "cached" : "uncached", concurrency, result, used));
                    Progress($"{name}, {(cached ? "cached" : "uncached")}, c{concurrency}: {result.RequestsPerSecond:F0} req/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F1} ms, errors {result.Errors}");
                }
            }
        }

        // The as-of query: dates spread over the five years of history (and today), read by a signed-in user.
        var history = report.History!;
        var span = history.Last.DayNumber - history.First.DayNumber + 60;
        var dates = Enumerable.Range(0, 40).Select(i => history.First.AddDays(i * span / 40)).Append(today).Distinct().ToList();
        var asOfPaths = dates.Select(d => $"/api/t/{Township}/open-government/power-list?asOf={d:yyyy-MM-dd}").ToList();
        using var signedIn = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Address };
        var latencies = new List<double>();
        long bytesTotal = 0;
        var itemsCounted = new List<int>();
        for (var i = 0; i < settings.AsOfCalls + 10; i++)
        {
            var path = asOfPaths[i % asOfPaths.Count];
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
            var started = Stopwatch.GetTimestamp();
            using var response = await signedIn.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
            }

            if (i >= 10)
            {
                // The first ten are warm-up (JIT, connection).
                latencies.Add(elapsed);
                bytesTotal += body.Length;
                using var json = System.Text.Json.JsonDocument.Parse(body);
                itemsCounted.Add(json.RootElement.GetProperty("items").GetArrayLength());
            }
        }

        latencies.Sort();
        double Percentile(double p) => latencies[Math.Max(0, (int)Math.Ceiling(p * latencies.Count) - 1)];
        report.AsOfSequential = new SequentialResult(latencies.Count, dates.Count, dates[0], dates[^1], Percentile(0.5), Percentile(0.99), latencies.Average(), latencies[^1],
            bytesTotal / latencies.Count, itemsCounted.Min(), itemsCounted.Max());
        Progress($"as-of, sequential: {latencies.Count} calls, p50 {report.AsOfSequential.P50Ms:F1} ms, p99 {report.AsOfSequential.P99Ms:F1} ms, {report.AsOfSequential.AverageBytes:N0} bytes");

        var rotation = Wrk.RotationScript(work, asOfPaths);
        foreach (var concurrency in settings.Concurrency)
        {
            var url = new Uri(host.Address, asOfPaths[0]);
            await Wrk.RunAsync(url, cookie, concurrency, settings.Warmup, rotation);
            var cpu = host.CpuTime();
            var result = await Wrk.RunAsync(url, cookie, concurrency, settings.Duration, rotation);
            var used = host.CpuTime() - cpu;
            await NoteDisturbanceAsync(report, $"as-of, c{concurrency}");
            report.Loads.Add(new LoadRow("As-of list API (signed in)", $"{asOfPaths.Count} dates in turn", concurrency, result, used));
            Progress($"as-of, wrk c{concurrency}: {result.RequestsPerSecond:F0} req/s, p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F1} ms, errors {result.Errors}");
        }
    }

    /// <summary>The median latency of <paramref name="calls"/> anonymous requests, one at a time, each with a new query string (never from the cache).</summary>
    private static async Task<double> SequentialUncachedAsync(Uri host, string path, int calls)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host };
        var latencies = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(Wrk.Uncached(path));
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
            }
        }

        return Stats.Median(latencies);
    }

    /// <summary>Records a window at whose end another benchmark was running: its figures may be lower than the machine can do.</summary>
    private static async Task NoteDisturbanceAsync(Report report, string window)
    {
        if ((await OtherBenchmarksAsync()).Count > 0)
        {
            report.Disturbed.Add(window);
            Progress($"  note: another benchmark was running at the end of this window");
        }
    }

    private static async Task<(HttpStatusCode Status, long Bytes, bool FromCache)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, body.Length, response.Headers.Age is not null);
    }

    /// <summary>Row counts straight from the database (all townships, so the host's demo township is included where noted).</summary>
    private static async Task<List<(string Name, string Value)>> DataSizesAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<string> CountAsync(string sql)
        {
            try
            {
                await using var command = new Npgsql.NpgsqlCommand(sql, connection);
                command.Parameters.AddWithValue("t", Township);
                return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
            }
            catch (Npgsql.PostgresException error)
            {
                return $"n/a ({error.MessageText})";
            }
        }

        return
        [
            ("Publications on the portal (`PublishedPublication`)", await CountAsync("select count(*) from modular.mt_doc_publishedpublication where tenant_id = @t")),
            ("Portal entries (`og_portal_entry`)", await CountAsync("select count(*) from modular.og_portal_entry where tenant_id = @t")),
            ($"… holding `{PublicationSeed.SearchWord}`", await CountAsync($"select count(*) from modular.og_portal_entry where tenant_id = @t and search @@ '{PublicationSeed.SearchWord[..2]} & {PublicationSeed.SearchWord[1..3]} & {PublicationSeed.SearchWord[2..]}'::tsquery")),
            ($"… holding `{PublicationSeed.ShortSearchWord}`", await CountAsync($"select count(*) from modular.og_portal_entry where tenant_id = @t and search @@ '{PublicationSeed.ShortSearchWord}'::tsquery")),
            ("Publication snapshots (`Publication`)", await CountAsync("select count(*) from modular.mt_doc_publication where tenant_id = @t")),
            ("Power-item versions (`PowerItemVersion`)", await CountAsync("select count(*) from modular.mt_doc_poweritemversion where tenant_id = @t")),
            ("Power-list proposals", await CountAsync("select count(*) from modular.mt_doc_powerlistproposal where tenant_id = @t")),
            ("Events of the township (`mt_events`)", await CountAsync("select count(*) from modular.mt_events where tenant_id = @t")),
            ("Streams of the township (`mt_streams`)", await CountAsync("select count(*) from modular.mt_streams where tenant_id = @t")),
            ("Database size (all townships)", await CountAsync("select pg_database_size(current_database()) / 1048576") + " MiB"),
        ];
    }

    /// <summary>The other benchmarks' process ids running now (<c>pgrep -f "Modular.Benchmarks --"</c>), this process left out.</summary>
    internal static async Task<List<string>> OtherBenchmarksAsync()
    {
        var start = new ProcessStartInfo("pgrep", ["-f", "Modular.Benchmarks --"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var pgrep = Process.Start(start)!;
        var output = (await pgrep.StandardOutput.ReadToEndAsync()).Trim();
        await pgrep.WaitForExitAsync();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(pid => pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The brief: wait while another benchmark runs (<c>pgrep -f "Modular.Benchmarks --"</c>), polling every 30 s, at most 10 minutes.</summary>
    private static async Task WaitForOtherBenchmarksAsync(string when)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var others = await OtherBenchmarksAsync();
            if (others.Count == 0)
            {
                return;
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                Progress($"another benchmark still runs (pids {string.Join(", ", others)}) after 10 minutes; going on {when}");
                return;
            }

            Progress($"another benchmark runs (pids {string.Join(", ", others)}); waiting {when}");
            await Task.Delay(TimeSpan.FromSeconds(30));
        }
    }

    internal static void Progress(string message) => Console.Error.WriteLine($"[og-bench {DateTime.Now:HH:mm:ss}] {message}");
}

/// <summary><c>--publications 5000 --workers 8 --years 5 --concurrency 16,64 --warmup 3 --duration 10 --asof-calls 200</c>.</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

internal sealed record Settings(int Publications, int Workers, int Years, int[] Concurrency, int Warmup, int Duration, int AsOfCalls)
{
    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument {args[i]}; use --publications, --workers, --years, --concurrency, --warmup, --duration, --asof-calls.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        int Number(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var concurrency = (values.GetValueOrDefault("concurrency") ?? "16,64")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        return new Settings(Number("publications", 5000), Math.Max(1, Number("workers", 8)), Math.Clamp(Number("years", 5), 1, 20), concurrency,
            Number("warmup", 3), Number("duration", 10), Math.Max(10, Number("asof-calls", 200)));
    }
}
