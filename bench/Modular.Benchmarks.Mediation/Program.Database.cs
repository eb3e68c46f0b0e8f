using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace Modular.Benchmarks.Mediation;

/// <summary>
/// The benchmark's work in PostgreSQL itself: the stored event shapes, the projection rebuild by the host's command and
/// its check, table sizes, waiting for the host's subscription, and the query plans for the report.
/// </summary>
internal static partial class Program
{
    /// <summary>The top-level JSON fields of each event type the API stored in the township.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> StoredShapesAsync(string connectionString, string tenant)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select type, data::text, mt_dotnet_type from modular.mt_events where tenant_id = @t", connection);
        command.Parameters.AddWithValue("t", tenant);
        await using var reader = await command.ExecuteReaderAsync();
        var shapes = new Dictionary<string, HashSet<string>>();
        while (await reader.ReadAsync())
        {
            var type = reader.GetString(0);
            using var json = JsonDocument.Parse(reader.GetString(1));
            shapes[type] = [.. json.RootElement.EnumerateObject().Select(p => p.Name)];
            var expected = $"Modular.Modules.Mediation.Disputes.{CountySeed.TypeNames.Single(t => t.Value == type).Key}, {CountySeed.Assembly}";
            if (reader.GetString(2) != expected)
            {
                throw new InvalidOperationException($"{type} is stored as .NET type {reader.GetString(2)}, the generator writes {expected}.");
            }
        }

