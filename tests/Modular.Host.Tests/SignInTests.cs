using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>Sign-in under contention and under attack: simultaneous sign-ins, unknown names, locks per account and address.</summary>
public sealed class SignInTests(SignInTests.Platform platform) : IClassFixture<SignInTests.Platform>
{
    public sealed class Platform() : SecurityPlatform;

    [Fact]
    public async Task Sixteen_simultaneous_sign_ins_to_one_account_all_succeed()
    {
        var admin = await platform.AdminClientAsync();
        var userName = await Scenario.CreateUserAsync(admin, await Scenario.CreateTownshipAsync(admin), "township-admin");

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            platform.From($"10.1.0.{i + 1}").PostAsJsonAsync("/api/auth/login", new { userName, password = Scenario.Password })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NoContent, a.StatusCode));
        Assert.All(answers, a => Assert.Contains(a.Headers.GetValues("Set-Cookie"), c => c.StartsWith("modular.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_unknown_name_is_answered_like_a_wrong_password_costs_a_hash_and_locks_alike()
    {
        var admin = await platform.AdminClientAsync();
        var known = await Scenario.CreateUserAsync(admin, await Scenario.CreateTownshipAsync(admin), "township-admin");
        var unknown = Scenario.UniqueSlug("nobody");
        var client = platform.From("10.2.0.1");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var before = platform.Hasher.Verifications;
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = known, password = "Wrong-Passw0rd" });
            var afterKnown = platform.Hasher.Verifications;
            var missing = await client.PostAsJsonAsync("/api/auth/login", new { userName = unknown, password = "Wrong-Passw0rd" });

            Assert.Equal(wrong.StatusCode, missing.StatusCode);
            Assert.Equal(attempt < 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked, missing.StatusCode);
            Assert.Equal(await Comparable(wrong), await Comparable(missing));
            Assert.Equal(wrong.Headers.Contains("Retry-After"), missing.Headers.Contains("Retry-After"));
            Assert.True(afterKnown - before >= 1 && platform.Hasher.Verifications - afterKnown >= 1, "each attempt runs the password hasher");
        }
    }

    [Fact]
    public async Task A_lock_keeps_out_only_the_address_that_earned_it_doubles_on_the_next_run_and_the_admin_lifts_it()
    {
        var admin = await platform.AdminClientAsync();
        var userName = await Scenario.CreateUserAsync(admin, await Scenario.CreateTownshipAsync(admin), "township-admin");
        var attacker = platform.From("203.0.113.7");
        var office = platform.From("10.3.0.1");

        await FailFiveTimes(attacker, userName);
        Assert.Equal(HttpStatusCode.Locked, (await Login(attacker, userName, Scenario.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Login(office, userName, Scenario.Password)).StatusCode);

        // The second run of failures from the same address locks for twice as long: 30 minutes.
        platform.Clock.Advance(TimeSpan.FromMinutes(16));
        await FailFiveTimes(attacker, userName);
        platform.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Locked, (await Login(attacker, userName, Scenario.Password)).StatusCode);

        admin = await platform.AdminClientAsync(); // the first one has been idle past the timeout
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        Assert.True(users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("lockedOut").GetBoolean());
        var unlocked = await admin.PostAsync($"/api/admin/users/{userName}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Equal(1, (await unlocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("locksCleared").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await Login(attacker, userName, Scenario.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/admin/users/{Scenario.UniqueSlug("nobody")}/unlock", null)).StatusCode);
    }

    [Fact]
    public async Task A_locked_answer_says_when_to_come_back()
    {
        var client = platform.From("10.4.0.1");
        var userName = Scenario.UniqueSlug("nobody");

        await FailFiveTimes(client, userName);
        var locked = await Login(client, userName, "Wrong-Passw0rd");

        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Only_the_platform_admin_unlocks_an_account()
    {
        var (admin, _, user) = await platform.TownshipWithUserAsync([], "township-admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsync("/api/admin/users/admin/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/admin/users/admin/unlock", null)).StatusCode);
    }

    private static async Task FailFiveTimes(HttpClient client, string userName)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(attempt < 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked, (await Login(client, userName, "Wrong-Passw0rd")).StatusCode);
        }
    }

    /// <summary>The body without what differs on every request anyway (trace and correlation ids).</summary>
    private static async Task<string> Comparable(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId");
        body.Remove("correlationId");
        return $"{response.Content.Headers.ContentType?.MediaType} {body.ToJsonString()}";
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password });
}
