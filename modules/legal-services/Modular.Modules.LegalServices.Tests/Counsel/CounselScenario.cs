using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Modular.Testing;

namespace Modular.Modules.LegalServices.Tests.Counsel;

/// <summary>A township with its judicial office head, two counsel signed in as users, and the retainer naming them.</summary>
internal sealed record CounselTownship(string Slug, HttpClient Head, HttpClient CounselA, HttpClient CounselB, Guid RetainerId, Guid CounselAId, Guid CounselBId, string CounselAUser);

/// <summary>What the counsel tests do through the API, once.</summary>
internal static class CounselScenario
{
    public const string Head = "legal-services.judicial-office-head";
    public const string Counsel = "legal-services.counsel";
    public const string Phone = "13985012345";

    public static string Api(string slug) => $"/api/t/{slug}/legal-services/counsel";

    public static async Task<CounselTownship> TownshipAsync(PlatformFactory platform)
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head);
        var userA = await Scenario.CreateUserAsync(admin, slug, Counsel);
        var userB = await Scenario.CreateUserAsync(admin, slug, Counsel);
        var retainer = await PostAsync(head, Api(slug) + "/retainers", new()
        {
            ["firm"] = "贵州万驰律师事务所",
            ["contractNumber"] = "法顾〔2024〕1号",
            ["from"] = "2024-01-01",
            ["to"] = "2099-12-31",
            ["signedOn"] = "2024-01-02",
        }, HttpStatusCode.Created);
        retainer = await StepAsync(head, Api(slug) + "/retainers", retainer, "counsel", new() { ["name"] = "伍猛麟", ["licenceNumber"] = "15205201510123456", ["phone"] = Phone, ["userName"] = userA, ["on"] = "2024-01-02" });
        retainer = await StepAsync(head, Api(slug) + "/retainers", retainer, "counsel", new() { ["name"] = "杜浪", ["licenceNumber"] = "15205201710654321", ["userName"] = userB, ["on"] = "2024-01-02" });
        var counsel = retainer.GetProperty("counsel").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        return new(slug, head, await platform.SignedInClientAsync(userA, Scenario.Password), await platform.SignedInClientAsync(userB, Scenario.Password),
            retainer.GetProperty("id").GetGuid(), counsel[0], counsel[1], userA);
    }

    public static Dictionary<string, object?> Review(Guid counselId, string title = "野马川镇集镇农贸市场摊位租赁合同", string kind = "Contract", string sentOn = "2024-03-01", string? meetingOn = null) => new()
    {
        ["title"] = title,
        ["kind"] = kind,
        ["department"] = "经济发展办",
        ["documentVersion"] = "送审稿",
        ["legalBasis"] = "《中华人民共和国民法典》第七百零三条",
        ["materials"] = "送审稿\n起草说明",
        ["counselId"] = counselId.ToString(),
        ["on"] = sentOn,
        ["meetingOn"] = meetingOn,
    };

    public static Task<JsonElement> SubmitAsync(CounselTownship t, Guid counselId, string title = "野马川镇集镇农贸市场摊位租赁合同", string kind = "Contract", string sentOn = "2024-03-01", string? meetingOn = null) =>
        PostAsync(t.Head, Api(t.Slug) + "/reviews", Review(counselId, title, kind, sentOn, meetingOn), HttpStatusCode.Created);

    public static Dictionary<string, object?> Opinion(string opinion, string on = "2024-03-12") => new()
    {
        ["opinion"] = opinion,
        ["authority"] = "Conforms",
        ["procedure"] = "Conforms",
        ["content"] = opinion == "Unlawful" ? "DoesNotConform" : "Conforms",
        ["opinionText"] = "经审查，提出意见如下。",
        ["requiredChanges"] = opinion == "LawfulWithChanges" ? "补充违约责任条款" : null,
        ["on"] = on,
    };

    public static async Task<JsonElement> AnsweredAsync(CounselTownship t, HttpClient counsel, Guid counselId, string opinion, string title = "野马川镇集镇农贸市场摊位租赁合同")
    {
        var review = await SubmitAsync(t, counselId, title);
        return await StepAsync(counsel, Api(t.Slug) + "/reviews", review, "opinion", Opinion(opinion));
    }

    public static async Task<JsonElement> MeetingAsync(CounselTownship t, string on = "2024-03-20") =>
        await PostAsync(t.Head, Api(t.Slug) + "/meetings", new() { ["kind"] = "JointMeeting", ["on"] = on, ["title"] = "2024年第3次党政联席会议", ["place"] = "三楼会议室" }, HttpStatusCode.Created);

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, Dictionary<string, object?> body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == expected, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> PostStepAsync(HttpClient client, string group, JsonElement record, string step, Dictionary<string, object?> body)
    {
        body["version"] = record.GetProperty("version").GetInt64();
        return client.PostAsJsonAsync($"{group}/{record.GetProperty("id").GetGuid()}/{step}", body);
    }

    /// <summary>Runs a step on the version last read; it must go through. Answers the record as it now stands.</summary>
    public static async Task<JsonElement> StepAsync(HttpClient client, string group, JsonElement record, string step, Dictionary<string, object?> body)
    {
        var response = await PostStepAsync(client, group, record, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A step refused with 400: its errors by field.</summary>
    public static async Task<JsonElement> RefusedAsync(HttpClient client, string group, JsonElement record, string step, Dictionary<string, object?> body)
    {
        var response = await PostStepAsync(client, group, record, step, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    public static Dictionary<string, object?> Agenda(JsonElement? review = null, string kind = "Contract", string title = "") => new()
    {
        ["reviewId"] = review?.GetProperty("id").GetGuid().ToString(),
        ["kind"] = review is null ? kind : null,
        ["title"] = title,
    };

    /// <summary>A .docx read back: its paragraphs' text, one a line.</summary>
    public static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    public static string Messages(JsonElement errors, string field) => string.Join(" | ", errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()));
}
