using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

[Collection(NotebookPlatformCollection.Name)]
public sealed class OperationsTests(NotebookPlatform platform)
{
    [Fact]
    public async Task Each_request_is_logged_once_as_json_with_its_township_module_and_correlation_id_and_never_the_password()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");
        var correlation = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, Notebook.Matters(slug));
        request.Headers.Add("X-Correlation-Id", correlation);

        var response = await clerk.SendAsync(request);

        Assert.Equal(correlation, response.Headers.GetValues("X-Correlation-Id").Single());
        var lines = await LogFiles.EventuallyAsync(platform.LogsPath, l => l.Contains(correlation, StringComparison.Ordinal));

        var requestLine = Assert.Single(lines, l => l.GetProperty("@mt").GetString()!.StartsWith("HTTP", StringComparison.Ordinal));
        Assert.Equal(slug, requestLine.GetProperty("Township").GetString());
        Assert.Equal("notebook", requestLine.GetProperty("Module").GetString());
        Assert.Empty(await LogFiles.LinesAsync(platform.LogsPath, l => l.Contains(Scenario.Password, StringComparison.Ordinal) || l.Contains(PlatformFactory.AdminPassword, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_language_switch_turns_the_shell_to_english_and_back()
    {
        var client = platform.AnonymousClient();
        Assert.Contains("<h1>登录</h1>", await client.GetStringAsync("/signin"));

        var switched = await client.GetAsync("/language/en?returnUrl=/signin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var cookie = switched.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)).Split(';')[0];
        using var english = new HttpRequestMessage(HttpMethod.Get, "/signin");
        english.Headers.Add("Cookie", cookie);

        Assert.Contains("<h1>Sign in</h1>", await (await client.SendAsync(english)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_personal_data_reveal_needs_a_reason_and_is_listed_for_the_township_admin_without_the_clear_value()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");

        var matter = await Notebook.OpenMatterAsync(clerk, slug, "回访事项", Notebook.Today(platform), phone: "13812345678");
        var reveal = $"{Notebook.Matters(slug)}/{matter.GetProperty("id").GetGuid()}/reveal";

        var refused = await clerk.PostAsJsonAsync(reveal, new { field = "PhoneNumber", reason = "" });
        var revealed = await clerk.PostAsJsonAsync(reveal, new { field = "PhoneNumber", reason = "回访当事人" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("13812345678", (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        var page = await admin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("回访当事人", page);
        Assert.Contains("138****5678", page);
        Assert.DoesNotContain("13812345678", page);
    }
}
