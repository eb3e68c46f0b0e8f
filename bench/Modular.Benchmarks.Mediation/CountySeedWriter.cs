using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Modular.Benchmarks.Mediation;

/// <summary>
/// Puts a generated county into Marten's tables as Marten itself would have written it, and describes what was
/// generated for the check against events stored through the API.
/// </summary>
internal static class CountySeedWriter
{
    /// <summary>
    /// Writes the plan with binary COPY: streams, events (seq_id continuing Marten's sequence, which is then moved past
    /// them), and the yearly number counters. Returns the first and last seq_id written.
    /// </summary>
    public static async Task<(long First, long Last)> CopyAsync(string connectionString, SeedPlan plan)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long first;
        await using (var last = new NpgsqlCommand("select greatest((select coalesce(max(seq_id), 0) from modular.mt_events), (select last_value from modular.mt_events_sequence))", connection, transaction))
        {
            first = Convert.ToInt64(await last.ExecuteScalarAsync(), CultureInfo.InvariantCulture) + 1;
        }

        await using (var streams = await connection.BeginBinaryImportAsync("copy modular.mt_streams (tenant_id, id, type, version, timestamp, created, is_archived) from stdin (format binary)"))
        {
            foreach (var (tenant, id, version, created, timestamp) in plan.Streams)
            {
                await streams.StartRowAsync();
                await streams.WriteAsync(tenant, NpgsqlDbType.Varchar);
                await streams.WriteAsync(id, NpgsqlDbType.Uuid);
                await streams.WriteAsync("dispute", NpgsqlDbType.Varchar);
                await streams.WriteAsync((long)version, NpgsqlDbType.Bigint);
                await streams.WriteAsync(timestamp, NpgsqlDbType.TimestampTz);
                await streams.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await streams.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await streams.CompleteAsync();
        }

        var seq = first;
        await using (var events = await connection.BeginBinaryImportAsync(
            "copy modular.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, user_name, is_archived) from stdin (format binary)"))
        {
            foreach (var e in plan.Events)
            {
                await events.StartRowAsync();
                await events.WriteAsync(seq++, NpgsqlDbType.Bigint);
                await events.WriteAsync(Guid.CreateVersion7(e.Timestamp), NpgsqlDbType.Uuid);
                await events.WriteAsync(e.StreamId, NpgsqlDbType.Uuid);
                await events.WriteAsync((long)e.Version, NpgsqlDbType.Bigint);
                await events.WriteAsync(Encoding.UTF8.GetString(e.Data), NpgsqlDbType.Jsonb);
                await events.WriteAsync(e.Type, NpgsqlDbType.Varchar);
                await events.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz);
                await events.WriteAsync(e.Tenant, NpgsqlDbType.Varchar);
                await events.WriteAsync(e.DotnetType, NpgsqlDbType.Varchar);
                await events.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Varchar);
                await events.WriteAsync(e.UserName, NpgsqlDbType.Varchar);
                await events.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await events.CompleteAsync();
        }

        await using (var counters = await connection.BeginBinaryImportAsync(
            "copy modular.mt_doc_disputenumbercounter (tenant_id, id, data, mt_version, mt_dotnet_type) from stdin (format binary)"))
        {
            foreach (var ((tenant, year), last) in plan.Counters)
            {
                var key = year.ToString(CultureInfo.InvariantCulture);
                await counters.StartRowAsync();
                await counters.WriteAsync(tenant, NpgsqlDbType.Varchar);
                await counters.WriteAsync(key, NpgsqlDbType.Varchar);
                await counters.WriteAsync(JsonSerializer.Serialize(new { Id = key, Last = last }), NpgsqlDbType.Jsonb);
                await counters.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await counters.WriteAsync($"{CountySeed.Namespace}DisputeNumberCounter", NpgsqlDbType.Varchar);
            }

            await counters.CompleteAsync();
        }

        await using (var sequence = new NpgsqlCommand($"select setval('modular.mt_events_sequence', {seq - 1})", connection, transaction))
        {
            await sequence.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return (first, seq - 1);
    }

    /// <summary>The top-level JSON property names of the generated events, by type name (for the shape check).</summary>
    public static Dictionary<string, HashSet<string>> Shapes(IEnumerable<SeedEvent> generated)
    {
        var shapes = new Dictionary<string, HashSet<string>>();
        foreach (var e in generated)
        {
            if (!shapes.ContainsKey(e.Type))
            {
                using var json = JsonDocument.Parse(e.Data);
                shapes[e.Type] = [.. json.RootElement.EnumerateObject().Select(p => p.Name)];
            }
        }

        return shapes;
    }
}
