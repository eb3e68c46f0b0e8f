using Marten;
using Marten.Storage;
using Npgsql;

namespace Modular.Host.Storage;

/// <summary>
/// How PostgreSQL keeps the platform's documents: a row that fits in a page is stored whole and uncompressed
/// (<c>toast_tuple_target = 8160</c> on every <c>mt_doc_*</c> table); only larger ones are compressed and moved out of line.
/// </summary>
/// <remarks>
/// PostgreSQL compresses a row as soon as it passes about 2 KB, and a dispute or a household is 1.5–3 KB of JSON. Every
/// <c>data -&gt;&gt; 'Field'</c> of a query then decompresses the whole document again: the dispute ledger's page query,
/// which reads 15 fields of 50 documents, ran 1,175 times a second compressed and 2,458 uncompressed (pgbench, 4 clients,
/// the county benchmark's township), and the ledger API at 4 connections served 690 requests a second at 1.6 ms of
/// PostgreSQL's CPU each, against 925 at 1.1 ms (bench/README.md, "Documents stored uncompressed"). The price is disk:
/// such rows take about 40 % more room.
/// <para>
/// Weasel, which writes Marten's tables, has no storage parameters, so they are set after the schema is applied: at
/// start for every database of the store, and by the commands that create tables (the projection rebuild, the township
/// move). A table already set is left alone (nothing is locked on a normal start). The setting applies to rows as they
/// are written: rows stored before it stay compressed until they change or <c>rebuild-projections</c> writes them again.
/// </para>
/// </remarks>
internal static class DocumentStorage
{
    /// <summary>The largest target PostgreSQL accepts: a row is compressed only when it would not fit in a page.</summary>
    public const int ToastTupleTarget = 8160;

    public const string Schema = "modular";

    /// <summary>Sets the target on every document table of <paramref name="database"/> that lacks it; the tables it set.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(IMartenDatabase database, CancellationToken ct)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(ct);
        var tables = new List<string>();
        await using (var find = new NpgsqlCommand(
            """
            select format('%I.%I', n.nspname, c.relname)
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = @schema and c.relkind = 'r' and c.relname like 'mt\_doc\_%'
              and not coalesce(c.reloptions, '{}') @> array[@option]
            order by c.relname
            """, connection))
        {
            find.Parameters.AddWithValue("schema", Schema);
            find.Parameters.AddWithValue("option", $"toast_tuple_target={ToastTupleTarget}");
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            // The name comes from pg_class, quoted by format('%I'): never from a request. SHARE UPDATE EXCLUSIVE: reads
            // and writes go on while it is set.
            await using var alter = new NpgsqlCommand($"alter table {table} set (toast_tuple_target = {ToastTupleTarget})", connection);
            await alter.ExecuteNonQueryAsync(ct);
        }

        return tables;
    }

    /// <summary>Applies the target to every database of the store (the platform's and each township database).</summary>
    public static async Task ApplyAsync(IDocumentStore store, ILogger log, CancellationToken ct)
    {
        foreach (var database in await store.Storage.AllDatabases())
        {
            var set = await ApplyAsync(database, ct);
            if (set.Count > 0)
            {
                log.LogInformation("Documents of {Count} tables of database {Database} are now stored uncompressed up to {Target} bytes a row: {Tables}",
                    set.Count, database.Id.Identity, ToastTupleTarget, string.Join(", ", set));
            }
        }
    }

    /// <summary>At start, after Marten has applied the schema and before the host serves.</summary>
    internal sealed class AtStart(IDocumentStore store, ILogger<AtStart> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => ApplyAsync(store, log, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
