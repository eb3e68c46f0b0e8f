using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Tests.Infrastructure;
using Modular.Kit;
using Modular.Testing;
using static Modular.Host.Tests.Infrastructure.Reports;

namespace Modular.Host.Tests.Reports;

/// <summary>The annual report's workflow and versions through the API, on the host with the sample notebook as its module.</summary>
[Collection(NotebookPlatformCollection.Name)]
public sealed class AnnualReportWorkflowTests(NotebookPlatform platform)
{
    private int Year => TownshipTime.Today(platform.Clock).Year;

    [Fact]
    public async Task A_clerk_drafts_and_submits_the_head_approves_and_the_clerk_sends_each_step_in_turn()
    {
        var (_, slug, clerk, head) = await TownshipAsync(platform, Notebook.Id);

        var first = await OkAsync(SaveAsync(clerk, slug, Year, 0, new() { ["opening"] = "初稿。" }));
        Assert.Equal("drafted", State(first));
        var incomplete = await StepAsync(clerk, slug, Year, "submit", Version(first));
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var refusal = await incomplete.Content.ReadAsStringAsync();
        Assert.Contains("parts.first-responsible", refusal);
        Assert.Contains("parts.shortcomings", refusal);

        var second = await OkAsync(SaveAsync(clerk, slug, Year, Version(first), AllParts()));
        var submitted = await OkAsync(StepAsync(clerk, slug, Year, "submit", Version(second)));
        Assert.Equal("submitted", State(submitted));
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(clerk, slug, Year, "approve", Version(submitted))).StatusCode);
        var returned = await OkAsync(StepAsync(head, slug, Year, "return", Version(submitted), "请补充执法队伍建设情况"));
        Assert.Equal("returned", State(returned));
        Assert.Equal("请补充执法队伍建设情况", returned.GetProperty("returnReason").GetString());

        var third = await OkAsync(SaveAsync(clerk, slug, Year, Version(returned), AllParts("已补充。")));
        var again = await OkAsync(StepAsync(clerk, slug, Year, "submit", Version(third)));
        var approved = await OkAsync(StepAsync(head, slug, Year, "approve", Version(again)));
        Assert.Equal("approved", State(approved));
        Assert.Equal(3, approved.GetProperty("approvedVersion").GetInt32());
        var sent = await OkAsync(StepAsync(clerk, slug, Year, "send", Version(approved)));
        Assert.Equal("sent", State(sent));
        Assert.Equal(3, sent.GetProperty("sentVersion").GetInt32());
        Assert.Equal(3, sent.GetProperty("versions").GetArrayLength());
        Assert.All(sent.GetProperty("versions").EnumerateArray(), v => Assert.False(string.IsNullOrEmpty(v.GetProperty("by").GetString())));
    }

    [Fact]
    public async Task A_step_out_of_turn_is_refused_saying_which_state_it_needs_and_a_stale_version_is_a_conflict()
    {
        var (_, slug, clerk, head) = await TownshipAsync(platform, Notebook.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await StepAsync(clerk, slug, Year, "submit", 0)).StatusCode);

        var saved = await OkAsync(SaveAsync(clerk, slug, Year, 0, AllParts()));
        foreach (var (client, step) in new[] { (clerk, "send"), (clerk, "publish"), (head, "approve"), (head, "return") })
        {
            var refused = await StepAsync(client, slug, Year, step, Version(saved), "理由");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            Assert.Contains("state", await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Conflict, (await SaveAsync(clerk, slug, Year, 0, AllParts())).StatusCode);
        var submitted = await OkAsync(StepAsync(clerk, slug, Year, "submit", Version(saved)));
        var edit = await SaveAsync(clerk, slug, Year, Version(submitted), AllParts("改动"));
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        var noReason = await StepAsync(head, slug, Year, "return", Version(submitted));
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());
        var approved = await OkAsync(StepAsync(head, slug, Year, "approve", Version(submitted)));
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(head, slug, Year, "approve", Version(approved))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(clerk, slug, Year, "submit", Version(approved))).StatusCode);
    }

    [Fact]
    public async Task Publishing_without_open_government_answers_that_the_report_cannot_be_published_there()
    {
        var (_, slug, clerk, head) = await TownshipAsync(platform, Notebook.Id);
        var sent = await SentAsync(clerk, head, slug, Year);
        Assert.False(sent.GetProperty("portalEnabled").GetBoolean());

        var refused = await StepAsync(clerk, slug, Year, "publish", Version(sent));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("无法在门户网站公开", problem.GetProperty("errors").GetProperty("publish")[0].GetString());
        Assert.Equal("sent", State(await clerk.GetFromJsonAsync<JsonElement>(Api(slug, Year))));
        var page = await clerk.GetStringAsync($"/t/{slug}/annual-report?year={Year}");
        Assert.Contains("无法在门户网站公开", page);
    }

    [Fact]
    public async Task Two_versions_compare_part_by_part_with_the_lines_added_and_removed()
    {
        var (_, slug, clerk, _) = await TownshipAsync(platform, Notebook.Id);
        var first = await OkAsync(SaveAsync(clerk, slug, Year, 0, new() { ["plan"] = "加强督导。\n抓好典型引导。" }));
        await OkAsync(SaveAsync(clerk, slug, Year, Version(first), new() { ["plan"] = "加强督导。\n落实台帐管理。", ["other"] = "无。" }));

        var comparison = await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug, Year)}/compare?from=1&to=2");

        var parts = comparison.GetProperty("parts").EnumerateArray().Where(p => p.GetProperty("changed").GetBoolean()).ToDictionary(p => p.GetProperty("key").GetString()!);
        Assert.Equal(["other", "plan"], parts.Keys.Order());
        var lines = parts["plan"].GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("change").GetString(), l.GetProperty("text").GetString())).ToList();
        Assert.Equal([("Same", "加强督导。"), ("Removed", "抓好典型引导。"), ("Added", "落实台帐管理。")], lines);
        var page = await clerk.GetStringAsync($"/t/{slug}/annual-report?year={Year}&from=1&to=2");
        Assert.Matches("<del>[^<]*抓好典型引导。</del>", page);
        Assert.Matches("<ins>[^<]*落实台帐管理。</ins>", page);
    }

    [Fact]
    public async Task After_approval_the_figures_are_frozen_and_the_page_lists_what_the_records_say_now()
    {
        var (_, slug, clerk, head) = await TownshipAsync(platform, Notebook.Id);
        var notebookClerk = await RecordMatterAsync(platform, await platform.AdminClientAsync(), slug, "审定前的事项");
        var approved = await ApprovedAsync(clerk, head, slug, Year);
        Assert.Equal("1", Figure(approved.GetProperty("facts"), "登记事项"));
        var sent = await OkAsync(StepAsync(clerk, slug, Year, "send", Version(approved)));

        await Notebook.OpenMatterAsync(notebookClerk, slug, "审定后补录的事项", Notebook.Today(platform));

        var view = await clerk.GetFromJsonAsync<JsonElement>(Api(slug, Year));
        Assert.Equal("1", Figure(view.GetProperty("facts"), "登记事项"));
        Assert.Equal("2", Figure(view.GetProperty("draftedNow"), "登记事项"));
        var change = view.GetProperty("changedSinceApproval").EnumerateArray().Single(c => c.GetProperty("label").GetString() == "登记事项");
        Assert.Equal(("1", "2"), (change.GetProperty("frozen").GetString(), change.GetProperty("now").GetString()));
        var page = await clerk.GetStringAsync($"/t/{slug}/annual-report?year={Year}");
        Assert.Contains("data-figure=\"登记事项\"><td>登记事项</td><td class=\"frozen\">1</td><td class=\"now\">2", page);
        var docx = ReportFiles.Text(await clerk.GetByteArrayAsync($"{Api(slug, Year)}/docx?version={sent.GetProperty("sentVersion").GetInt32()}"));
        Assert.Contains($"{Year}年登记事项1件", docx);
        Assert.DoesNotContain($"{Year}年登记事项2件", docx);
    }

    [Fact]
    public async Task Another_townships_user_can_neither_read_nor_write_the_report_and_a_module_clerk_cannot_write_it()
    {
        var (admin, slug, clerk, _) = await TownshipAsync(platform, Notebook.Id);
        await OkAsync(SaveAsync(clerk, slug, Year, 0, AllParts()));
        var other = await TownshipAsync(platform, Notebook.Id);
        var notebookClerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Notebook.Clerk), Scenario.Password);

        foreach (var outsider in new[] { other.Clerk, other.Head })
        {
            Assert.True((await outsider.GetAsync(Api(slug, Year))).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
            Assert.True((await outsider.GetAsync($"{Api(slug, Year)}/docx")).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
            Assert.True((await SaveAsync(outsider, slug, Year, 1, AllParts("外镇"))).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
            Assert.True((await StepAsync(outsider, slug, Year, "submit", 1)).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(notebookClerk, slug, Year, 1, AllParts())).StatusCode);
        var view = await clerk.GetFromJsonAsync<JsonElement>(Api(slug, Year));
        Assert.Equal(1, view.GetProperty("versions").GetArrayLength());
        Assert.Equal("drafted", State(view));
        // The other township's own report of the year is another record.
        Assert.Equal("new", State(await other.Clerk.GetFromJsonAsync<JsonElement>(Api(other.Slug, Year))));
    }

    [Fact]
    public async Task The_report_due_to_the_county_is_on_the_due_list_until_it_is_sent()
    {
        var (_, slug, clerk, head) = await TownshipAsync(platform, Notebook.Id);
        var last = Year - 1;
        var settings = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/annual-report/settings");
        Assert.Equal(("03-01", "04-01"), (settings.GetProperty("sendBy").GetString(), settings.GetProperty("publishBy").GetString()));
        var bad = await clerk.PutAsJsonAsync($"/api/t/{slug}/annual-report/settings", new { version = 0, sendBy = "13-01", publishBy = "01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        // Due on the first days of this year: whatever today is, the report of last year is then on the list.
        await OkAsync(clerk.PutAsJsonAsync($"/api/t/{slug}/annual-report/settings", new { version = 0, sendBy = "01-01", publishBy = "01-02" }));

        var due = await DueTitlesAsync(clerk, slug);
        Assert.Contains($"{last}年法治政府建设年度报告报送县级", due);
        Assert.Contains($"{last}年法治政府建设年度报告公开", due);

        var approved = await ApprovedAsync(clerk, head, slug, last);
        await OkAsync(StepAsync(clerk, slug, last, "send", Version(approved)));
        due = await DueTitlesAsync(clerk, slug);
        Assert.DoesNotContain($"{last}年法治政府建设年度报告报送县级", due);
        Assert.Contains($"{last}年法治政府建设年度报告公开", due);
    }

    [Fact]
    public async Task The_county_reads_which_townships_sent_their_report_in_one_query_and_the_docx_they_sent()
    {
        var (_, sentSlug, clerk, head) = await TownshipAsync(platform, Notebook.Id);
        var (_, draftSlug, otherClerk, _) = await TownshipAsync(platform, Notebook.Id);
        var (_, silentSlug, _, _) = await TownshipAsync(platform, Notebook.Id);
        var approved = await ApprovedAsync(clerk, head, sentSlug, Year);
        await OkAsync(StepAsync(clerk, sentSlug, Year, "send", Version(approved)));
        await OkAsync(SaveAsync(otherClerk, draftSlug, Year, 0, AllParts()));

        using var scope = platform.Services.CreateScope();
        var reports = scope.ServiceProvider.GetRequiredService<Modular.Host.Reports.SentReports>();
        await using var session = platform.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var summaries = await reports.ForYearAsync([sentSlug, draftSlug, silentSlug], Year, session, CancellationToken.None);

        Assert.Equal(2, summaries.Count);
        var sent = summaries.Single(s => s.Township == sentSlug);
        Assert.Equal(("sent", 1), (sent.State, sent.Version));
        Assert.NotNull(sent.SentAt);
        var draft = summaries.Single(s => s.Township == draftSlug);
        Assert.Equal(("drafted", (int?)null), (draft.State, draft.Version));
        Assert.Null(draft.SentAt);
        Assert.Contains("执法过程记录还不够全面", ReportFiles.Text((await reports.SentDocxAsync(sentSlug, Year, CancellationToken.None))!));
        Assert.Null(await reports.SentDocxAsync(draftSlug, Year, CancellationToken.None));
    }

    private static async Task<List<string>> DueTitlesAsync(HttpClient client, string slug) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home")).GetProperty("dueItems").EnumerateArray()
            .Select(i => i.GetProperty("item").GetProperty("title").GetProperty("chinese").GetString()!)];
}
