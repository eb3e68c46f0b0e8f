using System.Text;
using JasperFx.Events;
using Npgsql;

namespace Modular.Host.Storage.Databases;

/// <summary>One stream's fingerprint: its events counted, its version, a checksum of every event in version order.</summary>
public sealed record StreamFingerprint(string Stream, long Events, long Version, string Checksum);

/// <summary>
/// The SQL of a township's move between two databases of the same schema: its streams, events and documents copied
/// by binary COPY (every column as stored: ids, versions, timestamps, metadata), events in their sequence order under
/// the target's own sequence numbers, and the fingerprints that prove nothing was lost. Only the township's rows
/// (<c>tenant_id</c>) are touched, on either side.
/// </summary>
internal sealed class TownshipCopy(string schema, string township)
{
    /// <summary>The header a copied event carries (the database it came from): the relay does not hand it on again.</summary>
    public const string MovedHeader = "modular-moved";

    private string Events => $"{schema}.mt_events";

    private string Streams => $"{schema}.mt_streams";

    public static bool WasMoved(IEvent e) => e.Headers is { } headers && headers.ContainsKey(MovedHeader);

    /// <summary>Every stream of the township: events, version, checksum of (id, version, type, data, time, metadata) in version order.</summary>
    public async Task<List<StreamFingerprint>> StreamsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        var sql = $"""
            select e.stream_id::text, count(*), max(e.version), md5(string_agg(concat_ws('|', e.id::text, e.version::text, e.type, e.data::text,
                   e.timestamp::text, e.correlation_id, e.causation_id, e.user_name, coalesce(case jsonb_typeof(e.headers) when 'object' then nullif(e.headers - '{MovedHeader}', jsonb_build_object())::text when 'null' then null else e.headers::text end, ''),
                   e.is_archived::text, s.version::text, s.type), E'\n' order by e.version))
            from {Events} e join {Streams} s on s.id = e.stream_id and s.tenant_id = e.tenant_id
            where e.tenant_id = @township group by e.stream_id order by e.stream_id::text
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("township", township);
        var streams = new List<StreamFingerprint>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            streams.Add(new StreamFingerprint(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return streams;
    }

    /// <summary>The order of the township's events across its streams: their ids in sequence order, hashed.</summary>
    public Task<string> SequenceOrderAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct) =>
        ScalarAsync<string>(connection, transaction, $"select coalesce(md5(string_agg(id::text, ',' order by seq_id)), '') from {Events} where tenant_id = @township", ct);

    /// <summary>Rows of <paramref name="table"/> that are the township's, and a checksum of them all but <c>mt_last_modified</c>.</summary>
    public async Task<(long Rows, string Checksum)> TableAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string table, CancellationToken ct)
    {
        var columns = (await ColumnsAsync(connection, transaction, table, ct)).Where(c => c != "mt_last_modified").ToList();
        var row = string.Join(", ", columns.Select(c => $"t.{Quote(c)}::text"));
        var rows = await ScalarAsync<long>(connection, transaction, $"select count(*) from {table} where tenant_id = @township", ct);
        var checksum = await ScalarAsync<string>(connection, transaction,
            $"select coalesce(md5(string_agg(r, E'\\n' order by r)), '') from (select concat_ws('|', {row}) as r from {table} t where tenant_id = @township) x", ct);
        return (rows, checksum);
    }

    /// <summary>The tables holding the township's documents (every table of the schema with a <c>tenant_id</c> but the event store's).</summary>
    public async Task<List<string>> DocumentTablesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select c.table_schema || '.' || c.table_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name) " +
            "where c.table_schema = @schema and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE' " +
            "and c.table_name not in ('mt_events', 'mt_streams', 'mt_event_progression') order by 1", connection);
        command.Parameters.AddWithValue("schema", schema);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>Whether the target already holds any of the township's streams or events (a move must start on a clean target).</summary>
    public async Task<bool> HoldsAnyAsync(NpgsqlConnection connection, CancellationToken ct) =>
        await ScalarAsync<bool>(connection, null, $"select exists (select 1 from {Streams} where tenant_id = @township) or exists (select 1 from {Events} where tenant_id = @township)", ct);

    /// <summary>Copies the township's streams, then its events in sequence order under the target's sequence, marked as moved from <paramref name="from"/>.</summary>
    public async Task<long> CopyEventsAsync(NpgsqlConnection source, NpgsqlConnection target, NpgsqlTransaction transaction, string from, CancellationToken ct)
    {
        await CopyTableAsync(source, target, transaction, Streams, Streams, ct);
        var columns = await ColumnsAsync(target, transaction, Events, ct);
        await using (var create = new NpgsqlCommand($"create temp table moving_events (like {Events}) on commit drop", target, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await CopyTableAsync(source, target, transaction, Events, "moving_events", ct);
        var values = columns.Select(c => c switch
        {
            "seq_id" => $"nextval('{schema}.mt_events_sequence')",
            "headers" => $"(case jsonb_typeof(headers) when 'object' then headers else jsonb_build_object() end) || jsonb_build_object('{MovedHeader}', @from::text)",
            _ => Quote(c),
        });
        await using var insert = new NpgsqlCommand(
            $"insert into {Events} ({string.Join(", ", columns.Select(Quote))}) select {string.Join(", ", values)} from (select * from moving_events order by seq_id) m",
            target, transaction)
        { CommandTimeout = 0 };
        insert.Parameters.AddWithValue("from", from);
        return await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Copies the township's rows of a document table as they are stored.</summary>
    public Task CopyDocumentsAsync(NpgsqlConnection source, NpgsqlConnection target, NpgsqlTransaction transaction, string table, CancellationToken ct) =>
        CopyTableAsync(source, target, transaction, table, table, ct);

    /// <summary>Deletes the township's rows: documents, events, streams (a failed target's cleanup, or the source after the switch).</summary>
    public async Task DeleteAsync(NpgsqlConnection connection, IEnumerable<string> documentTables, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var table in documentTables.Append(Events).Append(Streams))
        {
            await using var delete = new NpgsqlCommand($"delete from {table} where tenant_id = @township", connection, transaction) { CommandTimeout = 0 };
            delete.Parameters.AddWithValue("township", township);
            await delete.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private async Task CopyTableAsync(NpgsqlConnection source, NpgsqlConnection target, NpgsqlTransaction transaction, string from, string into, CancellationToken ct)
    {
        var columns = string.Join(", ", (await ColumnsAsync(source, null, from, ct)).Select(Quote));
        await using var reader = await source.BeginRawBinaryCopyAsync(
            $"copy (select {columns} from {from} where tenant_id = '{township}' order by {(from == Events ? "seq_id" : "1")}) to stdout (format binary)", ct);
        await using var writer = await target.BeginRawBinaryCopyAsync($"copy {into} ({columns}) from stdin (format binary)", ct);
        await reader.CopyToAsync(writer, ct);
        _ = transaction; // the target's COPY runs in the transaction open on its connection
    }

    /// <summary>The columns a COPY writes: all but generated ones, in table order.</summary>
    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string table, CancellationToken ct)
    {
        var (schemaName, name) = table.Contains('.', StringComparison.Ordinal) ? (table.Split('.')[0], table.Split('.')[1]) : ("pg_temp", table);
        await using var command = new NpgsqlCommand(
            "select column_name::text from information_schema.columns where table_name = @name and (table_schema = @schema or @schema = 'pg_temp') " +
            "and is_generated = 'NEVER' order by ordinal_position", connection, transaction);
        command.Parameters.AddWithValue("schema", schemaName);
        command.Parameters.AddWithValue("name", name);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            columns.Add(reader.GetString(0));
        }

        return columns.Count > 0 ? columns : throw new InvalidOperationException($"No table {table}");
    }

    private async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("township", township);
        return (T)Convert.ChangeType(await command.ExecuteScalarAsync(ct), typeof(T), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static string Quote(string column) => new StringBuilder("\"").Append(column.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
}
