using System.Net;
using System.Net.Http.Json;
using Modular.Testing;
using static Modular.Modules.OpenGovernment.Tests.DisclosureRequests.RequestScenario;

namespace Modular.Modules.OpenGovernment.Tests.DisclosureRequests;

/// <summary>
/// The reply clock counts working days in the 2026 calendar: 09-25..09-27 Mid-Autumn rest, 10-01..10-07 National Day,
/// make-up workday Saturday 10-10 (holidays.md). Every expected date below is counted by hand.
/// </summary>
[Collection(OpenGovernmentCollection.Name)]
public sealed class ReplyClockTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task A_reply_falls_due_20_working_days_after_receipt_skipping_the_holidays_and_counting_the_make_up_Saturday()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");

        var (id, number) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: "2026-09-24"));

        // 09-28,29,30 (3) · 10-08,09 (5) · Sat 10-10 (6) · 10-12..16 (11) · 10-19..23 (16) · 10-26..29 (20)
        var request = await GetAsync(clerk, slug, id);
        Assert.Equal("2026-10-29", Due(request));
        Assert.StartsWith("2026-", number);
    }

    [Fact]
    public async Task A_correction_stops_the_clock_the_corrected_request_restarts_it_a_consultation_pauses_it_and_an_extension_adds_20_working_days()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (id, _) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: "2026-09-24"));

        var awaiting = await StepAsync(clerk, slug, id, "correction-notice", new() { ["noticeOn"] = "2026-09-30", ["items"] = "请写明所需信息的年份和村组" });
        Assert.Equal("AwaitingCorrection", awaiting.GetProperty("state").GetString());
        Assert.Null(Due(awaiting));

        // Restart from Friday 10-09: Sat 10-10 (1) · 10-12..16 (6) · 10-19..23 (11) · 10-26..30 (16) · 11-02..05 (20)
        var restarted = await StepAsync(clerk, slug, id, "corrected-request", new() { ["receivedOn"] = "2026-10-09", ["description"] = "2026年第三村民组危房改造补助发放名单" });
        Assert.Equal("2026-11-05", Due(restarted));

        await StepAsync(clerk, slug, id, "consultations", new() { ["sentOn"] = "2026-10-20", ["thirdParty"] = "赫章县某建筑公司" });
        // The third party answered on 10-22: 10-21 and 10-22 did not count, so two more working days: 11-06, 11-09.
        var resumed = await StepAsync(clerk, slug, id, "consultations/end", new() { ["repliedOn"] = "2026-10-22", ["summary"] = "不同意公开其报价" });
        Assert.Equal("2026-11-09", Due(resumed));

        // 40 working days from 10-09 end on 12-03; the two paused days move it to Monday 12-07.
        var extended = await StepAsync(clerk, slug, id, "extension", new() { ["noticeOn"] = "2026-11-02", ["workingDays"] = 20, ["reason"] = "需调取多个村民组档案" });
        Assert.Equal("2026-12-07", Due(extended));

        var again = await PostStepAsync(clerk, slug, id, "extension", new() { ["noticeOn"] = "2026-11-03", ["workingDays"] = 5, ["reason"] = "再次延期" });
        Assert.Contains("state", (await ErrorsAsync(again)).Keys);
    }

    [Fact]
    public async Task A_third_party_that_never_answers_stops_the_clock_for_its_15_working_days_only()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (id, _) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: "2026-09-24"));

        // Sent 10-20, no answer: the third party's 15 working days end on 11-10 (10-21..23, 10-26..30, 11-02..06, 11-09, 11-10),
        // and those 15 working days move the 10-29 due date to 11-19 (10-30, 11-02..06, 11-09..13, 11-16..19).
        var paused = await StepAsync(clerk, slug, id, "consultations", new() { ["sentOn"] = "2026-10-20", ["thirdParty"] = "赫章县某运输公司" });

        Assert.Equal("2026-11-19", Due(paused));
    }

    [Fact]
    public async Task A_correction_notice_later_than_7_working_days_after_receipt_is_refused()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (id, _) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: "2026-09-24"));

        // 7 working days from 09-24: 09-28,29,30, 10-08,09, Sat 10-10, 10-12.
        var late = await PostStepAsync(clerk, slug, id, "correction-notice", new() { ["noticeOn"] = "2026-10-13", ["items"] = "请写明年份" });
        var inTime = await PostStepAsync(clerk, slug, id, "correction-notice", new() { ["noticeOn"] = "2026-10-12", ["items"] = "请写明年份" });

        Assert.Contains("noticeOn", (await ErrorsAsync(late)).Keys);
        Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        var second = await PostStepAsync(clerk, slug, id, "correction-notice", new() { ["noticeOn"] = "2026-10-12", ["items"] = "再次补正" });
        Assert.Contains("state", (await ErrorsAsync(second)).Keys);
    }

    [Fact]
    public async Task The_day_of_receipt_follows_the_rule_of_each_channel()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");

        var (post, _) = await EnterAsync(clerk, slug, Person("Post", submittedOn: "2026-09-18", signedForOn: "2026-09-22"));
        var (visit, _) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: "2026-09-21"));
        var (fax, _) = await EnterAsync(clerk, slug, Person("Fax", submittedOn: "2026-09-21", confirmedOn: "2026-09-23"));
        var (letter, _) = await EnterAsync(clerk, slug, Person("OrdinaryLetter", submittedOn: null, confirmedOn: "2026-09-24"));
        var unsigned = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests", Person("Post", submittedOn: "2026-09-18", signedForOn: null));
        var unconfirmed = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests", Person("Email", submittedOn: "2026-09-18"));

        Assert.Equal("2026-09-22", (await GetAsync(clerk, slug, post)).GetProperty("receivedOn").GetString()); // signed for
        Assert.Equal("2026-09-21", (await GetAsync(clerk, slug, visit)).GetProperty("receivedOn").GetString()); // handed in
        Assert.Equal("2026-09-23", (await GetAsync(clerk, slug, fax)).GetProperty("receivedOn").GetString()); // both confirmed
        Assert.Equal("2026-09-24", (await GetAsync(clerk, slug, letter)).GetProperty("receivedOn").GetString()); // confirmed with the applicant
        Assert.Contains("signedForOn", (await ErrorsAsync(unsigned)).Keys);
        Assert.Contains("confirmedOn", (await ErrorsAsync(unconfirmed)).Keys);
    }
}
