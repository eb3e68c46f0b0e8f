namespace Modular.Contracts.Portal;

/// <summary>
/// Public pages (a portal, a feed) are cached for anonymous visitors by the host. A page or endpoint opts in with
/// the output-cache policy <see cref="Policy"/>; the cache is kept per township and language, and emptied for a
/// township when a module calls <see cref="IPublicPageCache.EvictAsync"/> (for example when something is published).
/// </summary>
public static class PublicPages
{
    /// <summary>The output-cache policy name: <c>[OutputCache(PolicyName = PublicPages.Policy)]</c> or <c>.CacheOutput(PublicPages.Policy)</c>.</summary>
    public const string Policy = "public-pages";
}

/// <summary>Empties the current township's cached public pages, so the next visitor sees what was just published.</summary>
public interface IPublicPageCache
{
    Task EvictAsync(CancellationToken cancellationToken);
}
