using Npgsql;

namespace Modular.Host.Storage;

/// <summary>
/// Keeps PostgreSQL's planner statistics current after bulk writes: every few seconds it looks for the platform's
/// tables changed by more than <see cref="MinChanges"/> rows and a tenth of their size since they were last analysed
/// (an import, a township's records loaded through the API, a projection rebuild) and runs <c>ANALYZE</c> on them.
/// </summary>
/// <remarks>
/// Autovacuum does the same, but at most once a minute (<c>autovacuum_naptime</c>) and only once 10 % + 50 rows have
/// changed; in between, the planner plans a table of 5,000 new publications as the empty table it last saw, and the
/// portal's uncached home page took 72 ms instead of 6 ms (bench/open-government-results.md). The check is one query
/// on <c>pg_stat_user_tables</c>; when several hosts share a database one of them does it (an advisory try-lock), the
/// others skip the round. A database that is away is skipped quietly: the outage is reported elsewhere.
/// </remarks>
internal sealed class PlannerStatistics(IConfiguration configuration, ILogger<PlannerStatistics> log) : BackgroundService
{
    /// <summary>"stats" in ASCII: one instance of the platform analyses a database at a time.</summary>
    public const long LockKey = 0x7374617473;

    public const int MinChanges = 500;

    public const double Fraction = 0.1;

    public const string IntervalSetting = "Modular:Statistics:IntervalSeconds";

    public const string Schema = "modular";

    private TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(IntervalSetting, 5.0), 0.2, 3600));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken); // machine time: how often to look, not a period of the domain
                await AnalyzeChangedTablesAsync(configuration.GetConnectionString("Modular")!, log, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                log.LogDebug(e, "Planner statistics not checked this round: the database did not answer");
            }
        }
    }

    /// <summary>Analyses every table of the platform's schema changed enough since its last analysis; the names analysed.</summary>
    public static async Task<IReadOnlyList<string>> AnalyzeChangedTablesAsync(string connectionString, ILogger log, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var locking = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection))
        {
            locking.Parameters.AddWithValue("key", LockKey);
            if (await locking.ExecuteScalarAsync(ct) is not true)
            {
                return [];
            }
        }

        var changed = new List<(string Table, long Changes)>();
        await using (var find = new NpgsqlCommand(
            """
            select format('%I.%I', schemaname, relname), n_mod_since_analyze
            from pg_stat_user_tables
            where schemaname = @schema and n_mod_since_analyze >= greatest(@min, @fraction * n_live_tup)
            order by n_mod_since_analyze desc
            """, connection))
        {
            find.Parameters.AddWithValue("schema", Schema);
            find.Parameters.AddWithValue("min", (long)MinChanges);
            find.Parameters.AddWithValue("fraction", Fraction);
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                changed.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        foreach (var (table, changes) in changed)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            // The name comes from pg_stat_user_tables, quoted by format('%I'): never from a request.
            await using var analyze = new NpgsqlCommand($"analyze {table}", connection) { CommandTimeout = 300 };
            await analyze.ExecuteNonQueryAsync(ct);
            log.LogInformation("Analysed {Table} after {Changes} changed rows in {Elapsed:F0} ms", table, changes, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        await using (var unlock = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection))
        {
            unlock.Parameters.AddWithValue("key", LockKey);
            await unlock.ExecuteNonQueryAsync(ct);
        }

        return [.. changed.Select(c => c.Table)];
    }
}
