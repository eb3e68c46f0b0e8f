using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Modular.Host.Portal;

namespace Modular.Host.UnitTests;

/// <summary>What varies a public page's cache entry: the query keys the page or endpoint reads, found from what it binds.</summary>
public sealed class PublicPageQueryKeysTests
{
    private sealed class ListingPage : ComponentBase
    {
        [SupplyParameterFromQuery(Name = "page")] public string? PageText { get; set; }

        [SupplyParameterFromQuery] public string? Category { get; set; }

        [Parameter] public string? Township { get; set; }
    }

    private static Endpoint Endpoint(string pattern, params object[] metadata) =>
        new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection(metadata), pattern);

    [Fact]
    public void A_page_varies_by_its_query_parameters_only()
    {
        var keys = PublicPageQueryKeys.Of(Endpoint("/t/{township}/portal", new ComponentTypeMetadata(typeof(ListingPage))));
        Assert.Equal(["Category", "page"], keys);
    }

    private static void Handler(Guid id, string? q, int? page, [FromQuery(Name = "cat")] string? category, DateOnly? from, [FromHeader] string? agent, TimeProvider time, HttpContext http, CancellationToken ct)
    {
    }

    [Fact]
    public void An_endpoint_varies_by_the_simple_parameters_not_in_its_route_and_what_it_reads_from_the_query()
    {
        var keys = PublicPageQueryKeys.Of(Endpoint("/api/t/{township}/items/{id:guid}", typeof(PublicPageQueryKeysTests).GetMethod(nameof(Handler), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!));
        Assert.Equal(["cat", "from", "page", "q"], keys);
    }

    [Fact]
    public void An_endpoint_that_reads_nothing_from_the_query_varies_by_nothing() =>
        Assert.Empty(PublicPageQueryKeys.Of(Endpoint("/api/t/{township}/feed.atom")));
}
