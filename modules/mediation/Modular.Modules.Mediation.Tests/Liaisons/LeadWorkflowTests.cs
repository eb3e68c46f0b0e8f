using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.Mediation.Tests.Liaisons.LiaisonScenario;

namespace Modular.Modules.Mediation.Tests.Liaisons;

[Collection(MediationCollection.Name)]
public sealed class LeadWorkflowTests(MediationPlatform platform)
{
    [Fact]
    public async Task A_reported_lead_is_closed_with_its_reason_and_both_steps_are_on_the_timeline()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var liaison = await AppointAsync(mediator, slug);
        var id = await ReportAsync(mediator, slug, liaison, "2026-07-01");

        var reported = await GetLeadAsync(mediator, slug, id);
        var closed = await CloseAsync(mediator, slug, id, "2026-07-02", "NotADispute", "属环境问题反映");

        Assert.Equal("Reported", reported.GetProperty("state").GetString());
        Assert.Equal("野马川村", reported.GetProperty("village").GetString()); // the liaison's own, when left blank
        Assert.Equal("王德明", reported.GetProperty("liaisonName").GetString());
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal("不属于矛盾纠纷", closed.GetProperty("closureLabel").GetString());
        Assert.Equal("属环境问题反映", closed.GetProperty("closureNote").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("dueOn").ValueKind);
        var timeline = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/leads/{id}/timeline");
        Assert.Equal(["mediation.lead-reported.v1", "mediation.lead-closed.v1"], timeline.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        Assert.All(timeline.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("by").GetString())));
    }

    [Fact]
    public async Task A_closed_lead_cannot_be_closed_again_and_the_refusal_says_why()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await ReportAsync(mediator, slug, await AppointAsync(mediator, slug), "2026-07-01");
        await CloseAsync(mediator, slug, id, "2026-07-02", "Duplicate");

        var again = await PostClosureAsync(mediator, slug, id, new() { ["on"] = "2026-07-03", ["reason"] = "ResolvedOnTheSpot" });

        var message = string.Join(" ", (await ErrorsAsync(again))["state"]);
        Assert.Contains("线索当前状态为“已关闭”，只有“待处理”的线索才能关闭", message);
        Assert.Contains("only an open lead can be closed", message);
        Assert.Equal("Duplicate", (await GetLeadAsync(mediator, slug, id)).GetProperty("closure").GetString());
    }

    [Fact]
    public async Task Closing_for_another_reason_must_say_what_it_was_and_cannot_precede_the_report()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await ReportAsync(mediator, slug, await AppointAsync(mediator, slug), "2026-07-01");

        var response = await PostClosureAsync(mediator, slug, id, new() { ["on"] = "2026-06-30", ["reason"] = "Other", ["note"] = " " });

        var errors = await ErrorsAsync(response);
        Assert.Equal(["note", "on"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Reported", (await GetLeadAsync(mediator, slug, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_closure_on_a_stale_version_answers_409()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await ReportAsync(mediator, slug, await AppointAsync(mediator, slug), "2026-07-01");
        var read = (await GetLeadAsync(mediator, slug, id)).GetProperty("version").GetInt64();
        await CloseAsync(mediator, slug, id, "2026-07-02", "ResolvedOnTheSpot");

        var stale = await PostClosureAsync(mediator, slug, id, new() { ["version"] = read, ["on"] = "2026-07-02", ["reason"] = "Duplicate" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("ResolvedOnTheSpot", (await GetLeadAsync(mediator, slug, id)).GetProperty("closure").GetString());
    }

    [Fact]
    public async Task A_lead_needs_a_serving_liaison_of_this_roster_and_names_every_bad_field()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var liaison = await AppointAsync(mediator, slug);

        var unknown = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/leads", Lead(Guid.NewGuid(), "2026-07-01"));
        var bad = Lead(liaison, "2025-12-31", risk: "Extreme");
        bad["account"] = "";
        var invalid = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/leads", bad);

        Assert.Contains("名册中没有这名信息联络员", string.Join(" ", (await ErrorsAsync(unknown))["liaisonId"]));
        var errors = await ErrorsAsync(invalid);
        Assert.Equal(["account", "reportedOn", "risk"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("聘任日期（2026-01-05）", string.Join(" ", errors["reportedOn"]));
    }

    [Fact]
    public async Task Each_liaisons_leads_of_a_period_are_counted_by_where_they_stand()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var wang = await AppointAsync(mediator, slug, Liaison("王德明", "野马川村"));
        var li = await AppointAsync(mediator, slug, Liaison("李秀英", "双河村", "PartyMember"));
        await AppointAsync(mediator, slug, Liaison("张国富", "团结村", "Elder"));
        var closed = await ReportAsync(mediator, slug, wang, "2026-03-01");
        await CloseAsync(mediator, slug, closed, "2026-03-02");
        await ReportAsync(mediator, slug, wang, "2026-03-15");
        await ReportAsync(mediator, slug, wang, "2026-05-01"); // outside the period
        await ReportAsync(mediator, slug, li, "2026-04-30");

        var counts = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/liaisons/counts?from=2026-03-01&to=2026-04-30");
        var byName = counts.GetProperty("liaisons").EnumerateArray().ToDictionary(r => r.GetProperty("liaison").GetProperty("name").GetString()!, r => r.GetProperty("leads"));

        Assert.Equal((2, 0, 1, 1), Tally(byName["王德明"]));
        Assert.Equal((1, 0, 0, 1), Tally(byName["李秀英"]));
        Assert.Equal((0, 0, 0, 0), Tally(byName["张国富"]));
        Assert.Equal((3, 0, 1, 2), Tally(counts.GetProperty("total")));
        var page = await mediator.GetStringAsync($"/t/{slug}/mediation/liaisons?from=2026-03-01&to=2026-04-30");
        Assert.Contains($"data-liaison=\"{wang}\"", page);
        Assert.Contains("<td class=\"number\" data-count=\"reported\">2</td>", page);
        var errors = await ErrorsAsync(await mediator.GetAsync($"/api/t/{slug}/mediation/liaisons/counts?from=2026-05-01&to=2026-04-30"));
        Assert.Contains("to", errors.Keys);
    }

    [Fact]
    public async Task An_open_lead_falls_due_three_days_after_its_report_and_is_counted_on_the_home_page()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var liaison = await AppointAsync(mediator, slug);
        // Far enough back that its 3 days, moved off any rest days (9 at most, Spring Festival 2026), have run out.
        var late = await ReportAsync(mediator, slug, liaison, Day(Today.AddDays(-20)));
        await ReportAsync(mediator, slug, liaison, Day(Today));
        await CloseAsync(mediator, slug, await ReportAsync(mediator, slug, liaison, Day(Today.AddDays(-9))), Day(Today));

        var home = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");

        var figure = home.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("label").GetString() == "待处理的线索");
        Assert.Equal("2", figure.GetProperty("value").GetString());
        Assert.True(figure.GetProperty("attention").GetBoolean());
        var due = home.GetProperty("dueItems").EnumerateArray().Where(i => i.GetProperty("moduleId").GetString() == MediationPlatform.Module).ToList();
        var item = Assert.Single(due, i => i.GetProperty("item").GetProperty("link").GetString() == $"mediation/leads/{late}");
        Assert.Equal((await GetLeadAsync(mediator, slug, late)).GetProperty("dueOn").GetString(), item.GetProperty("item").GetProperty("dueOn").GetString());
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Contains("3日内", item.GetProperty("item").GetProperty("rule").GetProperty("chinese").GetString());
        Assert.Contains("lead-overdue", await mediator.GetStringAsync($"/t/{slug}/mediation/leads?state=Reported"));
    }

    private static (int, int, int, int) Tally(JsonElement t) =>
        (t.GetProperty("reported").GetInt32(), t.GetProperty("becameDisputes").GetInt32(), t.GetProperty("closed").GetInt32(), t.GetProperty("open").GetInt32());
}
