using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.Publications;

/// <summary>The publication workflow through the API, for arranging tests: a clerk drafts and submits, a reviewer approves.</summary>
public static class Publishing
{
    public const string Clerk = "open-government.clerk";
    public const string Reviewer = "open-government.reviewer";

    /// <summary>A township with a clerk and a reviewer, both signed in.</summary>
    public static async Task<(HttpClient Admin, string Slug, HttpClient Clerk, HttpClient Reviewer)> TownshipAsync(PlatformFactory platform)
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], Clerk);
        var reviewer = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Reviewer), Scenario.Password);
        return (admin, slug, clerk, reviewer);
    }

    public static object Draft(string title, string body = "<p>正文</p>", string category = "公共服务", string disclosure = "proactive", string madeOn = "2026-11-02", string? reason = null, int expectedVersion = 0) => new
    {
        expectedVersion,
        title,
        category,
        documentNumber = "野政发〔2026〕8号",
        bodyHtml = body,
        madeOn,
        disclosure,
        notDisclosedReason = reason,
        issuingOffice = "镇党政综合办公室",
    };

    public static string Api(string slug) => $"/api/t/{slug}/open-government/publications";

    public static async Task<Guid> DraftAsync(HttpClient clerk, string slug, object draft)
    {
        var response = await clerk.PostAsJsonAsync(Api(slug), draft);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string slug, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"{Api(slug)}/{id}");

    public static async Task<int> VersionAsync(HttpClient client, string slug, Guid id) => (await GetAsync(client, slug, id)).GetProperty("version").GetInt32();

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient clerk, string slug, Guid id, int version) =>
        clerk.PostAsJsonAsync($"{Api(slug)}/{id}/submit", new { expectedVersion = version });

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient reviewer, string slug, Guid id, int version, bool confidentiality = true, bool legality = true) =>
        reviewer.PostAsJsonAsync($"{Api(slug)}/{id}/approve", new
        {
            expectedVersion = version,
            confidentialityPassed = confidentiality,
            confidentialityOpinion = confidentiality ? "不涉及国家秘密" : null,
            legalityPassed = legality,
            legalityOpinion = legality ? "内容合法" : null,
        });

    /// <summary>Drafted, submitted and approved: on the portal.</summary>
    public static async Task<Guid> PublishAsync(HttpClient clerk, HttpClient reviewer, string slug, object draft)
    {
        var id = await DraftAsync(clerk, slug, draft);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(clerk, slug, id, await VersionAsync(clerk, slug, id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(reviewer, slug, id, await VersionAsync(reviewer, slug, id))).StatusCode);
        return id;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
