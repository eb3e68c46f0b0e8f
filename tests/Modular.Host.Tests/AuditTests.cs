using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Modular.Contracts.PersonalData;
using Modular.Host.Identity.Audit;
using Modular.Host.Tests.Infrastructure;
using Modular.Host.Townships;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>The platform audit trail: what it records, who reads it, how it is filtered, and how long it keeps entries.</summary>
public sealed class AuditTests(AuditTests.Platform platform) : IClassFixture<AuditTests.Platform>
{
    public sealed class Platform() : SecurityPlatform;

    [Fact]
    public async Task Sign_ins_failures_lockouts_role_changes_revocations_and_exports_are_recorded_with_address_and_outcome()
    {
        var admin = await platform.SignedInFromAsync("admin", Modular.Testing.PlatformFactory.AdminPassword, "10.30.0.1");
        var slug = await Scenario.CreateTownshipAsync(admin);
        var userName = await Scenario.CreateUserAsync(admin, slug, "township-admin");
        var stranger = platform.From("198.51.100.9");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await stranger.PostAsJsonAsync("/api/auth/login", new { userName, password = "Wrong-Passw0rd" });
        }

        var user = await platform.SignedInFromAsync(userName, Scenario.Password, "10.30.0.2");
        Assert.Equal(HttpStatusCode.NoContent, (await user.PostAsync("/api/auth/logout", null)).StatusCode);
        await RecordExportAsync(slug);

        var entries = await Audit(admin, $"user={userName}");
        Assert.Contains(entries, e => e.Is("sign-in", "failure") && e.Address == "198.51.100.9" && e.UserName == userName);
        Assert.Contains(entries, e => e.Is("lockout", "success") && e.Address == "198.51.100.9");
        Assert.Contains(entries, e => e.Is("sign-in", "success") && e.Address == "10.30.0.2");
        Assert.Contains(entries, e => e.Is("sign-out", "success") && e.Address == "10.30.0.2");
        Assert.Contains(entries, e => e.Is("roles-granted", "success") && e.UserName == "admin" && e.Target == userName && e.Address == "10.30.0.1");
        Assert.Contains(entries, e => e.Is("user-created", "success") && e.Target == userName);
        Assert.All(entries, e => Assert.NotEqual(default, e.At));
        Assert.Contains(await Audit(admin, "event=export"), e => e.Detail!.Contains(slug, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_trail_is_filtered_by_user_event_and_period_and_only_the_platform_admin_reads_it()
    {
        var (admin, _, user) = await platform.TownshipWithUserAsync([], "township-admin");
        var userName = (await user.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("userName").GetString()!;

        var signIns = await Audit(admin, $"user={userName}&event=sign-in");
        Assert.NotEmpty(signIns);
        Assert.All(signIns, e => Assert.Equal("sign-in", e.Event));
        Assert.All(signIns, e => Assert.True(e.UserName == userName || e.Target == userName));

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(platform.Clock.GetUtcNow(), Modular.Kit.TownshipTime.Zone).DateTime);
        Assert.NotEmpty(await Audit(admin, $"user={userName}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        Assert.Empty(await Audit(admin, $"user={userName}&to={today.AddDays(-1):yyyy-MM-dd}"));

        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.AnonymousClient().GetAsync("/api/admin/audit")).StatusCode);
        var page = await admin.GetStringAsync($"/admin/audit?user={userName}");
        Assert.Contains("id=\"audit\"", page, StringComparison.Ordinal);
        Assert.Contains(userName, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_background_purge_drops_entries_older_than_the_retention_period_and_keeps_the_rest()
    {
        Assert.Contains(platform.Services.GetServices<IHostedService>(), s => s is AuditRetention);
        var oldUser = Scenario.UniqueSlug("old");
        await platform.From("10.31.0.1").PostAsJsonAsync("/api/auth/login", new { userName = oldUser, password = "Wrong-Passw0rd" });

        platform.Clock.Advance(TimeSpan.FromDays(181));
        var newUser = Scenario.UniqueSlug("new");
        await platform.From("10.31.0.1").PostAsJsonAsync("/api/auth/login", new { userName = newUser, password = "Wrong-Passw0rd" });
        Assert.True(await platform.Services.GetRequiredService<AuditRetention>().PurgeAsync(CancellationToken.None) >= 1);

        var admin = await platform.AdminClientAsync();
        Assert.Empty(await Audit(admin, $"user={oldUser}"));
        Assert.NotEmpty(await Audit(admin, $"user={newUser}"));
    }

    private async Task RecordExportAsync(string slug)
    {
        using var scope = platform.Services.CreateScope();
        var record = await scope.ServiceProvider.GetRequiredService<TownshipDirectory>().FindAsync(slug, CancellationToken.None);
        scope.ServiceProvider.GetRequiredService<TownshipContext>().Set(record!);
        await scope.ServiceProvider.GetRequiredService<IPersonalDataGuard>().RecordFullExportAsync("测试导出", 3, "年度核查", CancellationToken.None);
    }

    private static async Task<List<Entry>> Audit(HttpClient admin, string query) =>
        (await admin.GetFromJsonAsync<List<Entry>>($"/api/admin/audit?{query}"))!;

    private sealed record Entry(DateTimeOffset At, string UserName, string? Target, string Address, string Event, string Outcome, string? Detail)
    {
        public bool Is(string @event, string outcome) => Event == @event && Outcome == outcome;
    }
}
