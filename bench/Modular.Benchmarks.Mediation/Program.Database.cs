using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Benchmarks.OpenGovernment;
using Modular.Testing;
using Npgsql;

namespace Modular.Benchmarks.Mediation;

/// <summary>
/// The benchmark's work in PostgreSQL itself: the stored event shapes, table sizes, waiting for the host's subscription,
/// and the query plans for the report (the projection rebuild and its checks: Program.Rebuild.cs).
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
