using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>The limits, lowered so a test reaches them: sign-in per account and per address, anonymous writes per address.</summary>
public sealed class RateLimitTests(RateLimitTests.Platform platform) : IClassFixture<RateLimitTests.Platform>
{
    public sealed class Platform() : SecurityPlatform(
        ("Modular:Security:SignInsPerAccountPerMinute", "3"),
        ("Modular:Security:SignInsPerAddressPerMinute", "6"),
        ("Modular:Security:AnonymousWritesPerAddressPerMinute", "10"));

    [Fact]
    public async Task One_account_gets_a_bounded_number_of_sign_in_attempts_a_minute_from_all_addresses_together()
    {
        var userName = Scenario.UniqueSlug("nobody");

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(platform.From($"10.10.0.{i}"), userName)).StatusCode);
        }

        await AssertTooMany(await Login(platform.From("10.10.0.4"), userName));
    }

    [Fact]
    public async Task One_address_gets_a_bounded_number_of_sign_in_attempts_a_minute_across_accounts()
    {
        var client = platform.From("10.11.0.1");

        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(client, Scenario.UniqueSlug("nobody"))).StatusCode);
        }

        await AssertTooMany(await Login(client, Scenario.UniqueSlug("nobody")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(platform.From("10.11.0.2"), Scenario.UniqueSlug("nobody"))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_writes_are_limited_per_address_and_signed_in_writes_are_not()
    {
        var stranger = platform.From("10.12.0.1");
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await stranger.PostAsync("/api/auth/logout", null)).StatusCode);
        }

        var refused = await stranger.PostAsync("/api/auth/logout", null);
        await AssertTooMany(refused);
        Assert.Equal(HttpStatusCode.NoContent, (await platform.From("10.12.0.2").PostAsync("/api/auth/logout", null)).StatusCode);

        var member = await platform.SignedInFromAsync("admin", PlatformFactory.AdminPassword, "10.12.0.3");
        for (var i = 1; i <= 15; i++)
        {
            // Refused for its content (400), never for its rate.
            Assert.Equal(HttpStatusCode.BadRequest, (await member.PostAsJsonAsync("/api/auth/password", new { currentPassword = "x", newPassword = "y" })).StatusCode);
        }
    }

    [Fact]
    public async Task A_page_refused_for_its_rate_answers_429_with_a_readable_page_saying_how_long_to_wait()
    {
        var stranger = platform.From("10.13.0.1");
        HttpResponseMessage page;
        var sent = 0;
        do
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "signin", ["Form.UserName"] = "nobody", ["Form.Password"] = "x" });
            page = await stranger.PostAsync("/signin", form);
        }
        while (page.StatusCode != HttpStatusCode.TooManyRequests && ++sent < 20);

        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var seconds = page.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds > 0);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("请求过于频繁", html, StringComparison.Ordinal);
        Assert.Contains($"请等待 {seconds} 秒后再试 / Please wait {seconds} seconds before trying again.", html, StringComparison.Ordinal);
    }

    private static async Task AssertTooMany(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(429, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string userName) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password = "Wrong-Passw0rd" });
}
