using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Modular.Host.Townships;

/// <summary>
/// Looks townships up by slug on every township request. Cached briefly: a change made on this instance evicts its
/// entry at once (enablement takes effect on the next request); another instance sees it when its entry expires.
/// </summary>
internal sealed class TownshipDirectory(IDocumentStore store, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<TownshipRecord?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var key = CacheKey(slug);
        if (cache.TryGetValue(key, out TownshipRecord? cached))
        {
            return cached;
        }

        await using var session = store.QuerySession();
        var record = await session.LoadAsync<TownshipRecord>(TownshipRecord.StreamId(slug), cancellationToken);
        cache.Set(key, record, Lifetime);
        return record;
    }

    /// <summary>
    /// The townships of <paramref name="slugs"/> that exist, by county and code, each from the cache: what a signed-in
    /// user's pages show to switch between the townships they hold roles in, without reading every township on every page.
    /// </summary>
    public async Task<IReadOnlyList<TownshipRecord>> FindAsync(IEnumerable<string> slugs, CancellationToken cancellationToken)
    {
        var found = new List<TownshipRecord>();
        foreach (var slug in slugs)
        {
            if (await FindAsync(slug, cancellationToken) is { } record)
            {
                found.Add(record);
            }
        }

        return [.. found.OrderBy(t => t.CountyCode, StringComparer.Ordinal).ThenBy(t => t.Code, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<TownshipRecord>> AllAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<TownshipRecord>().OrderBy(t => t.CountyCode).ThenBy(t => t.Code).ToListAsync(cancellationToken);
    }

    public void Evict(string slug) => cache.Remove(CacheKey(slug));

    private static string CacheKey(string slug) => "township:" + slug.ToLowerInvariant();
}
