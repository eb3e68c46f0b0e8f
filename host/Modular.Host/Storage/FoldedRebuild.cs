using JasperFx.Events;
using JasperFx.Events.Aggregation;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Modular.Host.Storage;

/// <summary>One single-stream projection's rebuild of one township, whatever the document and identity types are.</summary>
internal interface IFoldedRebuild
{
    /// <summary>
    /// Deletes the township's documents of the projection, then folds each of <paramref name="streams"/> (ordered as
    /// PostgreSQL orders their ids) from its events up to <paramref name="ceiling"/> and writes the snapshots by binary
    /// COPY, all in one transaction; <paramref name="folded"/> hears of every page of events folded. Returns the number of documents written.
    /// </summary>
    Task<int> RunAsync(string tenant, IReadOnlyList<string> streams, long ceiling, Action<long> folded, CancellationToken ct);
}

/// <summary>
/// The fold of <see cref="SnapshotRebuild"/> for one projection of <typeparamref name="TDoc"/>: reads a township's
/// events in pages of whole streams (ordered by stream and version, the order of the events table's unique index), and
/// builds each stream's snapshot with the projection itself (its <see cref="IAggregator{T, TId, TSession}"/>: the Apply
/// methods Marten dispatches, the identity, the version and metadata it sets), which is what the inline projection runs
/// on every append, so a rebuilt document is the one the inline path would have written. Each snapshot goes to
/// PostgreSQL by binary COPY as soon as its stream is folded, serialized by the store's serializer, with the stream's
/// version and the .NET type as Marten writes them: Marten's own bulk insert writes version 1 for every document, and
/// the version is what the API's optimistic concurrency compares.
/// </summary>
internal sealed class FoldedRebuild<TDoc, TId>(IDocumentStore store, IAggregator<TDoc, TId, IQuerySession> aggregator, string table) : IFoldedRebuild
    where TDoc : notnull
    where TId : notnull
{
    /// <summary>Streams read per query: about 6,000 events of the county benchmark's disputes.</summary>
    public const int StreamsPerPage = 1_000;

    private static readonly string DotNetType = typeof(TDoc).FullName!;

    private static readonly Func<string, TId> ParseId = typeof(TId) == typeof(Guid)
        ? s => (TId)(object)Guid.Parse(s)
        : typeof(TId) == typeof(string) ? s => (TId)(object)s : throw new NotSupportedException($"Stream identity {typeof(TId).Name}");

    public async Task<int> RunAsync(string tenant, IReadOnlyList<string> streams, long ceiling, Action<long> folded, CancellationToken ct)
    {
        await using var query = store.QuerySession(tenant);
        await using var session = store.LightweightSession(tenant);
        var identity = await session.FetchProjectionStorageAsync<TDoc, TId>(tenant, ct); // sets the id as inline does
        var serializer = store.Options.Serializer();

        // One transaction a township: its old documents are gone only if all of its new ones are in.
        await using var connection = session.Database.CreateConnection(); // the township's database
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var delete = new NpgsqlCommand($"delete from {table} where tenant_id = @tenant", connection, transaction) { CommandTimeout = 0 })
        {
            delete.Parameters.AddWithValue("tenant", tenant);
            await delete.ExecuteNonQueryAsync(ct);
        }

        var written = 0;
        await using (var copy = await connection.BeginBinaryImportAsync($"copy {table} (tenant_id, id, data, mt_dotnet_type, mt_version) from stdin (format binary)", ct))
        {
            copy.Timeout = TimeSpan.Zero;
            foreach (var page in streams.Chunk(StreamsPerPage))
            {
                var events = await ReadAsync(query, page, ceiling, ct);
                for (var start = 0; start < events.Count;)
                {
                    var end = start + 1;
                    while (end < events.Count && SameStream(events[start], events[end]))
                    {
                        end++;
                    }

                    var id = ParseId(Key(events[start]));
                    if (await aggregator.BuildAsync(events.GetRange(start, end - start), query, default, id, identity, ct) is { } snapshot)
                    {
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(tenant, NpgsqlDbType.Varchar, ct);
                        await (id is Guid guid ? copy.WriteAsync(guid, NpgsqlDbType.Uuid, ct) : copy.WriteAsync((string)(object)id, NpgsqlDbType.Varchar, ct));
                        await copy.WriteAsync(serializer.ToJson(snapshot), NpgsqlDbType.Jsonb, ct);
                        await copy.WriteAsync(DotNetType, NpgsqlDbType.Varchar, ct);

                        // The stream's version, as the inline projection stores a snapshot (UseVersionFromMatchingStream).
                        await copy.WriteAsync(events[end - 1].Version, NpgsqlDbType.Bigint, ct);
                        written++;
                    }

                    start = end;
                }

                folded(events.Count);
            }

            await copy.CompleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return written;
    }

    private static bool SameStream(IEvent a, IEvent b) => typeof(TId) == typeof(Guid) ? a.StreamId == b.StreamId : a.StreamKey == b.StreamKey;

    private static string Key(IEvent e) => typeof(TId) == typeof(Guid) ? e.StreamId.ToString() : e.StreamKey!;

    private static async Task<List<IEvent>> ReadAsync(IQuerySession query, string[] page, long ceiling, CancellationToken ct)
    {
        var events = query.Events.QueryAllRawEvents().Where(e => e.Sequence <= ceiling);
        if (typeof(TId) == typeof(Guid))
        {
            var ids = page.Select(Guid.Parse).ToArray();
            events = events.Where(e => e.StreamId.IsOneOf(ids)).OrderBy(e => e.StreamId).ThenBy(e => e.Version);
        }
        else
        {
            events = events.Where(e => e.StreamKey!.IsOneOf(page)).OrderBy(e => e.StreamKey).ThenBy(e => e.Version);
        }

        return [.. await events.ToListAsync(ct)];
    }
}
