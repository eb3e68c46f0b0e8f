using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.LegalServices.Tests.LegalAid.LegalAidScenario;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>Art 39's 24 hours as a township setting: hours from the station's instant, shortened, never lengthened.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class LegalAidForwardingHoursTests(LegalServicesPlatform platform)
{
    [Fact]
    public async Task A_township_that_forwards_within_12_hours_puts_the_detained_applicants_clock_and_due_item_on_its_hours_and_may_not_ask_for_48()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var settings = await head.GetFromJsonAsync<JsonElement>($"{Api(slug)}/settings");
        Assert.Equal(24, settings.GetProperty("detainedForwardingHours").GetInt32());
        var version = settings.GetProperty("version").GetInt64();

        var longer = await head.PostAsJsonAsync($"{Api(slug)}/settings", Settings(version, 48));
        Assert.Equal(HttpStatusCode.BadRequest, longer.StatusCode);
        Assert.True((await longer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("detainedForwardingHours", out _));
        var set = await head.PostAsJsonAsync($"{Api(slug)}/settings", Settings(version, 12));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(12, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detainedForwardingHours").GetInt32());

        var body = Application("2024-03-01 09:30");
        body["detained"] = true;
        body["detentionPlace"] = "赫章县看守所";
        body["matter"] = null;
        body["form"] = "CriminalDefence";
        var a = await ReceiveAsync(head, slug, body);

        var clock = Assert.Single(a.GetProperty("clocks").EnumerateArray());
        Assert.Equal(DateTimeOffset.Parse("2024-03-01T21:30:00+08:00", CultureInfo.InvariantCulture), clock.GetProperty("dueAt").GetDateTimeOffset());
        Assert.False(clock.GetProperty("provisional").GetBoolean());
        var home = await head.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        var item = Assert.Single(home.GetProperty("dueItems").EnumerateArray().Select(i => i.GetProperty("item")),
            i => i.GetProperty("title").GetProperty("chinese").GetString() == $"法律援助申请 {a.GetProperty("number").GetString()} 转交（被羁押人）");
        Assert.Contains("12小时内", item.GetProperty("rule").GetProperty("chinese").GetString(), StringComparison.Ordinal);
        Assert.False(item.GetProperty("isProvisional").GetBoolean());

        // Forwarded the next morning: within the law's 24 hours, past the township's 12.
        a = await StepAsync(head, slug, a, "forwarding", new() { ["at"] = "2024-03-02 08:00" });
        Assert.True(a.GetProperty("forwardedLate").GetBoolean());
    }

    private static Dictionary<string, object?> Settings(long version, int hours) => new()
    {
        ["version"] = version,
        ["decisionDays"] = 7,
        ["decisionUnit"] = "CalendarDays",
        ["assignmentDays"] = 3,
        ["assignmentUnit"] = "CalendarDays",
        ["objectionDays"] = 5,
        ["objectionUnit"] = "CalendarDays",
        ["detainedForwardingHours"] = hours,
        ["materialsReplyDays"] = 15,
        ["followUpDays"] = 30,
        ["decisionClockFrom"] = "AgencyReceipt",
        ["agency"] = "赫章县法律援助中心",
        ["justiceBureau"] = "赫章县司法局",
    };
}
