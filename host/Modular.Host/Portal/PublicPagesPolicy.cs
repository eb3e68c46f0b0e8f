using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Modular.Contracts.Portal;
using Modular.Contracts.Townships;
using Modular.Host.Townships;

namespace Modular.Host.Portal;

/// <summary>
/// Caches public pages for anonymous visitors, per township, language and the query keys the page reads, for a minute
/// at most; a module empties a township's entries when it publishes. Signed-in users always get fresh pages. The cache
/// sits after the module gate in the pipeline, so a module disabled for a township is never served from it.
/// What varies is bounded: a key the page does not read varies nothing (<see cref="PublicPageQueryKeys"/>), a key it
/// reads varies by its canonical value (<see cref="PublicPageValues"/>: a page number is one of 1,000, search words are
/// lower-cased and split the one way the page splits them), and an address whose keys repeat or whose values are longer
/// than <see cref="MaxVaryingValue"/> is answered fresh and not kept, so random query strings cannot fill the cache
/// and push out the pages people read.
/// </summary>
internal sealed class PublicPagesPolicy : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Longer than any page number, category or certificate number a page is addressed by; a search of more is not kept.</summary>
    public const int MaxVaryingValue = 64;

    /// <summary>Carried by every entry, so an instance that missed notifications can empty them all at once.</summary>
    public const string AllTag = "public";

    public static string Tag(string township) => $"public:{township}";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        cacheable &= http.User.Identity?.IsAuthenticated != true;
        var keys = http.GetEndpoint() is { } endpoint ? PublicPageQueryKeys.Of(endpoint) : [];
        foreach (var key in keys)
        {
            var values = http.Request.Query[key.Name];
            cacheable &= values.Count <= 1 && (values.Count == 0 || values[0]!.Length <= MaxVaryingValue);
            // By the value the page answers from, not as typed: ?page=01 and ?page=1 are one entry, and so are all the
            // spellings of the same search words.
            context.CacheVaryByRules.VaryByValues["?" + key.Name] = PublicPageValues.Canonical(key.Value, values.Count == 1 ? values[0] : null);
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        if (http.RequestServices.GetRequiredService<TownshipContext>().Current is { } township)
        {
            context.Tags.Add(Tag(township.Slug));
        }

        context.Tags.Add(AllTag);

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        // Only plain successes are shared: never an error, a redirect, or a response that sets a cookie (antiforgery).
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Empties the current township's cached public pages, on this instance at once and on every other one through the invalidation channel.</summary>
internal sealed class PublicPageCache(Caching.CacheInvalidation invalidation, ITownshipContext township) : IPublicPageCache
{
    public async Task EvictAsync(CancellationToken cancellationToken) =>
        await invalidation.AnnounceAsync(Caching.CacheChange.ForPublicPages(township.Required.Slug), cancellationToken);
}
