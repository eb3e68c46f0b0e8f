using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Modular.Benchmarks.LegalServices;
using Modular.Benchmarks.OpenGovernment;
using Npgsql;

namespace Modular.Benchmarks.Province;

/// <summary>
/// A simulated province (issue 14): townships in counties of 30 registered and given a year of work through the
/// modules' doors, spread over one to three hosts on one database, in stages of 30, 300 and 1,000 townships; at each
/// stage the append throughput through one host and through all of them (alternate batches of the same stage), the
/// projection daemon's lag during the load and how long it took to catch up, one county's roll-up and the province's
/// (every county's figures, one after the other: the product has no province figure). Writes
/// <c>bench/province-results.md</c>. Nothing is asserted.
/// </summary>
internal static class Program
{
    private const string AdminPassword = BenchRun.AdminPassword;
    private const string UserPassword = BenchRun.UserPassword;
    private const string ProvinceUser = "benchprovince";

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var options = ProvinceOptions.Parse(args);
        var (townships, hostCount, perCounty, workers, batch, rounds, provinceRounds, volumes) = options;
        if (hostCount is < 1 or > 3 || townships < 1 || perCounty < 1)
        {
            await Console.Error.WriteLineAsync("--hosts is 1, 2 or 3; --townships and --per-county at least 1.");
            return 2;
        }

        if (!Directory.Exists(Path.Combine(BuildPaths.PluginsRoot, "Modular.Modules.LawStudy")))
        {
            await Console.Error.WriteLineAsync("Build this project in Release first: it builds the host and installs the four modules.");
            return 2;
        }

