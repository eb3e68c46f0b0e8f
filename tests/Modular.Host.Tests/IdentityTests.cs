using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Identity;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>Identity with a clock of its own: these tests move time forward, so they get a host to themselves.</summary>
public sealed class IdentityTests : IClassFixture<IdentityTests.Platform>
{
    private readonly Platform _platform;

    public IdentityTests(Platform platform) => _platform = platform;

    public sealed class Platform() : PlatformFactory(TestPlugins.NotebookRoot);

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_one()
    {
        var admin = await _platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin);
        var userName = await Scenario.CreateUserAsync(admin, slug, "township-admin");
        var client = _platform.AnonymousClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, userName, "Wrong-Passw0rd")).StatusCode);
        }

        var fifth = await Login(client, userName, "Wrong-Passw0rd");
        Assert.Equal(HttpStatusCode.Locked, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Locked, (await Login(client, userName, Scenario.Password)).StatusCode);

        _platform.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Locked, (await Login(client, userName, Scenario.Password)).StatusCode);

        _platform.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.NoContent, (await Login(client, userName, Scenario.Password)).StatusCode);
    }

    [Fact]
    public async Task A_session_left_idle_for_more_than_thirty_minutes_expires_but_activity_keeps_it_alive()
    {
        var (admin, slug, user) = await _platform.TownshipWithUserAsync([], "township-admin");

        foreach (var _ in Enumerable.Range(0, 3))
        {
            _platform.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/auth/me")).StatusCode);
        }

        _platform.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercase")]
    [InlineData("lowerandnumbers123")]
    [InlineData("UPPER-AND-SYMBOLS")]
    public async Task A_password_needs_eight_characters_from_three_classes(string password)
    {
        var admin = await _platform.AdminClientAsync();

        var response = await admin.PostAsJsonAsync("/api/admin/users", new { userName = Scenario.UniqueSlug("u"), displayName = "测试", password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Theory]
    [InlineData("Abcdefg1")]
    [InlineData("abcdefg1!")]
    [InlineData("乡镇Ab1-xyz")]
    public void Passwords_of_three_classes_and_eight_characters_pass_the_policy(string password) =>
        Assert.Null(PasswordPolicy.Check(password));

    [Fact]
    public async Task The_sign_in_form_refuses_a_post_without_its_antiforgery_token()
    {
        var client = _platform.AnonymousClient();

        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["Form.UserName"] = "admin",
            ["Form.Password"] = PlatformFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("modular.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_sign_in_page_signs_in_with_its_own_token_and_cookie()
    {
        var client = _platform.AnonymousClient();
        var form = await client.GetStringAsync("/signin");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Form.UserName"] = "admin",
            ["Form.Password"] = PlatformFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_user_changes_their_own_password_only_by_giving_the_current_one()
    {
        var (_, _, user) = await _platform.TownshipWithUserAsync([], "township-admin");
        var me = await user.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var userName = me.GetProperty("userName").GetString()!;

        var wrong = await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = "Not-the-0ne", newPassword = "New-Passw0rd" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("currentPassword", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await user.PostAsJsonAsync("/api/auth/password", new { currentPassword = Scenario.Password, newPassword = "New-Passw0rd" })).StatusCode);

        var client = _platform.AnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, userName, Scenario.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Login(client, userName, "New-Passw0rd")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var admin = await _platform.AdminClientAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/auth/me")).StatusCode);
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password });
}
