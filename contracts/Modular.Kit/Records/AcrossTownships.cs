using System.Linq.Expressions;
using Marten;
using Marten.Linq;

namespace Modular.Kit.Records;

/// <summary>
/// A county's figures: the records of several townships read in ONE statement (Marten's conjoined tenancy,
/// <c>TenantIsOneOf</c>), each with the township it belongs to, so a module counts thirty townships the way it counts
/// one instead of asking thirty times. With townships spread over several databases it is one statement per database
/// holding any of them, merged. A session opened on a stand-in for its tenant's database (the host's read replica, for
/// a lag-tolerant read) reads the townships of that database through the stand-in.
/// </summary>
public static class AcrossTownships
{
    /// <summary>
    /// The records of <typeparamref name="T"/> matching <paramref name="where"/> in each of <paramref name="townships"/>
    /// (every township named is a key, with no records when it has none). The filter is the module's own LINQ, turned
    /// into SQL by Marten; only the select list is changed, from the document's id to its <c>tenant_id</c> column,
    /// which no LINQ member reaches.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, IReadOnlyList<T>>> QueryAsync<T>(
        this IQuerySession session, IReadOnlyCollection<string> townships, Expression<Func<T, bool>> where, CancellationToken cancellationToken)
        where T : notnull => QueryAsync(session, townships, (IQueryable<T> q) => q.Where(where), cancellationToken);

    /// <summary>Every record of <typeparamref name="T"/> in each of <paramref name="townships"/> (a roster, a register).</summary>
    public static Task<IReadOnlyDictionary<string, IReadOnlyList<T>>> QueryAsync<T>(
        this IQuerySession session, IReadOnlyCollection<string> townships, CancellationToken cancellationToken)
        where T : notnull => QueryAsync(session, townships, (IQueryable<T> q) => q, cancellationToken);

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<T>>> QueryAsync<T>(
        IQuerySession session, IReadOnlyCollection<string> townships, Func<IQueryable<T>, IQueryable<T>> filter, CancellationToken cancellationToken)
        where T : notnull
    {
        var result = townships.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => new List<T>(), StringComparer.Ordinal);
        if (result.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<T>>();
        }

        var serializer = session.DocumentStore.Options.Serializer();
        foreach (var (placed, tenants) in await ByDatabaseAsync(session.DocumentStore, result.Keys))
        {
            var database = await ThroughAsync(session, placed);
            var command = filter(session.Query<T>().Where(x => x.TenantIsOneOf(tenants.ToArray()))).ToCommand(FetchType.FetchMany);
            command.CommandText = WithTenantColumn(command.CommandText);
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            command.Connection = connection;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var tenant = reader.GetString(0);
                if (result.TryGetValue(tenant, out var records))
                {
                    records.Add(serializer.FromJson<T>(reader, 1));
                }
            }
        }

        return result.ToDictionary(r => r.Key, r => (IReadOnlyList<T>)r.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// <paramref name="townships"/> grouped by the database that holds each (Marten's tenancy knows): one group with a
    /// single database. A reader across townships asks each group's database once, with a session opened for any
    /// township of the group (<c>TenantIsOneOf</c> reaches the others in the same database).
    /// </summary>
    public static async Task<IReadOnlyList<(Marten.Storage.IMartenDatabase Database, IReadOnlyList<string> Townships)>> ByDatabaseAsync(
        IDocumentStore store, IEnumerable<string> townships)
    {
        ArgumentNullException.ThrowIfNull(store);
        var groups = new Dictionary<Marten.Storage.IMartenDatabase, List<string>>(ReferenceEqualityComparer.Instance);
        var order = new List<Marten.Storage.IMartenDatabase>();
        foreach (var township in townships.Distinct(StringComparer.Ordinal))
        {
            var database = (await store.Options.Tenancy.GetTenantAsync(township)).Database;
            if (!groups.TryGetValue(database, out var group))
            {
                groups[database] = group = [];
                order.Add(database);
            }

            group.Add(township);
        }

        return order.Select(d => (d, (IReadOnlyList<string>)groups[d])).ToList();
    }

    /// <summary>
    /// The database <paramref name="session"/> reads the townships of <paramref name="placed"/> through: its own when it
    /// stands in for that one (the host's read replica, for a lag-tolerant read), otherwise <paramref name="placed"/>.
    /// </summary>
    public static async Task<Marten.Storage.IMartenDatabase> ThroughAsync(IQuerySession session, Marten.Storage.IMartenDatabase placed)
    {
        ArgumentNullException.ThrowIfNull(session);
        var own = (await session.DocumentStore.Options.Tenancy.GetTenantAsync(session.TenantId)).Database;
        return ReferenceEquals(placed, own) ? session.Database : placed;
    }

    /// <summary>Marten writes <c>select d.id, d.data[, metadata] from &lt;table&gt; as d ...</c>: keep everything from the table on.</summary>
    internal static string WithTenantColumn(string sql)
    {
        const string select = "select ";
        var from = sql.IndexOf(" from ", StringComparison.OrdinalIgnoreCase);
        if (!sql.StartsWith(select, StringComparison.OrdinalIgnoreCase) || from < 0 || !sql[select.Length..from].Contains("d.data", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"意外的查询形式 / Marten wrote an unexpected query shape: {sql}");
        }

        return "select d.tenant_id, d.data" + sql[from..];
    }
}
