using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Modular.Contracts.Portal;
using Modular.Contracts.Townships;
using Modular.Host.Townships;

namespace Modular.Host.Portal;

/// <summary>
/// Caches public pages for anonymous visitors, per township, language and query, for a minute at most; a module
/// empties a township's entries when it publishes. Signed-in users always get fresh pages. The cache sits after the
/// module gate in the pipeline, so a module disabled for a township is never served from it.
/// </summary>
internal sealed class PublicPagesPolicy : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static string Tag(string township) => $"public:{township}";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        cacheable &= http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        if (http.RequestServices.GetRequiredService<TownshipContext>().Current is { } township)
        {
            context.Tags.Add(Tag(township.Slug));
        }

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

/// <summary>Empties the current township's cached public pages.</summary>
internal sealed class PublicPageCache(IOutputCacheStore store, ITownshipContext township) : IPublicPageCache
{
    public async Task EvictAsync(CancellationToken cancellationToken) =>
        await store.EvictByTagAsync(PublicPagesPolicy.Tag(township.Required.Slug), cancellationToken);
}
