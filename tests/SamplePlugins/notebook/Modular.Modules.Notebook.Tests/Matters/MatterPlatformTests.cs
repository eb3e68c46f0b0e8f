using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Kit;
using Modular.Testing;

namespace Modular.Modules.Notebook.Tests.Matters;

/// <summary>
/// What the area gives the rest of the platform: the home page's figures and due list, the annual report, its integration
/// event, the public summary, the demo township, and its personal data masked and revealed with a reason.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class MatterPlatformTests(NotebookPlatform platform)
{
    private string Today => TownshipTime.Format(TownshipTime.Today(platform.Clock));

    [Fact]
    public async Task A_matter_left_open_past_its_deadline_is_overdue_on_the_home_page_and_one_just_recorded_is_not_yet_due()
    {
        var (_, township, clerk) = await platform.TownshipWithUserAsync([NotebookPlatform.Module], NotebookPlatform.Clerk);
        var longAgo = TownshipTime.Format(TownshipTime.Today(platform.Clock).AddDays(-60));
        var late = await OpenAsync(clerk, township, "逾期未办结的事项", longAgo);
        await OpenAsync(clerk, township, "刚登记的事项", Today);

        var home = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{township}/home");

        var due = Assert.Single(home.GetProperty("dueItems").EnumerateArray());
        Assert.True(due.GetProperty("overdue").GetBoolean());
        Assert.Equal($"notebook/matters/{late.GetProperty("id").GetGuid()}", due.GetProperty("item").GetProperty("link").GetString());
        Assert.Equal("2", Figure(home, "办理中的事项").GetProperty("value").GetString());
        var overdue = Figure(home, "逾期未办结的事项");
        Assert.Equal("1", overdue.GetProperty("value").GetString());
        Assert.True(overdue.GetProperty("attention").GetBoolean());
        var record = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{township}/notebook/matters/{late.GetProperty("id").GetGuid()}");
        Assert.True(record.GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task The_annual_report_gives_the_years_matters_recorded_and_closed()
    {
        var (admin, township, clerk) = await platform.TownshipWithUserAsync([NotebookPlatform.Module], NotebookPlatform.Clerk);
        await CloseAsync(clerk, township, await OpenAsync(clerk, township, "年度报告中的事项", Today));
        var year = TownshipTime.Today(platform.Clock).Year;

        var report = await admin.GetStringAsync($"/t/{township}/annual-report?year={year}");

        Assert.Contains($"{year}年登记事项1件，办结1件", report);
    }

    [Fact]
    public async Task Each_closing_is_reported_once_to_its_handler_which_counts_it_among_the_years_closings()
    {
        var (_, township, clerk) = await platform.TownshipWithUserAsync([NotebookPlatform.Module], NotebookPlatform.Clerk);
        for (var i = 0; i < 2; i++)
        {
            await CloseAsync(clerk, township, await OpenAsync(clerk, township, $"办结通报{i}", Today));
        }

        var closed = "0";
        for (var i = 0; i < 150 && closed != "2"; i++)
        {
            await Task.Delay(200);
            closed = Figure(await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{township}/home"), "本年办结的事项").GetProperty("value").GetString()!;
        }

        Assert.Equal("2", closed);
    }

    [Fact]
    public async Task The_public_summary_is_served_to_visitors_from_the_cache_and_a_new_matter_empties_it()
    {
        var (_, township, clerk) = await platform.TownshipWithUserAsync([NotebookPlatform.Module], NotebookPlatform.Clerk);
        var visitor = platform.AnonymousClient();
        var summary = $"/api/t/{township}/notebook/public/summary";
        Assert.Equal(0, (await visitor.GetFromJsonAsync<JsonElement>(summary)).GetProperty("recorded").GetInt32());

        await OpenAsync(clerk, township, "公开统计中的事项", Today);

        Assert.Equal(1, (await visitor.GetFromJsonAsync<JsonElement>(summary)).GetProperty("recorded").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.GetAsync($"{summary}?from=not-a-day")).StatusCode);
    }

    [Fact]
    public async Task The_demo_township_shows_the_module_with_its_demo_matters()
    {
        var visitor = platform.AnonymousClient();

        var summary = await visitor.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/notebook/public/summary");

        Assert.True(summary.GetProperty("recorded").GetInt32() >= 2, $"The demo township has no demo matters: {summary}");
    }

    [Fact]
    public async Task A_phone_is_shown_masked_and_revealed_only_with_a_reason_which_the_township_admin_sees()
    {
        var (admin, township, clerk) = await platform.TownshipWithUserAsync([NotebookPlatform.Module], NotebookPlatform.Clerk);
        var matter = await OpenAsync(clerk, township, "留有电话的事项", Today, phone: "13812345678");
        var id = matter.GetProperty("id").GetGuid();
        Assert.Equal("138****5678", matter.GetProperty("phone").GetString());
        var reveal = $"/api/t/{township}/notebook/matters/{id}/reveal";

        var refused = await clerk.PostAsJsonAsync(reveal, new { field = "PhoneNumber", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var revealed = await clerk.PostAsJsonAsync(reveal, new { field = "PhoneNumber", reason = "回访当事人" });
        Assert.Equal("13812345678", (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());

        var reader = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, township, NotebookPlatform.Reader), Scenario.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync(reveal, new { field = "PhoneNumber", reason = "好奇" })).StatusCode);
        Assert.DoesNotContain("13812345678", await clerk.GetStringAsync($"/t/{township}/notebook/matters/{id}"));
        var reveals = await admin.GetStringAsync($"/t/{township}/admin");
        Assert.Contains("回访当事人", reveals);
        Assert.DoesNotContain("13812345678", reveals);
    }

    private static async Task<JsonElement> OpenAsync(HttpClient clerk, string township, string title, string openedOn, string? phone = null)
    {
        var opened = await clerk.PostAsJsonAsync($"/api/t/{township}/notebook/matters", new { title, openedOn, phone });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return await opened.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task CloseAsync(HttpClient clerk, string township, JsonElement matter)
    {
        var closed = await clerk.PostAsJsonAsync($"/api/t/{township}/notebook/matters/{matter.GetProperty("id").GetGuid()}/close",
            new { version = matter.GetProperty("version").GetInt64(), closedOn = Today, outcome = "已办结" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
    }

    private static JsonElement Figure(JsonElement home, string label) =>
        home.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("label").GetString() == label);
}
