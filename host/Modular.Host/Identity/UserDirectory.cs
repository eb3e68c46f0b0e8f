using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Modular.Host.Identity;

/// <summary>Loads the signed-in user on each request; cached briefly and evicted when this instance changes the user.</summary>
internal sealed class UserDirectory(IDocumentStore store, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        var key = CacheKey(userName);
        if (cache.TryGetValue(key, out UserAccount? cached))
        {
            return cached;
        }

        await using var session = store.QuerySession();
        var user = await session.LoadAsync<UserAccount>(UserAccount.StreamId(userName), cancellationToken);
        cache.Set(key, user, Lifetime);
        return user;
    }

    public async Task<IReadOnlyList<UserAccount>> AllAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<UserAccount>().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
    }

    public void Evict(string userName) => cache.Remove(CacheKey(userName));

    private static string CacheKey(string userName) => "user:" + userName.ToLowerInvariant();
}