        return shapes;
    }

    /// <summary>Runs <c>dotnet Modular.Host.dll rebuild-projections --module mediation</c> as an operator would, on the same database.</summary>
    private static async Task<RebuildResult> RebuildAsync(string connectionString, string work)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(BuildPaths.RepositoryRoot, "host", "Modular.Host"),
        };
        foreach (var argument in new[] { BuildPaths.HostAssembly, "rebuild-projections", "--module", "mediation" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Modular"] = connectionString;
        start.Environment["Modular__PluginsPath"] = BuildPaths.PluginsRoot;
        start.Environment["Modular__LogsPath"] = Path.Combine(work, "logs");
        var childCpu = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var peak = 0L;
        while (!process.HasExited)
        {
            try
            {
                peak = Math.Max(peak, ProcStatus.Memory(process.Id).Peak);
            }
            catch (IOException)
            {
                // exited meanwhile
            }

            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(500));
        }

        await process.WaitForExitAsync();
        var wall = clock.Elapsed;
        var output = await stdout + await stderr;
        var projections = RebuiltPattern().Matches(output)
            .Select(m => (m.Groups[1].Value, TimeSpan.FromSeconds(double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))).ToList();
        return new RebuildResult(process.ExitCode, wall, ChildrenCpu() - childCpu, peak, projections, output);
    }

    /// <summary>CPU time of this process's waited-for children (cutime + cstime of <c>/proc/self/stat</c>): a child's own, once it has exited.</summary>
    private static TimeSpan ChildrenCpu()
    {
        var text = File.ReadAllText("/proc/self/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0);
    }

    [GeneratedRegex(@"Rebuilt projection (\S+) of module \S+ in ([\d.]+) s")]
    private static partial Regex RebuiltPattern();

    /// <summary>The rebuilt snapshots against what was generated: per township the number of disputes in each state.</summary>
    private static async Task<Verification> VerifyAsync(string connectionString, SeedPlan plan)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select tenant_id, (data ->> 'State')::int, count(*), sum(mt_version) from modular.mt_doc_dispute where tenant_id like 'county-%' group by 1, 2", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var found = new Dictionary<(string, int), long>();
        long versions = 0;
        while (await reader.ReadAsync())
        {
            found[(reader.GetString(0), reader.GetInt32(1))] = reader.GetInt64(2);
            versions += reader.GetInt64(3);
        }

        // The five API disputes of the measured township: four closed, one archived (see ApiDisputes).
        var expected = plan.States.SelectMany(t => t.Value.Select(s => (Key: (t.Key, s.Key), Count: (long)s.Value))).ToDictionary(x => x.Key, x => x.Count);
        foreach (var (state, count) in ApiDisputes.States)
        {
            var key = (plan.States.Keys.First(), state);
            expected[key] = expected.GetValueOrDefault(key) + count;
        }

        var mismatches = expected.Keys.Union(found.Keys).Where(k => expected.GetValueOrDefault(k) != found.GetValueOrDefault(k)).ToList();
        var disputes = found.Values.Sum();
        var events = plan.Events.Count + ApiDisputes.Events;
        return new Verification(disputes, versions, events, mismatches.Count,
            mismatches.Count == 0
                ? $"rebuilt {disputes:N0} disputes; per township and state exactly as generated; the snapshots' versions add up to {versions:N0} = the events of their streams ({events:N0})"
                : $"**{mismatches.Count} township/state counts differ** from the generated plan, e.g. {string.Join("; ", mismatches.Take(5).Select(k => $"{k.Item1} state {k.Item2}: expected {expected.GetValueOrDefault(k)}, found {found.GetValueOrDefault(k)}"))}");
    }

    private static async Task<List<(string Name, string Value)>> SizesAsync(string connectionString, string tenant)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        async Task<string> ScalarAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("t", tenant);
            var value = await command.ExecuteScalarAsync();
            return value is long l ? l.ToString("N0", CultureInfo.InvariantCulture) : value?.ToString() ?? "";
        }

        return
        [
            ("Events (`mt_events`, all tenants)", await ScalarAsync("select count(*) from modular.mt_events")),
            ("Streams (`mt_streams`, all tenants)", await ScalarAsync("select count(*) from modular.mt_streams")),
            ("Dispute snapshots (`mt_doc_dispute`, all tenants)", await ScalarAsync("select count(*) from modular.mt_doc_dispute")),
            ($"Disputes of `{tenant}`", await ScalarAsync("select count(*) from modular.mt_doc_dispute where tenant_id = @t")),
            ("`mt_events` size (with indexes)", await ScalarAsync("select pg_size_pretty(pg_total_relation_size('modular.mt_events'))")),
            ("`mt_doc_dispute` size (with indexes)", await ScalarAsync("select pg_size_pretty(pg_total_relation_size('modular.mt_doc_dispute'))")),
            ("Database size", await ScalarAsync("select pg_size_pretty(pg_database_size(current_database()))")),
        ];
    }

    /// <summary>
    /// The host's integration-event subscription reads every new event once (its filter keeps only integration events);
    /// the time until it has passed the bulk load, so that no catch-up competes with the measurements.
    /// </summary>
    private static async Task<TimeSpan> WaitForSubscriptionAsync(string connectionString, long lastSeq)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await using var command = new NpgsqlCommand("select coalesce(max(last_seq_id), 0) from modular.mt_event_progression where name like 'integration-events%'", connection);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) >= lastSeq)
            {
                return clock.Elapsed;
            }

            await Task.Delay(500);
        }

        Progress("  the subscription had not caught up after 5 minutes; measuring anyway");
        return clock.Elapsed;
    }

    /// <summary>The ledger's SQL (as Marten sends it for the API's queries) under EXPLAIN ANALYZE, for the report.</summary>
    private static async Task<List<(string Name, string Plan)>> PlansAsync(string connectionString, string tenant, string village)
    {
        const string YearFigures = "select d.data from modular.mt_doc_dispute as d where (d.tenant_id = @t and ("
            + "(modular.mt_immutable_date(d.data ->> 'ReceivedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'ReceivedOn') <= '2025-12-31') or "
            + "(modular.mt_immutable_date(d.data ->> 'ResolvedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'ResolvedOn') <= '2025-12-31') or "
            + "(modular.mt_immutable_date(d.data ->> 'FailedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'FailedOn') <= '2025-12-31') or "
            + "(modular.mt_immutable_date(d.data ->> 'RoutedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'RoutedOn') <= '2025-12-31') or "
            + "(modular.mt_immutable_date(d.data ->> 'RefusedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'RefusedOn') <= '2025-12-31')))";
        const string Ledger = "select d.data, count(*) OVER() as total_rows from modular.mt_doc_dispute as d where ({0}) order by modular.mt_immutable_date(d.data ->> 'ReceivedOn') desc, d.data ->> 'Number' desc OFFSET 0 LIMIT 50";
        var queries = new (string Name, string Sql)[]
        {
            ("Ledger, page 1", string.Format(CultureInfo.InvariantCulture, Ledger, "d.tenant_id = @t")),
            ("Ledger, village + state", string.Format(CultureInfo.InvariantCulture, Ledger, "d.tenant_id = @t and d.data ->> 'Village' = @v and CAST(d.data ->> 'State' as integer) = 4")),
            ("Export (all of the township)", "select d.data from modular.mt_doc_dispute as d where d.tenant_id = @t order by modular.mt_immutable_date(d.data ->> 'ReceivedOn'), d.data ->> 'Number'"),
            ("Ledger page: the villages for the filter", "select DISTINCT(d.data ->> 'Village') from modular.mt_doc_dispute as d where d.tenant_id = @t"),
            ("Ledger page: the year's figures (for 2025, the last generated year; the page asks for the current year)", YearFigures),
        };
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var plans = new List<(string, string)>();
        foreach (var (name, sql) in queries)
        {
            await using var command = new NpgsqlCommand("explain (analyze, buffers, costs off) " + sql, connection);
            command.Parameters.AddWithValue("t", tenant);
            command.Parameters.AddWithValue("v", village);
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            plans.Add((name, string.Join('\n', lines)));
        }

        return plans;
    }
}
