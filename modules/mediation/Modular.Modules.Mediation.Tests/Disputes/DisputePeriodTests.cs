using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Disputes.DisputeScenario;

namespace Modular.Modules.Mediation.Tests.Disputes;

/// <summary>The township's local periods through the API: each says its unit, and every date is the statutory clock's.</summary>
[Collection(MediationCollection.Name)]
public sealed class DisputePeriodTests(MediationPlatform platform)
{
    [Fact]
    public async Task Settings_say_calendar_days_until_the_center_head_chooses_working_days_and_the_target_then_skips_National_Day()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);
        var mediator = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Mediator), Scenario.Password);
        var before = await head.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/settings");
        Assert.Equal(("CalendarDays", 3, "CalendarDays"), (before.GetProperty("targetUnit").GetString(), before.GetProperty("leadOpenDays").GetInt32(), before.GetProperty("leadOpenUnit").GetString()));

        var practice = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/settings/practice",
            new { version = 0, targetDays = 10, targetUnit = "WorkingDays", followUpDays = 30, leadOpenDays = 2, leadOpenUnit = "WorkingDays" });

        Assert.True(practice.StatusCode == HttpStatusCode.OK, await practice.Content.ReadAsStringAsync());
        var after = await practice.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("WorkingDays", "CalendarDays", 2, "WorkingDays"),
            (after.GetProperty("targetUnit").GetString(), after.GetProperty("followUpUnit").GetString(), after.GetProperty("leadOpenDays").GetInt32(), after.GetProperty("leadOpenUnit").GetString()));
        // Friday 26 September 2025: 28 Sep (a Sunday worked), 29, 30 Sep, 9, 10, 11 (a Saturday worked), 13–16 Oct.
        var dispute = await GetAsync(mediator, slug, await TakeInAsync(mediator, slug, "2025-09-26"));
        Assert.Equal("2025-10-16", dispute.GetProperty("targetOn").GetString());
        Assert.False(dispute.GetProperty("targetOnProvisional").GetBoolean());
    }

    [Fact]
    public async Task A_period_of_an_unknown_unit_is_refused_by_its_field()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([MediationPlatform.Module], CenterHead);

        var refused = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/settings/practice", new { version = 0, targetDays = 30, targetUnit = "Weeks", followUpDays = 30 });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("targetUnit", (await ErrorsAsync(refused)).Keys);
    }

    [Fact]
    public async Task A_target_reaching_into_a_year_without_a_holiday_notice_is_marked_provisional_on_the_record_and_its_page()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        // The 30th day is 1 January 2027: provisional for as long as the host ships no notice for 2027.
        var id = await TakeInAsync(mediator, slug, "2026-12-02");
        var expected = !OfficialClock.On(new(2026, 12, 2)).ConfiguredYears.Contains(2027);

        var dispute = await GetAsync(mediator, slug, id);

        Assert.StartsWith("2027-01-", dispute.GetProperty("targetOn").GetString(), StringComparison.Ordinal);
        Assert.Equal(expected, dispute.GetProperty("targetOnProvisional").GetBoolean());
        Assert.Equal(expected, (await mediator.GetStringAsync($"/t/{slug}/mediation/disputes/{id}")).Contains("data-provisional=\"true\"", StringComparison.Ordinal));
    }
}
