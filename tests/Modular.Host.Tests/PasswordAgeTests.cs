using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Identity;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>The optional maximum password age: off by default, and when a county turns it on, a prompt until the change.</summary>
public sealed class PasswordAgeTests(PasswordAgeTests.Platform platform) : IClassFixture<PasswordAgeTests.Platform>
{
    public sealed class Platform() : SecurityPlatform(("Modular:Security:PasswordMaximumAgeDays", "90"));

    [Fact]
    public void The_maximum_age_is_off_unless_configured() => Assert.Equal(0, new SecurityOptions().PasswordMaximumAgeDays);

    [Fact]
    public async Task A_password_older_than_the_maximum_age_prompts_a_change_until_it_is_changed()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin);
        var userName = await Scenario.CreateUserAsync(admin, slug, "township-admin");
        var fresh = await platform.SignedInFromAsync(userName, Scenario.Password, "10.40.0.1");
        Assert.False(await ChangeDue(fresh));
        Assert.DoesNotContain("password-change-due", await fresh.GetStringAsync($"/t/{slug}"), StringComparison.Ordinal);

        platform.Clock.Advance(TimeSpan.FromDays(91));
        var old = await platform.SignedInFromAsync(userName, Scenario.Password, "10.40.0.1");
        Assert.True(await ChangeDue(old));
        Assert.Contains("password-change-due", await old.GetStringAsync($"/t/{slug}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await old.PostAsJsonAsync("/api/auth/password", new { currentPassword = Scenario.Password, newPassword = "Newer-Passw0rd" })).StatusCode);
        Assert.False(await ChangeDue(old));
    }

    private static async Task<bool> ChangeDue(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("passwordChangeDue").GetBoolean();
}
