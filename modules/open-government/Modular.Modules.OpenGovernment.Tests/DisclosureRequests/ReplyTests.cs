using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Modular.Testing;
using static Modular.Modules.OpenGovernment.Tests.DisclosureRequests.RequestScenario;

namespace Modular.Modules.OpenGovernment.Tests.DisclosureRequests;

[Collection(OpenGovernmentCollection.Name)]
public sealed class ReplyTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task A_reply_takes_a_national_category_with_a_reason_of_that_category_where_it_has_reasons()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (id, _) = await EnterAsync(clerk, slug, Person());

        Dictionary<string, object?> Reply(string category, string? reason) =>
            new() { ["answeredOn"] = "2026-10-09", ["category"] = category, ["reason"] = reason, ["text"] = "答复内容" };
        var noReason = await PostStepAsync(clerk, slug, id, "reply", Reply("NotDisclosed", null));
        var wrongCategory = await PostStepAsync(clerk, slug, id, "reply", Reply("NotDisclosed", "NotHeld"));
        var reasonNotWanted = await PostStepAsync(clerk, slug, id, "reply", Reply("Disclosed", "StateSecret"));
        var unknown = await PostStepAsync(clerk, slug, id, "reply", Reply("Maybe", null));

        Assert.Contains("reason", (await ErrorsAsync(noReason)).Keys);
        Assert.Contains("reason", (await ErrorsAsync(wrongCategory)).Keys);
        Assert.Contains("reason", (await ErrorsAsync(reasonNotWanted)).Keys);
        Assert.Contains("category", (await ErrorsAsync(unknown)).Keys);

        var answered = await AnswerAsync(clerk, slug, id, "NotDisclosed", "ThirdPartyRights");
        Assert.Equal("Answered", answered.GetProperty("state").GetString());
        Assert.Equal("不予公开 — 保护第三方合法权益", answered.GetProperty("replyLabel").GetString());
        var twice = await PostStepAsync(clerk, slug, id, "reply", Reply("Disclosed", null));
        Assert.Contains("state", (await ErrorsAsync(twice)).Keys);
    }

    [Fact]
    public async Task A_step_taken_on_a_stale_version_is_refused_with_409()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (id, _) = await EnterAsync(clerk, slug, Person());
        var stale = (await GetAsync(clerk, slug, id)).GetProperty("version").GetInt64();
        await StepAsync(clerk, slug, id, "consultations", new() { ["sentOn"] = "2026-09-28", ["thirdParty"] = "某公司" });

        var response = await PostStepAsync(clerk, slug, id, "consultations/end", new() { ["version"] = stale, ["repliedOn"] = "2026-09-29" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("InConsultation", (await GetAsync(clerk, slug, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_reply_letter_is_a_Word_document_with_the_request_number_the_decision_and_the_remedy_notice()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (id, number) = await EnterAsync(clerk, slug, Person());
        var before = await clerk.GetAsync($"/api/t/{slug}/open-government/requests/{id}/reply-letter.docx");
        await AnswerAsync(clerk, slug, id, "PartlyDisclosed", null);

        var response = await clerk.GetAsync($"/api/t/{slug}/open-government/requests/{id}/reply-letter.docx");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("政府信息公开申请答复书", text);
        Assert.Contains(number, text);
        Assert.Contains("王小明", text);
        Assert.Contains("2026年9月24日", text);
        Assert.Contains("部分公开", text);
        Assert.Contains("第三十七条", text);
        Assert.Contains("如对本答复不服，可以在收到本答复之日起60日内向", text);
        Assert.Contains("申请行政复议，或者在6个月内向人民法院提起行政诉讼", text);
        var page = await clerk.GetStringAsync($"/t/{slug}/open-government/requests/{id}");
        Assert.Contains($"/api/t/{slug}/open-government/requests/{id}/reply-letter.docx", page);
    }

    [Fact]
    public async Task A_request_that_is_really_a_petition_is_not_processed_and_handed_over_as_an_integration_event_on_its_stream()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (petition, _) = await EnterAsync(clerk, slug, Person());
        var (ordinary, _) = await EnterAsync(clerk, slug, Person());

        await AnswerAsync(clerk, slug, petition, "NotProcessed", "Petition");
        await AnswerAsync(clerk, slug, ordinary, "NotProcessed", "Repeated");

        static async Task<List<JsonElement>> Timeline(HttpClient c, string s, Guid id) =>
            (await c.GetFromJsonAsync<JsonElement>($"/api/t/{s}/open-government/requests/{id}/timeline")).EnumerateArray().ToList();
        var handedOver = await Timeline(clerk, slug, petition);
        var kept = await Timeline(clerk, slug, ordinary);

        var integration = Assert.Single(handedOver, e => e.GetProperty("event").GetString()!.Contains("found-to-be-petition", StringComparison.Ordinal));
        var answer = Assert.Single(handedOver, e => e.GetProperty("event").GetString()!.Contains("disclosure-request-answered", StringComparison.Ordinal));
        Assert.Equal(answer.GetProperty("version").GetInt64() + 1, integration.GetProperty("version").GetInt64());
        Assert.False(string.IsNullOrEmpty(integration.GetProperty("by").GetString()));
        Assert.DoesNotContain(Phone, integration.GetRawText());
        Assert.DoesNotContain(kept, e => e.GetProperty("event").GetString()!.Contains("petition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_received_days_ago_puts_its_correction_notice_window_on_the_due_list_until_a_notice_is_sent()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        // Four days ago: the 7-working-day window is still open and ends within the due list's 5 working days.
        var (id, number) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: today.AddDays(-4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        var window = await CorrectionWindowAsync(clerk, slug, number);
        Assert.NotNull(window);
        Assert.True(DateOnly.Parse(window.Value.GetProperty("item").GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > today);

        await StepAsync(clerk, slug, id, "correction-notice", new() { ["noticeOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["items"] = "请写明所需信息的年份" });

        Assert.Null(await CorrectionWindowAsync(clerk, slug, number));
    }

    private static async Task<JsonElement?> CorrectionWindowAsync(HttpClient clerk, string slug, string number)
    {
        var home = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        return home.GetProperty("dueItems").EnumerateArray()
            .Where(d => d.GetProperty("item").GetProperty("title").GetProperty("chinese").GetString() == $"依申请公开 {number} 补正告知期限")
            .Select(d => (JsonElement?)d)
            .FirstOrDefault();
    }

    [Fact]
    public async Task An_unanswered_request_past_its_reply_date_is_overdue_on_the_due_list_and_the_dashboard()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (late, number) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: "2026-03-02"));
        var (answered, _) = await EnterAsync(clerk, slug, Person("InPerson", submittedOn: "2026-03-02"));
        await AnswerAsync(clerk, slug, answered, "Disclosed", null, answeredOn: "2026-03-20");

        var home = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");

        var due = home.GetProperty("dueItems").EnumerateArray().ToList();
        var item = Assert.Single(due, d => d.GetProperty("moduleId").GetString() == OpenGovernmentPlatform.Module);
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal($"open-government/requests/{late}", item.GetProperty("item").GetProperty("link").GetString());
        Assert.Contains(number, item.GetProperty("item").GetProperty("title").GetProperty("chinese").GetString());
        // 20 working days from Monday 03-02 (no holiday in March 2026): 03-30.
        Assert.Equal("2026-03-30", item.GetProperty("item").GetProperty("dueOn").GetString());
        var figures = home.GetProperty("figures").EnumerateArray().Where(f => f.GetProperty("moduleId").GetString() == OpenGovernmentPlatform.Module).ToList();
        var overdue = Assert.Single(figures, f => f.GetProperty("label").GetString() == "逾期未答复的依申请公开");
        Assert.Equal("1", overdue.GetProperty("value").GetString());
        Assert.True(overdue.GetProperty("attention").GetBoolean());
        var list = await clerk.GetStringAsync($"/t/{slug}/open-government/requests");
        Assert.Contains("request-overdue", list);
        Assert.Contains("2026-03-30", list);
    }
}
