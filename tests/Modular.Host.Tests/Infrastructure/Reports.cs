using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Host.Tests.Infrastructure;

/// <summary>The annual report's API as the tests drive it: a clerk who drafts and sends, a head who approves.</summary>
internal static class Reports
{
    public const string Clerk = "report-clerk";
    public const string Head = "report-approver";

    public static string Api(string slug, int year) => $"/api/t/{slug}/annual-report/{year}";

    /// <summary>Every part people write, each naming the part, so a test can find it in the document.</summary>
    public static Dictionary<string, string?> AllParts(string tag = "") => new()
    {
        ["opening"] = $"现将本镇法治政府建设工作报告如下。{tag}",
        ["2-functions-by-law"] = $"对照清单逐项编制工作流程图。{tag}",
        ["first-responsible"] = $"党政主要负责人召开专题会议研究法治建设。{tag}",
        ["shortcomings"] = $"执法过程记录还不够全面。{tag}",
        ["plan"] = $"明年加强督导考核。{tag}",
        ["other"] = "无。",
    };

    public static async Task<(HttpClient Admin, string Slug, HttpClient Clerk, HttpClient Head)> TownshipAsync(PlatformFactory platform, params string[] modules)
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, modules);
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Clerk), Scenario.Password);
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Head), Scenario.Password);
        return (admin, slug, clerk, head);
    }

    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, string slug, int year, long version, Dictionary<string, string?> parts) =>
        client.PostAsJsonAsync($"{Api(slug, year)}/versions", new { version, parts });

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, string slug, int year, string step, long version, string? reason = null) =>
        client.PostAsJsonAsync($"{Api(slug, year)}/{step}", new { version, reason });

    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static long Version(JsonElement view) => view.GetProperty("version").GetInt64();

    public static string State(JsonElement view) => view.GetProperty("state").GetString()!;

    /// <summary>Drafts the report with every part, submits it and has the head approve it: the approved view.</summary>
    public static async Task<JsonElement> ApprovedAsync(HttpClient clerk, HttpClient head, string slug, int year)
    {
        var saved = await OkAsync(SaveAsync(clerk, slug, year, 0, AllParts()));
        var submitted = await OkAsync(StepAsync(clerk, slug, year, "submit", Version(saved)));
        return await OkAsync(StepAsync(head, slug, year, "approve", Version(submitted)));
    }

    /// <summary>Approved as above, then sent to the county: the sent view.</summary>
    public static async Task<JsonElement> SentAsync(HttpClient clerk, HttpClient head, string slug, int year) =>
        await OkAsync(StepAsync(clerk, slug, year, "send", Version(await ApprovedAsync(clerk, head, slug, year))));

    /// <summary>A notebook clerk of the township records a matter today: the notebook's figure of the year moves by one.</summary>
    public static async Task<HttpClient> RecordMatterAsync(PlatformFactory platform, HttpClient admin, string slug, string title)
    {
        var notebookClerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);
        await Notebook.OpenMatterAsync(notebookClerk, slug, title, Notebook.Today(platform));
        return notebookClerk;
    }

    /// <summary>A figure of the given facts by its label.</summary>
    public static string Figure(JsonElement facts, string label) =>
        facts.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("figures").EnumerateArray())
            .First(f => f.GetProperty("label").GetString() == label).GetProperty("value").GetString()!;
}