        var run = new BenchRun();
        var figures = new List<StageFigures>();
        var hosts = new List<HostProcess>();
        var work = Path.Combine(Path.GetTempPath(), $"modular-bench-province-{Environment.ProcessId}");
        var (cluster, connectionString, machine) = await BenchRun.StartClusterAsync(work);
        try
        {
            var environment = BenchRun.SignInLimitsLifted();
            environment["Modular__Demo"] = "false";
            environment["Modular__Telemetry__DaemonLagSeconds"] = "1";
            var loadAtStart = $"{Machine.LoadAverage()}, CPU busy {await Machine.CpuBusyPercentAsync():F0} % (2 s sample)";
            for (var h = 0; h < hostCount; h++)
            {
                // One after the other: the first creates the schema, the others find it.
                hosts.Add(await HostProcess.StartAsync(connectionString, BuildPaths.PluginsRoot, AdminPassword, work, $"host{h + 1}", environment));
                BenchRun.Progress($"host {h + 1} ready after {hosts[h].ReadyAfter.TotalSeconds:F1} s on {hosts[h].Address}");
            }

            var others = new OtherWork(hosts[0].ProcessId, Path.Combine(work, "postgres"));
            var addresses = hosts.Select(h => h.Address).ToList();
            using var admin = await Client.SignInAsync(addresses[0], "admin", AdminPassword);
            await admin.SendAsync(HttpMethod.Post, "/api/admin/users", new { userName = ProvinceUser, displayName = "省法治办（各县汇总）", password = UserPassword });
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var seed = new ProvinceSeed(addresses, admin, perCounty, volumes, UserPassword, today);
            await using var watch = new DaemonWatch(addresses[0], TimeSpan.FromSeconds(2));
            Client? province = null;
            var done = 0;
            var batchNumber = 0;
            foreach (var stage in options.Stages)
            {
                var stageClock = Stopwatch.StartNew();
                var (create, enable, users) = await seed.RegisterAsync(done, stage, ProvinceUser);
                var registered = stageClock.Elapsed;
                BenchRun.Progress($"townships {done + 1}–{stage} registered in {registered.TotalSeconds:F0} s (registration p50 {Median(create):F0} ms, four enablements p50 {Median(enable):F0} ms; county users {users.TotalSeconds:F1} s)");
                province ??= await Client.SignInAsync(addresses[0], ProvinceUser, UserPassword);

                var one = new ModeFigures();
                var many = new ModeFigures();
                var loadStarted = watch.Now;
                for (var first = done; first < stage; first += batch)
                {
                    var indices = Enumerable.Range(first, Math.Min(batch, stage - first)).ToList();
                    var spread = hostCount > 1 && batchNumber++ % 2 == 1;
                    var mode = spread ? many : one;
                    var (records, events) = (ProvinceSeed.Records, await SequenceAsync(connectionString));
                    var clock = Stopwatch.StartNew();
                    var next = -1;
                    await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, indices.Count)).Select(_ => Task.Run(async () =>
                    {
                        int n;
                        while ((n = Interlocked.Increment(ref next)) < indices.Count)
                        {
                            await seed.YearAsync(seed.TownshipAt(indices[n]), spread ? n % hostCount : 0);
                        }
                    })));
                    mode.Add(clock.Elapsed, indices.Count, ProvinceSeed.Records - records, await SequenceAsync(connectionString) - events);
                }

                var loadEnded = watch.Now;
                var steps = seed.TakeStepTimes().OrderBy(s => s.Step, StringComparer.Ordinal).ToList();
                var sequence = await SequenceAsync(connectionString);
                BenchRun.Progress($"townships {done + 1}–{stage}: a year of work in {(loadEnded - loadStarted).TotalSeconds:F0} s; through one host {one.RecordsPerSecond:F0} records/s, {one.EventsPerSecond:F0} events/s; through {hostCount} {many.RecordsPerSecond:F0} records/s, {many.EventsPerSecond:F0} events/s");
                var caughtUp = await watch.CaughtUpAsync(loadEnded, sequence, TimeSpan.FromMinutes(5));
                var during = watch.Between(loadStarted, loadEnded);
                var worst = during.MaxBy(r => r.MaxLag);
                BenchRun.Progress($"daemon: max lag {worst?.MaxLag:N0} events ({worst?.WorstShard}), caught up {(caughtUp is { } c ? $"{c.TotalSeconds:F1} s" : "not within 5 min")} after the load");

                var year = today.Year;
                var countyCode = ProvinceSeed.CountyAt(0).Code;
                await province.SequentialAsync([$"/county/{countyCode}?year={year}"], 3, others);
                var page = await province.SequentialAsync([$"/county/{countyCode}?year={year}"], rounds, others);
                await province.SequentialAsync([$"/api/county/{countyCode}/figures?year={year}"], 3, others);
                var api = await province.SequentialAsync([$"/api/county/{countyCode}/figures?year={year}"], rounds, others);
                var counties = Enumerable.Range(0, ((stage - 1) / perCounty) + 1).Select(i => $"/api/county/{ProvinceSeed.CountyAt(i).Code}/figures?year={year}").ToList();
                await province.SequentialAsync(counties, 1, others);
                var sweep = await province.SequentialAsync(counties, provinceRounds, others);
                var sums = await ProvinceSumsAsync(province, counties);
                BenchRun.Progress($"roll-ups: county page p50 {page.P50:F0} ms, county API p50 {api.P50:F0} ms, all {counties.Count} counties p50 {sweep.P50:F0} ms");

                figures.Add(new StageFigures(stage, counties.Count, stage - done, registered, Median(create), create.Max(), Median(enable), users, one, many, loadEnded - loadStarted,
                    worst, caughtUp, sequence, page, api, sweep, sums, watch.Between(loadEnded, watch.Now).LastOrDefault() ?? worst,
                    await DatabaseMegabytesAsync(connectionString), stageClock.Elapsed, Machine.LoadAverage(), steps));
                done = stage;
            }

            province?.Dispose();
            ProvinceReport.Write(run, figures, hostCount, perCounty, volumes, workers, batch, rounds, provinceRounds, loadAtStart);
            run.Add("");
            run.Add("| Host | ready after | VmRSS at the end (peak) | CPU time over the run |");
            run.Add("|---|---|---|---|");
            foreach (var (host, h) in hosts.Select((h, i) => (h, i)))
            {
                var (rss, peak) = host.Memory();
                run.Add($"| host {h + 1} | {host.ReadyAfter.TotalSeconds:F1} s | {rss / 1024:N0} MiB ({peak / 1024:N0} MiB) | {host.CpuTime().TotalSeconds:F0} s |");
            }

            run.EndTable("Errors are answers other than 200.", machine);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            await cluster.StopAsync();
        }

        await run.WriteAsync("province-results.md", "Simulated province benchmark results", $"bench/Modular.Benchmarks.Province -- {string.Join(' ', args)}".TrimEnd(' ', '-'),
            "One run on one shared machine, never asserted by a test; the real host binaries over HTTP on one throw-away PostgreSQL (fsync off).");
        return 0;
    }

    private static double Median(List<double> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

    /// <summary>The highest event sequence number written so far (every host appends to the one <c>mt_events</c>).</summary>
    private static async Task<long> SequenceAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select coalesce(max(seq_id), 0) from modular.mt_events", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<double> DatabaseMegabytesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select pg_database_size(current_database())", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
    }

    /// <summary>The province's figures as the sum of its counties' (the product has no province figure): every column over every township.</summary>
    private static async Task<Dictionary<string, decimal>> ProvinceSumsAsync(Client province, IReadOnlyList<string> counties)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var path in counties)
        {
            using var json = JsonDocument.Parse(await province.GetStringAsync(path));
            foreach (var row in json.RootElement.GetProperty("rows").EnumerateArray())
            {
                foreach (var value in row.GetProperty("values").EnumerateObject().Where(v => v.Value.ValueKind == JsonValueKind.Number))
                {
                    sums[value.Name] = sums.GetValueOrDefault(value.Name) + value.Value.GetDecimal();
                }

                sums["townships"] = sums.GetValueOrDefault("townships") + 1;
            }
        }

        return sums;
    }
}

/// <summary>Time, townships, records and events of the batches seeded in one way (through one host, or over all of them).</summary>
internal sealed class ModeFigures
{
    public TimeSpan Time { get; private set; }

    public int Townships { get; private set; }

    public long Records { get; private set; }

    public long Events { get; private set; }

    public double RecordsPerSecond => Time.TotalSeconds > 0 ? Records / Time.TotalSeconds : 0;

    public double EventsPerSecond => Time.TotalSeconds > 0 ? Events / Time.TotalSeconds : 0;

    public void Add(TimeSpan time, int townships, long records, long events)
    {
        Time += time;
        Townships += townships;
        Records += records;
        Events += events;
    }
}

internal sealed record StageFigures(
    int Townships, int Counties, int Added, TimeSpan Registered, double CreateP50, double CreateMax, double EnableP50, TimeSpan Users,
    ModeFigures One, ModeFigures Many, TimeSpan Load, LagReading? WorstLag, TimeSpan? CaughtUp, long Sequence,
    (double P50, double P99, int Errors, double Others) CountyPage, (double P50, double P99, int Errors, double Others) CountyApi,
    (double P50, double P99, int Errors, double Others) Province, Dictionary<string, decimal> Sums, LagReading? LastReading, double DatabaseMegabytes,
    TimeSpan Stage, string LoadAverage, IReadOnlyList<(string Step, TimeSpan Total)> Steps);
