using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests;

/// <summary>The open-government API against a careless or hostile client: a null body on every endpoint that takes one, a zip bomb on the power-list import.</summary>
[Collection(OpenGovernmentCollection.Name)]
public sealed class HostileInputTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task Every_open_government_endpoint_taking_a_json_body_answers_a_null_or_a_nul_body_with_400_problem_details()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var everything = await EndpointSweep.EverythingClientAsync(platform, admin, slug);
        var endpoints = EndpointSweep.JsonBodyEndpoints(platform.Services).Where(e => e.Pattern.Contains("/open-government/", StringComparison.Ordinal)).ToList();
        Assert.Contains(endpoints, e => e.Pattern.EndsWith("/public/requests", StringComparison.Ordinal));

        var failures = await EndpointSweep.NotRefusedAsync(everything, endpoints, slug, "null", "$");
        failures.AddRange(await EndpointSweep.NotRefusedAsync(platform.AnonymousClient(), endpoints.Where(e => e.Pattern.Contains("/public/", StringComparison.Ordinal)), slug, "{\"name\":\"张\\u0000三\"}", "$.name"));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_zip_bomb_on_the_power_list_import_answers_400_problem_details_with_the_reason_in_its_rows()
    {
        var (_, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerList.PowerListScenario.JudicialOffice);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(ZipBombs.OneHugeCell(400L * 1024 * 1024)), "file", "权责清单.xlsx" },
            { new StringContent("2026-01-01"), "effectiveOn" },
        };

        var response = await judicial.PostAsync($"/api/t/{slug}/open-government/power-list/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var row = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")[0];
        Assert.Contains("32 MB", row.GetProperty("message").GetString());
    }
}
