using Marten;
using Microsoft.Extensions.Options;
using Modular.Host.Hosting;

namespace Modular.Host.Storage.Databases;

/// <summary>One database as the county admin sees it: its id, the townships on it, the counties pinned to it.</summary>
public sealed record DatabaseView(string Id, IReadOnlyList<string> Townships, IReadOnlyList<string> Counties);

/// <summary>The placement rule and where every township is.</summary>
public sealed record DatabasesView(bool Several, string Rule, IReadOnlyList<DatabaseView> Databases);

/// <summary>The platform's view of its databases: where a township is, where a new one goes.</summary>
internal sealed class TownshipDatabases(IDocumentStore store, IOptions<ModularOptions> options, TimeProvider time)
{
    private readonly IReadOnlyDictionary<string, TownshipDatabaseOptions> _configured = PlacementRule.Validate(options.Value.Databases);

    /// <summary>Null when no township databases are configured: one database, as it always was.</summary>
    public TownshipTenancy? Tenancy => store.Options.Tenancy as TownshipTenancy;

    /// <summary>The database id holding <paramref name="township"/> (<c>platform</c> with one database).</summary>
    public string DatabaseOf(string township) => Tenancy?.DatabaseOf(township) ?? TownshipTenancy.PlatformDatabase;

    /// <summary>Where a township of <paramref name="countyCode"/> registered now goes; null with one database.</summary>
    public async Task<TownshipPlacement?> PlaceAsync(IQuerySession platform, string slug, string countyCode, CancellationToken ct)
    {
        if (Tenancy is null)
        {
            return null;
        }

        var counts = (await platform.Query<TownshipPlacement>().ToListAsync(ct))
            .GroupBy(p => p.Database, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var chosen = PlacementRule.Choose(countyCode, _configured, counts);
        return new TownshipPlacement(slug, chosen.Database, chosen.Rule, time.GetUtcNow());
    }

    /// <summary>The reason a township placed before township databases were configured is in the platform database.</summary>
    public const string BackfillRule = "registered before township databases were configured";

    /// <summary>
    /// Every township with no placement (registered while the platform was one database) gets one, <c>platform</c>,
    /// where its records are: otherwise each of its sessions would look for a placement it never finds. Run at start,
    /// under the start-up lock, so hosts starting together write each once. Returns the townships placed.
    /// </summary>
    public async Task<IReadOnlyList<string>> BackfillAsync(IDocumentSession platform, CancellationToken ct)
    {
        if (Tenancy is null)
        {
            return [];
        }

        var placed = (await platform.Query<TownshipPlacement>().Select(p => p.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = (await platform.Query<Townships.TownshipRecord>().Select(t => t.Slug).ToListAsync(ct)).Where(s => !placed.Contains(s)).Order(StringComparer.Ordinal).ToList();
        foreach (var slug in missing)
        {
            platform.Store(new TownshipPlacement(slug, TownshipTenancy.PlatformDatabase, BackfillRule, time.GetUtcNow()));
        }

        if (missing.Count > 0)
        {
            await platform.SaveChangesAsync(ct);
        }

        return missing;
    }

    public async Task<DatabasesView> DescribeAsync(IQuerySession platform, CancellationToken ct)
    {
        if (Tenancy is not { } tenancy)
        {
            return new DatabasesView(false, "一个数据库 / one database", [new DatabaseView(TownshipTenancy.PlatformDatabase, [], [])]);
        }

        var placements = await platform.Query<TownshipPlacement>().ToListAsync(ct);
        var views = tenancy.Databases.Keys.Select(id => new DatabaseView(
                id,
                placements.Where(p => p.Database == id).Select(p => p.Id).Order(StringComparer.Ordinal).ToList(),
                _configured.TryGetValue(id, out var configured) ? configured.Counties : []))
            .ToList();
        return new DatabasesView(true, PlacementRule.Description, views);
    }
}
