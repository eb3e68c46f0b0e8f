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
        var first = await NextSeqAsync(connection, transaction);
        var seq = await CopyStreamsAsync(connection, "dispute", plan.Streams, plan.Events, first);

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

    /// <summary>The first seq_id free after Marten's events and its sequence.</summary>
    public static async Task<long> NextSeqAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var last = new NpgsqlCommand("select greatest((select coalesce(max(seq_id), 0) from modular.mt_events), (select last_value from modular.mt_events_sequence))", connection, transaction);
        return Convert.ToInt64(await last.ExecuteScalarAsync(), CultureInfo.InvariantCulture) + 1;
    }

    /// <summary>
    /// Copies streams of <paramref name="streamType"/> and their events, seq_id from <paramref name="first"/> on; answers
    /// the next free seq_id (the caller moves the sequence past it).
    /// </summary>
    public static async Task<long> CopyStreamsAsync(
        NpgsqlConnection connection, string streamType, IEnumerable<(string Tenant, Guid Id, int Version, DateTimeOffset Created, DateTimeOffset Timestamp)> streams,
        IEnumerable<SeedEvent> events, long first)
    {
        await using (var copy = await connection.BeginBinaryImportAsync("copy modular.mt_streams (tenant_id, id, type, version, timestamp, created, is_archived) from stdin (format binary)"))
        {
            foreach (var (tenant, id, version, created, timestamp) in streams)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(tenant, NpgsqlDbType.Varchar);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(streamType, NpgsqlDbType.Varchar);
                await copy.WriteAsync((long)version, NpgsqlDbType.Bigint);
                await copy.WriteAsync(timestamp, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync();
        }

        var seq = first;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy modular.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, user_name, is_archived) from stdin (format binary)"))
        {
            foreach (var e in events)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(seq++, NpgsqlDbType.Bigint);
                await copy.WriteAsync(Guid.CreateVersion7(e.Timestamp), NpgsqlDbType.Uuid);
                await copy.WriteAsync(e.StreamId, NpgsqlDbType.Uuid);
                await copy.WriteAsync((long)e.Version, NpgsqlDbType.Bigint);
                await copy.WriteAsync(Encoding.UTF8.GetString(e.Data), NpgsqlDbType.Jsonb);
                await copy.WriteAsync(e.Type, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(e.Tenant, NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.DotnetType, NpgsqlDbType.Varchar);
                await copy.WriteAsync(Guid.NewGuid().ToString("N"), NpgsqlDbType.Varchar);
                await copy.WriteAsync(e.UserName, NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync();
        }

        return seq;
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
