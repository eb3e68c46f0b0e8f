using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Modular.Contracts.Portal;
using Modular.Host.Portal;

namespace Modular.Host.UnitTests;

/// <summary>What varies a public page's cache entry: the query keys the page or endpoint reads, found from what it binds.</summary>
public sealed class PublicPageQueryKeysTests
{
    private sealed class ListingPage : ComponentBase
    {
        [SupplyParameterFromQuery(Name = "page"), PublicPageKey(PublicPageValue.PageNumber)] public string? PageText { get; set; }

        [SupplyParameterFromQuery] public string? Category { get; set; }

        [Parameter] public string? Township { get; set; }
    }

    private static Endpoint Endpoint(string pattern, params object[] metadata) =>
        new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection(metadata), pattern);

    [Fact]
    public void A_page_varies_by_its_query_parameters_only()
    {
        var keys = PublicPageQueryKeys.Of(Endpoint("/t/{township}/portal", new ComponentTypeMetadata(typeof(ListingPage))));
        Assert.Equal([new QueryKey("Category", PublicPageValue.AsGiven), new QueryKey("page", PublicPageValue.PageNumber)], keys);
    }

    private static void Handler(Guid id, [PublicPageKey(PublicPageValue.SearchWords)] string? q, int? page, [FromQuery(Name = "cat")] string? category, DateOnly? from, [FromHeader] string? agent, TimeProvider time, HttpContext http, CancellationToken ct)
    {
    }

    [Fact]
    public void An_endpoint_varies_by_the_simple_parameters_not_in_its_route_and_what_it_reads_from_the_query()
    {
        var keys = PublicPageQueryKeys.Of(Endpoint("/api/t/{township}/items/{id:guid}", typeof(PublicPageQueryKeysTests).GetMethod(nameof(Handler), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!));
        Assert.Equal(["cat", "from", "page", "q"], keys.Select(k => k.Name));
        Assert.Equal(PublicPageValue.SearchWords, keys.Single(k => k.Name == "q").Value);
    }

    [Fact]
    public void An_endpoint_that_reads_nothing_from_the_query_varies_by_nothing() =>
        Assert.Empty(PublicPageQueryKeys.Of(Endpoint("/api/t/{township}/feed.atom")));
}

/// <summary>The canonical values a public page's cache entry is kept under, and the page reads.</summary>
public sealed class PublicPageValuesTests
{
    [Theory]
    [InlineData(null, "1")]
    [InlineData("", "1")]
    [InlineData("x", "1")]
    [InlineData("-3", "1")]
    [InlineData("0002", "2")]
    [InlineData(" 7 ", "7")]
    [InlineData("99999", "1000")]
    [InlineData("99999999999999999999", "1")]
    public void A_page_number_is_one_of_a_thousand(string? given, string canonical) =>
        Assert.Equal(canonical, PublicPageValues.Canonical(PublicPageValue.PageNumber, given));

    [Theory]
    [InlineData("低保  林权", "低保 林权")]
    [InlineData(" 低保，林权 ", "低保 林权")]
    [InlineData("低保\u3000林权、低保", "低保 林权")]
    [InlineData("LinQuan 低保", "linquan 低保")]
    [InlineData("一 二 三 四 五 六", "一 二 三 四 五")]
    [InlineData("   ", "")]
    public void Search_words_are_split_once_lower_cased_and_at_most_five(string given, string canonical) =>
        Assert.Equal(canonical, PublicPageValues.Canonical(PublicPageValue.SearchWords, given));

    [Fact]
    public void A_search_word_is_cut_to_thirty_characters() =>
        Assert.Equal(new string('字', PublicPageValues.MaxWordLength), PublicPageValues.Canonical(PublicPageValue.SearchWords, new string('字', 40)));
}
