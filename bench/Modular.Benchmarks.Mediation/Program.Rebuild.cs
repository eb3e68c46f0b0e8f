using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Benchmarks.OpenGovernment;
using Modular.Testing;
using Npgsql;

namespace Modular.Benchmarks.Mediation;

/// <summary>
/// The projection rebuild: the host's <c>rebuild-projections</c> command run once per way, its summary and progress
/// read from its output, its CPU and PostgreSQL's, and every rebuilt document checked against the plan, the inline
/// projection and the first way.
/// </summary>
internal static partial class Program
{
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
}
