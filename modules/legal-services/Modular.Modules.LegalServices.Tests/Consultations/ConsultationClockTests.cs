using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.LegalServices.Tests.Consultations.ConsultationScenario;

namespace Modular.Modules.LegalServices.Tests.Consultations;

/// <summary>
/// The letter's 7 working days (counted by the statutory clock across the official holidays), the online message's 24
/// hours, a township's shorter setting, and the due list and dashboard that show them.
/// </summary>
[Collection(LegalServicesCollection.Name)]
public sealed class ConsultationClockTests(LegalServicesPlatform platform)
{
    private static string DueOn(JsonElement c) => c.GetProperty("deadline").GetProperty("dueOn").GetString()!;

    [Fact]
    public async Task A_letter_received_before_the_2020_Spring_Festival_is_due_seven_working_days_later_after_the_extended_holiday()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk);
        // 01-23 is the first working day; 01-24..02-02 are rest days; then 02-03..02-07 and 02-10.
        Assert.Equal("2020-02-10", DueOn(await RegisterAsync(clerk, slug, "2020-01-22T10:00", "Letter")));
    }

    [Fact]
    public async Task A_letter_received_before_National_Day_2020_counts_the_make_up_Saturday_and_a_shorter_township_setting_applies_to_later_letters()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk, LegalServicesPlatform.Reader);
        var before = await RegisterAsync(clerk, slug, "2020-09-30T10:00", "Letter");
        // 10-01..10-08 are rest days; 10-09 (Fri) and 10-10 (Saturday, a make-up workday) count, then 10-12..10-16.
        Assert.Equal("2020-10-16", DueOn(before));

        var longer = await clerk.PostAsJsonAsync($"{Api(slug)}/settings", new { version = 0, letterDays = 10, letterUnit = "WorkingDays", onlineReplyHours = 48 });
        var errors = await ErrorsAsync(longer);
        Assert.True(errors.TryGetProperty("letter.length", out _));
        Assert.True(errors.TryGetProperty("onlineReplyHours", out _));
        var set = await clerk.PostAsJsonAsync($"{Api(slug)}/settings", new { version = 0, letterDays = 5, letterUnit = "WorkingDays", onlineReplyHours = 12 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var stale = await clerk.PostAsJsonAsync($"{Api(slug)}/settings", new { version = 0, letterDays = 6, letterUnit = "WorkingDays", onlineReplyHours = 12 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal("2020-10-14", DueOn(await RegisterAsync(clerk, slug, "2020-09-30T11:00", "Letter")));
        // The letter received before the change keeps the period it arrived under.
        Assert.Equal("2020-10-16", DueOn((await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}/{before.GetProperty("id").GetGuid()}"))));
        var online = await RegisterAsync(clerk, slug, "2020-09-30T20:15", "Online");
        Assert.Equal("2020-10-01", DueOn(online));
    }

    [Fact]
    public async Task An_online_message_not_answered_within_24_hours_is_overdue_on_the_register_the_due_list_and_the_dashboard()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk);
        var late = await RegisterAsync(clerk, slug, Now(platform, hoursAgo: 30), "Online");
        var fresh = await RegisterAsync(clerk, slug, Now(platform, hoursAgo: 2), "Online");
        Assert.True(late.GetProperty("deadline").GetProperty("overdue").GetBoolean());
        Assert.False(fresh.GetProperty("deadline").GetProperty("overdue").GetBoolean());

        var overdue = await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}?overdue=true");
        Assert.Equal(late.GetProperty("number").GetString(), Assert.Single(overdue.GetProperty("rows").EnumerateArray()).GetProperty("number").GetString());

        var home = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        var due = home.GetProperty("dueItems").EnumerateArray().Select(i => i.GetRawText()).ToList();
        Assert.Contains(due, i => i.Contains(late.GetProperty("number").GetString()!, StringComparison.Ordinal));
        var figure = home.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("label").GetString() == "超期未办的法律咨询");
        Assert.Equal("1", figure.GetProperty("value").GetString());
        Assert.True(figure.GetProperty("attention").GetBoolean());

        // Answered late: no longer overdue, and the record says it missed its hours.
        var answered = await StepAsync(clerk, slug, late, "answer", new() { ["at"] = Now(platform), ["answer"] = "已答复" });
        Assert.False(answered.GetProperty("deadline").GetProperty("overdue").GetBoolean());
        Assert.False(answered.GetProperty("deadline").GetProperty("met").GetBoolean());
        Assert.Equal(0, (await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}?overdue=true")).GetProperty("total").GetInt64());
    }
}
