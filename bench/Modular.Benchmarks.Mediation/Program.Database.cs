using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Benchmarks.OpenGovernment;
using Modular.Testing;
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
            // The generated types only (the household ledger is imported through the module, not generated).
            var generator = CountySeed.TypeNames.Values.Contains(type) ? (CountySeed.Namespace, CountySeed.TypeNames)
                : PetitionSeed.TypeNames.Values.Contains(type) ? (PetitionSeed.Namespace, PetitionSeed.TypeNames)
                : ((string Namespace, IReadOnlyDictionary<string, string> TypeNames)?)null;
            if (generator is not { } g)
            {
                continue;
            }

            using var json = JsonDocument.Parse(reader.GetString(1));
            shapes[type] = [.. json.RootElement.EnumerateObject().Select(p => p.Name)];
            var expected = $"{g.Namespace}{g.TypeNames.Single(t => t.Value == type).Key}, {CountySeed.Assembly}";
            if (reader.GetString(2) != expected)
            {
                throw new InvalidOperationException($"{type} is stored as .NET type {reader.GetString(2)}, the generator writes {expected}.");
            }
        }

        return shapes;
    }

    /// <summary>The yearly petition counters the API's registrations made, by township and year.</summary>
    private static async Task<Dictionary<(string Tenant, int Year), int>> PetitionCountersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select tenant_id, id, (data ->> 'Last')::int from modular.mt_doc_petitionnumbercounter", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counters = new Dictionary<(string Tenant, int Year), int>();
        while (await reader.ReadAsync())
        {
            if (int.TryParse(reader.GetString(1), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                counters[(reader.GetString(0), year)] = reader.GetInt32(2);
            }
        }

        return counters;
    }

    private const string DisputeTable = "modular.mt_doc_dispute";

    /// <summary>
    /// The rebuild command once per way of <paramref name="ways"/>, each checked three ways: the counts of every
    /// township and state against the plan, the five disputes the API took in (written by the inline projection before
    /// the bulk load) field by field and by version, and every document against those of the first way (jsonb equality
    /// and version).
    /// </summary>
    private static async Task<List<RebuildRun>> RebuildWaysAsync(string connectionString, string work, string postgresDataDirectory, SeedPlan plan, string[] ways)
    {
        var inline = await ProjectedRows.ReadAsync(connectionString, DisputeTable);
        var inlineVersions = await VersionsAsync(connectionString, inline.Keys);
        var runs = new List<RebuildRun>();
        foreach (var way in ways)
        {
            var load = Machine.LoadAverage();
            var other = new OtherWork(0, postgresDataDirectory);
            var before = other.Take();
            var postgres = PostgresCpu(postgresDataDirectory);
            var result = await RebuildAsync(connectionString, work, way);
            var postgresCpu = PostgresCpu(postgresDataDirectory) - postgres;
            var others = OtherWork.Share(before, other.Take());
            Progress($"rebuild-projections --module mediation ({way}): exit {result.ExitCode} after {result.Wall.TotalSeconds:F1} s");
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"The rebuild failed:\n{result.Output}");
            }

            var verification = await VerifyAsync(connectionString, plan);
            Progress("  " + verification.Summary);
            var rebuilt = await ProjectedRows.ReadAsync(connectionString, DisputeTable, $"id in ({string.Join(", ", inline.Keys.Select(k => $"'{k.Id}'"))})");
            var differences = ProjectedRows.Differences(inline, rebuilt);
            var versions = await VersionsAsync(connectionString, inline.Keys);
            differences.AddRange(inlineVersions.Where(v => versions.GetValueOrDefault(v.Key) != v.Value).Select(v => $"{v.Key.Tenant}/{v.Key.Id}: version {v.Value} ≠ {versions.GetValueOrDefault(v.Key)}"));
            var sample = differences.Count == 0
                ? $"the {inline.Count} disputes the inline projection wrote before the bulk load (the demo township's and the {ApiDisputes.States.Values.Sum()} taken in through the API): identical field by field and in version"
                : $"**{differences.Count} differences** from the inline projection's {inline.Count} documents, e.g. {string.Join("; ", differences.Take(3))}";
            Progress("  " + sample);
            var same = runs.Count == 0 ? await KeepAsync(connectionString) : await CompareWithFirstAsync(connectionString, runs[0].Way);
            Progress("  " + same);
            var summary = SummaryPattern().Matches(result.Output).LastOrDefault() ?? SummaryPattern().Match("");
            runs.Add(new RebuildRun(way, result, verification, sample, same, load, Machine.LoadAverage(), postgresCpu, others,
                summary.Success ? double.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture) : null,
                summary.Success ? double.Parse(summary.Groups[3].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : null,
                [.. ProgressPattern().Matches(result.Output).Select(m => m.Value.Trim())]));
        }

        await ExecuteAsync(connectionString, "drop table if exists bench_first_rebuild");
        return runs;
    }

    private static async Task<Dictionary<(string Tenant, string Id), long>> VersionsAsync(string connectionString, IEnumerable<(string Tenant, string Id)> keys)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select tenant_id, id::text, mt_version from {DisputeTable} where id::text = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", keys.Select(k => k.Id).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new Dictionary<(string, string), long>();
        while (await reader.ReadAsync())
        {
            versions[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return versions;
    }

    /// <summary>The first way's documents, kept for the ways after it.</summary>
    private static async Task<string> KeepAsync(string connectionString)
    {
        await ExecuteAsync(connectionString, $"drop table if exists bench_first_rebuild; create unlogged table bench_first_rebuild as select tenant_id, id, data, mt_version from {DisputeTable}");
        return "(the first way: its documents are the reference for the next ways)";
    }

    /// <summary>Every document against the first way's: missing on either side, different data (jsonb equality: every field), different version.</summary>
    private static async Task<string> CompareWithFirstAsync(string connectionString, string first)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) filter (where f.id is null), count(*) filter (where d.id is null), count(*) filter (where d.data <> f.data), count(*) filter (where d.mt_version <> f.mt_version), count(*), " +
            $"string_agg(d.id::text, ',') filter (where d.data <> f.data) from {DisputeTable} d full join bench_first_rebuild f on f.tenant_id = d.tenant_id and f.id = d.id", connection)
        { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (added, missing, data, version, all) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        if (added + missing + data + version == 0)
        {
            return $"all {all:N0} documents equal to the {first} way's (jsonb equality, version)";
        }

        var example = reader.IsDBNull(5) ? "" : reader.GetString(5).Split(',')[0];
        await reader.CloseAsync();
        var fields = "";
        if (example.Length > 0)
        {
            var mine = await ProjectedRows.ReadAsync(connectionString, DisputeTable, $"id = '{example}'");
            var theirs = await ProjectedRows.ReadAsync(connectionString, "bench_first_rebuild", $"id = '{example}'");
            fields = "; e.g. " + string.Join("; ", ProjectedRows.Differences(theirs, mine).Take(3));
        }

        return $"**differs from the {first} way**: {added} not there, {missing} missing, {data} with other data, {version} with another version, of {all:N0}{fields}";
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// CPU time of the cluster: the postmaster's own and that of its children it has reaped (backends that have exited),
    /// plus that of its children still running.
    /// </summary>
    private static TimeSpan PostgresCpu(string postgresDataDirectory)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(postgresDataDirectory, "pgdata", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var text = File.ReadAllText($"/proc/{pid}/stat");
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                if (pid == postmaster)
                {
                    ticks += fields.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
                }
                else if (fields[1] == postmaster.ToString(CultureInfo.InvariantCulture))
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // gone meanwhile
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    // One line per database ("in database platform"), and with several databases a total ("in 3 databases") last.
    [GeneratedRegex(@"Rebuilt the \d+ projections of \S+ (?:in database \S+ |in \d+ databases )?from ([\d,]+) events in ([\d.]+) s: ([\d,]+) events/s")]
    private static partial Regex SummaryPattern();

    [GeneratedRegex(@"(Folding|Rebuilding) [^\n]* events done[^\n]*left")]
    private static partial Regex ProgressPattern();

    /// <summary>Runs <c>dotnet Modular.Host.dll rebuild-projections --module mediation</c> as an operator would, on the same database, the given way.</summary>
    private static async Task<RebuildResult> RebuildAsync(string connectionString, string work, string way)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(BuildPaths.RepositoryRoot, "host", "Modular.Host"),
        };
        foreach (var argument in new[] { BuildPaths.HostAssembly, "rebuild-projections", "--module", "mediation" }.Concat(way == "folded" ? [] : [$"--{way}"]))
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

    /// <summary>
    /// The ledger's SQL under EXPLAIN ANALYZE, for the report: written here the way Marten sends it (same tables,
    /// conditions, order and limit; the page's select list shortened to two of its fields).
    /// </summary>
    private static async Task<List<(string Name, string Plan)>> PlansAsync(string connectionString, string tenant, string village)
    {
        const string YearFigures = "select d.data ->> 'Category', d.data -> 'PoliceReports' from modular.mt_doc_dispute as d where (d.tenant_id = @t and ("
            + "(modular.mt_immutable_date(d.data ->> 'ReceivedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'ReceivedOn') <= '2025-12-31') or "
            + "(modular.mt_immutable_date(d.data ->> 'ResolvedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'ResolvedOn') <= '2025-12-31') or "
            + "(modular.mt_immutable_date(d.data ->> 'FailedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'FailedOn') <= '2025-12-31') or "
            + "(modular.mt_immutable_date(d.data ->> 'RoutedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'RoutedOn') <= '2025-12-31') or "
            + "(modular.mt_immutable_date(d.data ->> 'RefusedOn') >= '2025-01-01' and modular.mt_immutable_date(d.data ->> 'RefusedOn') <= '2025-12-31')))";
        // The page and its total, which the module sends together in one batch (two statements, one round trip).
        const string Ledger = "select d.data ->> 'Number', d.data -> 'Parties' from modular.mt_doc_dispute as d where ({0}) order by modular.mt_immutable_date(d.data ->> 'ReceivedOn') desc, d.data ->> 'Number' desc OFFSET 0 LIMIT 50";
        const string Total = "select count(*) from modular.mt_doc_dispute as d where ({0})";
        var queries = new (string Name, string Sql)[]
        {
            ("Ledger, page 1", string.Format(CultureInfo.InvariantCulture, Ledger, "d.tenant_id = @t")),
            ("Ledger, page 1: the total", string.Format(CultureInfo.InvariantCulture, Total, "d.tenant_id = @t")),
            ("Ledger, village + state", string.Format(CultureInfo.InvariantCulture, Ledger, "d.tenant_id = @t and d.data ->> 'Village' = @v and CAST(d.data ->> 'State' as integer) = 4")),
            ("Ledger, village + state: the total", string.Format(CultureInfo.InvariantCulture, Total, "d.tenant_id = @t and d.data ->> 'Village' = @v and CAST(d.data ->> 'State' as integer) = 4")),
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
