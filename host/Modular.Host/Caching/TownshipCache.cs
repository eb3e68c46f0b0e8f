using Marten;
using Microsoft.Extensions.Caching.Memory;
using Modular.Contracts.Caching;
using Modular.Contracts.Townships;

namespace Modular.Host.Caching;

/// <summary>The modules' per-township cache: the instance's memory cache, forgotten on every instance through <see cref="CacheInvalidation"/>.</summary>
internal sealed class TownshipCache(IMemoryCache memory, CacheInvalidation invalidation, ITownshipContext township) : ITownshipCache
{
    public static object EntryKey(string township, string key) => (CacheChange.TownshipCacheKind, township.ToLowerInvariant(), key);

    public async Task<T> GetOrCreateAsync<T>(string key, TimeSpan lifetime, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken) =>
        (await memory.GetOrCreateAsync(EntryKey(township.Required.Slug, key), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = lifetime;
            return await create(cancellationToken);
        }))!;

    public void Changed(IDocumentSession session, string key) =>
        invalidation.Announce(session, CacheChange.ForTownshipCache(township.Required.Slug, key));
}
