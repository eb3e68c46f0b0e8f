using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>Sessions held on the server: a cookie is only as good as the session it names.</summary>
public sealed class SessionTests(SessionTests.Platform platform) : IClassFixture<SessionTests.Platform>
{
    public sealed class Platform() : SecurityPlatform;

    [Fact]
    public async Task After_signing_out_the_old_cookie_is_refused()
    {
        var cookie = await SignInAsync("admin", PlatformFactory.AdminPassword, "10.20.0.1");
        Assert.Equal(HttpStatusCode.OK, (await Me(cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Post, "/api/auth/logout", cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(cookie)).StatusCode);
    }

    [Fact]
    public async Task A_password_change_ends_the_users_other_sessions_and_keeps_this_one()
    {
        var admin = await platform.AdminClientAsync();
        var userName = await Scenario.CreateUserAsync(admin, await Scenario.CreateTownshipAsync(admin), "township-admin");
        var phone = await SignInAsync(userName, Scenario.Password, "10.21.0.1");
        var office = await SignInAsync(userName, Scenario.Password, "10.21.0.2");

        var changed = await Send(HttpMethod.Post, "/api/auth/password", office, JsonContent.Create(new { currentPassword = Scenario.Password, newPassword = "Other-Passw0rd" }));

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Me(office)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(phone)).StatusCode);
    }

    [Fact]
    public async Task A_user_sees_their_sessions_with_address_and_browser_and_ends_one()
    {
        var admin = await platform.AdminClientAsync();
        var userName = await Scenario.CreateUserAsync(admin, await Scenario.CreateTownshipAsync(admin), "township-admin");
        var other = await SignInAsync(userName, Scenario.Password, "10.22.0.1", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36");
        var mine = await SignInAsync(userName, Scenario.Password, "10.22.0.2");

        var sessions = await (await Send(HttpMethod.Get, "/api/auth/sessions", mine)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, sessions.GetArrayLength());
        var theOther = sessions.EnumerateArray().Single(s => !s.GetProperty("current").GetBoolean());
        Assert.Equal("10.22.0.1", theOther.GetProperty("address").GetString());
        Assert.Equal("Chrome · Windows", theOther.GetProperty("browser").GetString());
        Assert.True(theOther.TryGetProperty("signedInAt", out _));

        var id = theOther.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await Send(HttpMethod.Delete, $"/api/auth/sessions/{id}", mine)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Me(other)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Me(mine)).StatusCode);
        Assert.Single((await (await Send(HttpMethod.Get, "/api/auth/sessions", mine)).Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());

        var page = await (await Send(HttpMethod.Get, "/account/sessions", mine)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"sessions\"", page, StringComparison.Ordinal);
        Assert.Contains("10.22.0.2", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_ends_a_session_that_is_not_theirs()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin);
        var victim = await SignInAsync(await Scenario.CreateUserAsync(admin, slug, "township-admin"), Scenario.Password, "10.23.0.1");
        var intruder = await SignInAsync(await Scenario.CreateUserAsync(admin, slug, "township-admin"), Scenario.Password, "10.23.0.2");
        var victimSession = (await (await Send(HttpMethod.Get, "/api/auth/sessions", victim)).Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await Send(HttpMethod.Delete, $"/api/auth/sessions/{victimSession}", intruder)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Me(victim)).StatusCode);
    }

    [Fact]
    public async Task Every_user_reaches_the_password_and_session_pages_from_the_shell()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin);
        var cookie = await SignInAsync(await Scenario.CreateUserAsync(admin, slug, "township-admin"), Scenario.Password, "10.24.0.1");

        var home = await (await Send(HttpMethod.Get, $"/t/{slug}", cookie)).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/account/password\"", home, StringComparison.Ordinal);
        var password = await (await Send(HttpMethod.Get, "/account/password", cookie)).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/account/sessions\"", password, StringComparison.Ordinal);
    }

    /// <summary>Signs in and returns the session cookie, to be replayed by hand (as someone who copied it would).</summary>
    private async Task<string> SignInAsync(string userName, string password, string address, string? userAgent = null)
    {
        var client = platform.From(address);
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("modular.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    private Task<HttpResponseMessage> Me(string cookie) => Send(HttpMethod.Get, "/api/auth/me", cookie);

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string cookie, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Cookie", cookie);
        return platform.From("10.99.0.1").SendAsync(request);
    }
}
