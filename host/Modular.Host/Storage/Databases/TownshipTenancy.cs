using System.Collections.Concurrent;
using JasperFx;
using JasperFx.Descriptors;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Marten.Storage;
using Npgsql;
using Weasel.Core.Migrations;

namespace Modular.Host.Storage.Databases;

/// <summary>
/// Marten's tenancy when townships are spread over several databases: the platform database holds the default tenant
/// (townships, users, enablement, sessions, audit, the placements) and every township not placed elsewhere; each
/// configured township database holds the townships placed on it, conjoined among themselves. Which database a
/// township is on is its <see cref="TownshipPlacement"/> in the platform database, read on the first session for it and
/// kept until the township's cache entry is invalidated (a move announces it on every node). Marten's own
/// <c>MultiTenantedDatabases</c> fixes the tenants at start-up; a township registered at run time must not need a restart.
/// </summary>
internal sealed class TownshipTenancy : Tenancy, ITenancy, IAsyncDisposable
{
    public const string PlatformDatabase = "platform";

    private readonly IReadOnlyDictionary<string, MartenDatabase> _databases;
    private readonly ConcurrentDictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);
    private readonly NpgsqlDataSource _platformSource;
    private readonly StoreOptions _options;

    public TownshipTenancy(StoreOptions options, string platformConnectionString, IReadOnlyDictionary<string, string> townshipDatabases)
        : base(options)
    {
        _options = options;
        _platformSource = NpgsqlDataSource.Create(platformConnectionString);
        var databases = new Dictionary<string, MartenDatabase>(StringComparer.Ordinal)
        {
            [PlatformDatabase] = new MartenDatabase(options, _platformSource, PlatformDatabase),
        };
        foreach (var (id, connectionString) in townshipDatabases)
        {
            databases[id] = new MartenDatabase(options, NpgsqlDataSource.Create(connectionString), id);
        }

        _databases = databases;
        Default = new Tenant(StorageConstants.DefaultTenantId, databases[PlatformDatabase]);
        Cleaner = new CompositeDocumentCleaner(this, options);
    }

    /// <summary>The databases by id: <c>platform</c> first, then the configured township databases.</summary>
    public IReadOnlyDictionary<string, MartenDatabase> Databases => _databases;

    public Tenant Default { get; }

    public IDocumentCleaner Cleaner { get; }

    public DatabaseCardinality Cardinality => DatabaseCardinality.StaticMultiple;

    /// <summary>The id of the database that holds <paramref name="township"/>'s data now.</summary>
    public string DatabaseOf(string township) => IdOf(GetTenant(township).Database);

    /// <summary>The id of one of this tenancy's databases.</summary>
    public string IdOf(IMartenDatabase database) => _databases.First(d => ReferenceEquals(d.Value, database)).Key;

    public Tenant GetTenant(string tenantId)
    {
        if (tenantId == StorageConstants.DefaultTenantId)
        {
            return Default;
        }

        if (_tenants.TryGetValue(tenantId, out var known))
        {
            return known;
        }

        var placed = ReadPlacement(tenantId);
        var tenant = new Tenant(tenantId, placed is not null && _databases.TryGetValue(placed, out var database) ? database : Default.Database);
        if (placed is not null)
        {
            // A township with no placement (a slug nobody registered) is answered from the platform database and not
            // kept, so its registration later is not hidden by a stale entry.
            _tenants[tenantId] = tenant;
        }

        return tenant;
    }

    public ValueTask<Tenant> GetTenantAsync(string tenantId) => ValueTask.FromResult(GetTenant(tenantId));

    /// <summary>Sessions of <paramref name="township"/> in this process go to <paramref name="database"/> (a move's rebuild in the target, before the switch).</summary>
    public void Place(string township, string database) => _tenants[township] = new Tenant(township, _databases[database]);

    /// <summary>Forgets where <paramref name="township"/> is: its next session reads its placement again.</summary>
    public void Forget(string township) => _tenants.TryRemove(township, out _);

    /// <summary>Forgets every placement (a listener that missed notifications).</summary>
    public void ForgetAll() => _tenants.Clear();

    public ValueTask<IMartenDatabase> FindOrCreateDatabase(string tenantIdOrDatabaseIdentifier) =>
        ValueTask.FromResult<IMartenDatabase>(_databases.TryGetValue(tenantIdOrDatabaseIdentifier, out var database)
            ? database
            : GetTenant(tenantIdOrDatabaseIdentifier).Database);

    public ValueTask<IMartenDatabase> FindDatabase(DatabaseId id) =>
        ValueTask.FromResult<IMartenDatabase>(_databases.Values.FirstOrDefault(d => d.Id == id)
            ?? throw new ArgumentOutOfRangeException(nameof(id), $"No database {id.Identity}"));

    public bool IsTenantStoredInCurrentDatabase(IMartenDatabase database, string tenantId) =>
        ReferenceEquals(GetTenant(tenantId).Database, database);

    public ValueTask<IReadOnlyList<IDatabase>> BuildDatabases() =>
        ValueTask.FromResult<IReadOnlyList<IDatabase>>(_databases.Values.Cast<IDatabase>().ToList());

    public ValueTask<DatabaseUsage> DescribeDatabasesAsync(CancellationToken token)
    {
        var ids = _databases.Keys.ToList();
        var descriptors = _databases.Values.Select(d => d.Describe()).ToList();
        foreach (var (tenant, placed) in _tenants)
        {
            descriptors[ids.IndexOf(IdOf(placed.Database))].TenantIds.Add(tenant);
        }

        return ValueTask.FromResult(new DatabaseUsage
        {
            Cardinality = DatabaseCardinality.StaticMultiple,
            MainDatabase = descriptors[0],
            Databases = descriptors,
        });
    }

    private string? ReadPlacement(string township)
    {
        var table = $"{_options.DatabaseSchemaName}.mt_doc_townshipplacement";
        using var connection = _platformSource.OpenConnection();
        using var command = new NpgsqlCommand($"select data ->> 'Database' from {table} where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = township });
        try
        {
            return command.ExecuteScalar() as string;
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // the schema is not applied yet: nothing has been placed
        }
    }

    public void Dispose()
    {
        foreach (var database in _databases.Values)
        {
            database.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases.Values)
        {
            await database.DisposeAsync();
        }
    }
}
