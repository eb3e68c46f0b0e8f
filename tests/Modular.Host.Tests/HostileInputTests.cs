using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// What the host refuses for every endpoint, its own and every module's, before the endpoint sees it: a JSON body that
/// is missing or null, text with NUL or control characters anywhere in a body, a query or a form. Each answer is 400
/// problem details naming where; never a 500.
/// </summary>
[Collection(NotebookPlatformCollection.Name)]
public sealed class HostileInputTests(NotebookPlatform platform)
{
    [Fact]
    public async Task Every_endpoint_that_takes_a_json_body_answers_a_null_an_empty_or_a_control_character_body_with_400_problem_details()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, "notebook");
        var everything = await EndpointSweep.EverythingClientAsync(platform, admin, slug);
        var endpoints = EndpointSweep.JsonBodyEndpoints(platform.Services);
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("/api/admin", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Pattern.Contains("notebook", StringComparison.Ordinal));

        var failures = new List<string>();
        foreach (var (body, expectedPath) in new[] { ("null", "$"), ("", "$"), ("  null ", "$"), ("{\"name\":\"a\\u0000b\",\"text\":\"x\"}", "$.name"), ("{\"list\":[\"ok\",\"\\u0001\"]}", "$.list[1]") })
        {
            failures.AddRange(await EndpointSweep.NotRefusedAsync(everything, endpoints, slug, body, expectedPath));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_nul_in_an_anonymous_sign_in_answers_400_naming_the_field_and_a_tab_or_newline_passes()
    {
        var client = platform.AnonymousClient();

        var nul = await client.PostAsync("/api/auth/login", new StringContent("{\"userName\":\"ad\\u0000min\",\"password\":\"x\"}", Encoding.UTF8, "application/json"));
        var tab = await client.PostAsJsonAsync("/api/auth/login", new { userName = "ad\tmin", password = "x\r\ny" });

        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Equal("application/problem+json", nul.Content.Headers.ContentType?.MediaType);
        var problem = (await ProblemAsync(nul))!.Value;
        Assert.Contains("U+0000", problem.GetProperty("errors").GetProperty("$.userName")[0].GetString());
        Assert.True(problem.TryGetProperty("correlationId", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, tab.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_malformed_deeply_nested_or_wrongly_typed_json_answers_400_problem_details()
    {
        var client = platform.AnonymousClient();
        var bodies = new List<byte[]>
        {
            Encoding.UTF8.GetBytes("{\"userName\":\"a_b\",\"password\":\"x\"}").Select(b => b == (byte)'_' ? (byte)0xC3 : b).ToArray(),
            "{\"userName\":\"\\ud800\",\"password\":\"x\"}"u8.ToArray(),
            "{\"userName\":"u8.ToArray(),
            Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            "[1,2,3]"u8.ToArray(),
            "{\"userName\":{\"deep\":true},\"password\":42}"u8.ToArray(),
        };

        foreach (var body in bodies)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            var response = await client.PostAsync("/api/auth/login", content);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 40)]}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_answers_400_naming_its_field_by_json_path_on_the_host_s_and_a_module_s_endpoints()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        var matter = await Notebook.OpenMatterAsync(clerk, slug, "类型", Notebook.Today(platform));
        var close = $"{Notebook.Matters(slug)}/{matter.GetProperty("id").GetGuid()}/close";
        var cases = new (HttpClient Client, string Method, string Path, string Body, string Field)[]
        {
            (clerk, "POST", Notebook.Matters(slug), "{\"title\":{\"x\":1},\"openedOn\":\"2026-01-05\"}", "title"),
            (clerk, "POST", Notebook.Matters(slug), "{\"title\":\"t\",\"openedOn\":5}", "openedOn"),
            (clerk, "POST", close, "{\"version\":\"abc\",\"closedOn\":\"2026-01-05\",\"outcome\":\"x\"}", "version"),
            (admin, "PUT", $"/api/admin/townships/{slug}/modules/{Notebook.Id}", "{\"enabled\":\"yes\"}", "enabled"),
            (admin, "PUT", "/api/admin/users/admin/grants", $"{{\"grants\":{{\"{slug}\":[\"x\",[1]]}}}}", $"grants.{slug}[1]"),
        };

        var failures = new List<string>();
        foreach (var (client, method, path, body, field) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await client.SendAsync(request);
            var problem = await ProblemAsync(response);
            if (response.StatusCode != HttpStatusCode.BadRequest || problem?.GetProperty("errors").TryGetProperty(field, out _) != true)
            {
                failures.Add($"{method} {path} {body}: {(int)response.StatusCode} {problem}");
            }
        }

        var query = await admin.GetAsync("/api/admin/audit?take=many");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.True((await ProblemAsync(query))!.Value.GetProperty("errors").TryGetProperty("take", out _));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_control_character_in_a_query_string_a_route_value_or_a_multipart_file_name_answers_400()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);

        var query = await clerk.GetAsync($"{Notebook.Matters(slug)}?q=a%00b");
        var route = await clerk.PostAsync($"{Notebook.Matters(slug)}/a%01b/close", null);
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "bad\u0001name.xlsx" } };
        var upload = await clerk.PostAsync(Notebook.Matters(slug), form);
        var page = await clerk.GetAsync($"/t/{slug}?q=%00");

        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.True((await ProblemAsync(query))!.Value.GetProperty("errors").TryGetProperty("q", out _));
        Assert.True(route.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)route.StatusCode}");
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.ToString());
    }

    private static async Task<JsonElement?> ProblemAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
