using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// Where the townships' databases are shown (<c>GET /api/admin/databases</c>, <c>/admin/townships</c>, a township's
/// admin page): only to the county IT admin, and nothing a query string carries changes or breaks the answer.
/// </summary>
[Collection(SeveralDatabasesCollection.Name)]
public sealed class SeveralDatabasesAccessTests(SeveralDatabasesPlatform platform)
{
    private static readonly string[] OddQueries =
    [
        "?database=north",
        "?database=../../etc/passwd&database=platform",
        "?id=%27%3B%20drop%20table%20modular.mt_events%3B--",
        "?township=%E4%B9%A1%E9%95%87&%E2%80%AE=1",
        "?" + new string('a', 4000) + "=" + new string('b', 2000),
        "?a[]=1&a[0][x]=2&__proto__=x",
        "?%ZZ=%G1&&&=",
    ];

    [Fact]
    public async Task Only_the_county_it_admin_sees_the_databases_and_others_get_problem_details()
    {
        var admin = await platform.AdminClientAsync();
        var county = CountyTests.UniqueCounty();
        var slug = await CountyTests.CreateTownshipAsync(admin, county, "分库权限镇");
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
        var officer = await platform.SignedInClientAsync(await CountyTests.CreateCountyOfficerAsync(admin, county), Scenario.Password);
        using var anonymous = platform.AnonymousClient();

        foreach (var (who, client) in new[] { ("clerk", clerk), ("county officer", officer), ("anonymous", anonymous) })
        {
            foreach (var query in OddQueries.Take(3).Prepend(""))
            {
                using var response = await client.GetAsync("/api/admin/databases" + query);
                Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                    $"{who} {query}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain("north", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            foreach (var page in new[] { "/admin/townships", $"/t/{slug}/admin" })
            {
                // Refused, or (anonymous) the sign-in prompt in its place: never the databases or the township list.
                using var response = await client.GetAsync(page);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode is 200 or 302 or 401 or 403 or 404, $"{who} {page}: {(int)response.StatusCode}");
                Assert.DoesNotContain("data-database=", body, StringComparison.Ordinal);
                Assert.DoesNotContain("id=\"township-database\"", body, StringComparison.Ordinal);
                Assert.DoesNotContain("id=\"townships\"", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Odd_query_strings_on_the_databases_api_and_pages_change_nothing_and_control_characters_are_refused()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await CountyTests.CreateTownshipAsync(admin, CountyTests.UniqueCounty(), "分库查询镇");
        var plain = await admin.GetStringAsync("/api/admin/databases");
        var database = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("database").GetString()!;
        foreach (var query in OddQueries)
        {
            using var api = await admin.GetAsync("/api/admin/databases" + query);
            Assert.True(api.StatusCode == HttpStatusCode.OK, $"{query[..Math.Min(query.Length, 40)]}: {(int)api.StatusCode}");
            Assert.Equal(plain, await api.Content.ReadAsStringAsync());
            using var list = await admin.GetAsync("/admin/townships" + query);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.Contains("data-database=\"north\"", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var township = await admin.GetAsync($"/t/{slug}/admin" + query);
            Assert.Equal(HttpStatusCode.OK, township.StatusCode);
            Assert.Contains($"id=\"township-database\">{database}<", await township.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/api/admin/databases", "/admin/townships", $"/t/{slug}/admin", $"/api/admin/townships/{slug}" })
        {
            foreach (var query in new[] { "?database=%00", "?x=a%01b", "?%1F=1" })
            {
                using var response = await admin.GetAsync(path + query);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}{query}: {(int)response.StatusCode}");
                Assert.Equal(path.StartsWith("/api/", StringComparison.Ordinal) ? "application/problem+json" : "text/html", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(plain, await admin.GetStringAsync("/api/admin/databases"));
    }
}
