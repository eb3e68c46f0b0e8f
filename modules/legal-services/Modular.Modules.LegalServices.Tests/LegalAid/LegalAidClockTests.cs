using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.LegalServices.Tests.LegalAid.LegalAidScenario;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>The relay's clocks on the statutory clock: calendar days across a holiday, a province's shorter setting, the 24 hours of Art 39.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class LegalAidClockTests(LegalServicesPlatform platform)
{
    [Fact]
    public async Task Seven_days_from_the_agencys_receipt_before_national_day_end_on_the_first_working_day_after_the_holiday()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var a = await UnderReviewAsync(liaison, slug, "2024-09-26 10:00", "2024-09-27");

        // 2024-10-04 is a rest day of the National Day holiday (10-01..10-07): the period ends on 10-08 (民法典 Art 203).
        Assert.Equal("2024-10-08", a.GetProperty("decisionDueOn").GetString());
        Assert.Equal("AgencyReceipt", a.GetProperty("decisionClockFrom").GetString());
        var home = await liaison.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        var due = home.GetProperty("dueItems").EnumerateArray().Select(i => i.GetProperty("item")).ToList();
        var decision = Assert.Single(due, i => i.GetProperty("title").GetProperty("chinese").GetString() == "法律援助申请 2024-0001 审查决定");
        Assert.Equal("2024-10-08", decision.GetProperty("dueOn").GetString());
        Assert.Contains(home.GetProperty("figures").EnumerateArray(), f => f.GetProperty("label").GetString() == "法律援助申请逾期" && f.GetProperty("value").GetString() == "1");
    }

    [Fact]
    public async Task A_provinces_five_working_days_shorten_the_decision_but_never_reach_past_the_laws_seven_days()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var settings = await head.GetFromJsonAsync<JsonElement>($"{Api(slug)}/settings");
        var longer = await head.PostAsJsonAsync($"{Api(slug)}/settings", Settings(settings.GetProperty("version").GetInt64(), decisionDays: 8, "CalendarDays"));
        Assert.Equal(HttpStatusCode.BadRequest, longer.StatusCode);
        Assert.True((await longer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("decisionDays", out _));

        var set = await head.PostAsJsonAsync($"{Api(slug)}/settings", Settings(settings.GetProperty("version").GetInt64(), decisionDays: 5, "WorkingDays"));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        // From Wednesday 2024-01-31: five working days (Sunday 02-04 is a make-up workday) end on 02-06, a day before the law's 02-07.
        var winter = await UnderReviewAsync(head, slug, "2024-01-30 10:00", "2024-01-31");
        Assert.Equal("2024-02-06", winter.GetProperty("decisionDueOn").GetString());
        // From 2024-09-27 five working days reach 10-10; the law's seven days end on 10-08, and the earlier one holds.
        var autumn = await UnderReviewAsync(head, slug, "2024-09-26 10:00", "2024-09-27");
        Assert.Equal("2024-10-08", autumn.GetProperty("decisionDueOn").GetString());

        var (_, other, otherHead) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var lawful = await UnderReviewAsync(otherHead, other, "2024-01-30 10:00", "2024-01-31");
        Assert.Equal("2024-02-07", lawful.GetProperty("decisionDueOn").GetString());
    }

    [Fact]
    public async Task A_township_that_reads_art_43_from_the_stations_receipt_starts_the_decision_clock_at_the_station()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var version = (await head.GetFromJsonAsync<JsonElement>($"{Api(slug)}/settings")).GetProperty("version").GetInt64();
        var body = Settings(version, 7, "CalendarDays");
        body["decisionClockFrom"] = "StationReceipt";
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"{Api(slug)}/settings", body)).StatusCode);

        var a = await ReceiveAsync(head, slug, Application("2024-03-01 09:30"));
        Assert.Equal("2024-03-08", a.GetProperty("decisionDueOn").GetString());
        a = await StepAsync(head, slug, a, "forwarding", new() { ["at"] = "2024-03-01 15:00" });
        a = await StepAsync(head, slug, a, "agency-receipt", new() { ["on"] = "2024-03-04" });
        Assert.Equal("2024-03-08", a.GetProperty("decisionDueOn").GetString());
        Assert.Equal("2024-03-04", a.GetProperty("agencyReceivedOn").GetString());
    }

    [Fact]
    public async Task A_detained_applicants_request_is_due_at_the_agency_within_24_hours_and_a_later_forwarding_shows_as_late()
    {
        var (_, slug, liaison) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Liaison);
        var body = Application("2024-03-01 09:30");
        body["detained"] = true;
        body["detentionPlace"] = "赫章县看守所";
        body["matter"] = null;
        body["form"] = "CriminalDefence";
        var a = await ReceiveAsync(liaison, slug, body);

        var clock = Assert.Single(a.GetProperty("clocks").EnumerateArray());
        Assert.Equal("DetainedForwarding", clock.GetProperty("kind").GetString());
        Assert.Equal(DateTimeOffset.Parse("2024-03-02T09:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture), clock.GetProperty("dueAt").GetDateTimeOffset());
        a = await StepAsync(liaison, slug, a, "forwarding", new() { ["at"] = "2024-03-02 15:30" });
        Assert.True(a.GetProperty("forwardedLate").GetBoolean());
    }

    private static Dictionary<string, object?> Settings(long version, int decisionDays, string unit) => new()
    {
        ["version"] = version,
        ["decisionDays"] = decisionDays,
        ["decisionUnit"] = unit,
        ["assignmentDays"] = 3,
        ["assignmentUnit"] = "CalendarDays",
        ["objectionDays"] = 5,
        ["objectionUnit"] = "CalendarDays",
        ["materialsReplyDays"] = 15,
        ["followUpDays"] = 30,
        ["decisionClockFrom"] = "AgencyReceipt",
        ["agency"] = "赫章县法律援助中心",
        ["justiceBureau"] = "赫章县司法局",
    };
}
