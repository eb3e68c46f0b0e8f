using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

[Collection(NotebookPlatformCollection.Name)]
public sealed class TownshipAdministrationTests(NotebookPlatform platform)
{
    [Fact]
    public async Task A_township_with_bad_fields_is_refused_naming_each_field()
    {
        var admin = await platform.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/townships", new { slug = "Bad Slug!", name = "", code = "52052710", countyCode = "5205", countyName = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "slug", "name", "code", "countyCode", "countyName" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    [Fact]
    public async Task A_second_township_with_the_same_slug_or_code_is_a_conflict()
    {
        var admin = await platform.AdminClientAsync();
        var slug = Scenario.UniqueSlug();
        var code = Scenario.UniqueCode();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/townships", new { slug, name = "甲镇", code, countyCode = "520527", countyName = "赫章县" })).StatusCode);

        var sameSlug = await admin.PostAsJsonAsync("/api/admin/townships", new { slug, name = "乙镇", code = Scenario.UniqueCode(), countyCode = "520527", countyName = "赫章县" });
        var sameCode = await admin.PostAsJsonAsync("/api/admin/townships", new { slug = Scenario.UniqueSlug(), name = "丙镇", code, countyCode = "520527", countyName = "赫章县" });

        Assert.Equal(HttpStatusCode.Conflict, sameSlug.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, sameCode.StatusCode);
    }

    [Fact]
    public async Task A_township_code_must_belong_to_its_county()
    {
        var admin = await platform.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/townships", new { slug = Scenario.UniqueSlug(), name = "外县镇", code = "520102001000", countyCode = "520527", countyName = "赫章县" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Unreadable_json_is_a_400_problem_not_a_500()
    {
        var admin = await platform.AdminClientAsync();

        var response = await admin.PostAsync("/api/admin/townships", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Granting_a_role_no_module_defines_is_refused()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin);
        var userName = await Scenario.CreateUserAsync(admin, slug, "township-admin");

        var response = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/grants", new { grants = new Dictionary<string, string[]> { [slug] = ["no.such.role"] } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Every_stored_event_carries_the_acting_user_and_the_correlation_id_shown_in_the_audit_trail()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, "notebook");
        var userName = await Scenario.CreateUserAsync(admin, slug, "notebook.clerk", "township-admin");
        var clerk = await platform.SignedInClientAsync(userName, Scenario.Password);
        var correlation = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, Notebook.Matters(slug)) { Content = JsonContent.Create(new { title = "法律顾问审查意见", openedOn = Notebook.Today(platform) }) };
        request.Headers.Add("X-Correlation-Id", correlation);

        Assert.Equal(HttpStatusCode.Created, (await clerk.SendAsync(request)).StatusCode);

        var audit = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/audit");
        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal(userName, entry.GetProperty("by").GetString());
        Assert.Equal(correlation, entry.GetProperty("correlationId").GetString());
        Assert.Contains(correlation, await clerk.GetStringAsync($"/t/{slug}/admin"));
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document_and_health_endpoints_answer()
    {
        var client = platform.AnonymousClient();

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/admin/townships", openApi);
        Assert.Contains("/api/t/{township}/notebook/matters", openApi);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("plugins").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await platform.CreateClient().GetAsync("/api-reference")).StatusCode);
    }
}
