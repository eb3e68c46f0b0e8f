using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.PowerList;

[Collection(OpenGovernmentCollection.Name)]
public sealed class PowerListApiTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task The_demo_list_in_force_at_the_end_of_2020_has_the_summary_counts_by_category()
    {
        var (_, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);

        var seeded = await judicial.PostAsync($"/api/t/{slug}/open-government/power-list/demo", null); Assert.True(seeded.IsSuccessStatusCode, await seeded.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
        var list = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list?asOf=2020-12-31");

        Assert.Equal("2020-12-31", list.GetProperty("asOf").GetString());
        var counts = PowerListScenario.Counts(list);
        Assert.Equal(PowerListScenario.Counts2020, counts);
        Assert.Equal(counts.Values.Sum(), list.GetProperty("items").GetArrayLength());
        var homestead = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "农村村民宅基地审批");
        Assert.Contains("第六十二条", homestead.GetProperty("legalBasis").GetString());
        Assert.Equal("法定", homestead.GetProperty("powerSource").GetString());
        Assert.True(homestead.GetProperty("workflowSteps").GetArrayLength() > 3);
        Assert.False(string.IsNullOrEmpty(homestead.GetProperty("responsibilities").GetProperty("supervision").GetString()));

        var again = await (await judicial.PostAsync($"/api/t/{slug}/open-government/power-list/demo", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(again.GetProperty("seeded").GetBoolean());
        var later = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list?asOf=2021-12-31");
        var laterCounts = PowerListScenario.Counts(later);
        Assert.Equal(5, laterCounts["行政处罚"]);
        Assert.Equal(50, laterCounts["其他"]);
    }

    [Fact]
    public async Task An_approved_addition_is_in_the_list_from_its_effective_date_and_not_the_day_before()
    {
        var (admin, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        var county = await PowerListScenario.ApproverAsync(platform, admin, slug);

        var proposal = await PowerListScenario.ProposeAsync(judicial, slug, "2030-03-01", PowerListScenario.Add(PowerListScenario.Item("T-001", "农村村民宅基地审批", "行政许可")));
        var approved = await county.PostAsJsonAsync($"/api/t/{slug}/open-government/power-list/proposals/{proposal.GetProperty("id")}/approve", new { version = proposal.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var before = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list?asOf=2030-02-28");
        var after = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list?asOf=2030-03-01");
        Assert.Equal(0, before.GetProperty("items").GetArrayLength());
        Assert.Equal(0, PowerListScenario.Counts(before)["行政许可"]);
        Assert.Equal("T-001", Assert.Single(after.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(1, PowerListScenario.Counts(after)["行政许可"]);
        Assert.Equal(9, PowerListScenario.Counts(after).Count);

        var item = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list/items/T-001?asOf=2030-03-01");
        Assert.Equal("2030-03-01", item.GetProperty("inForce").GetProperty("validFrom").GetString());
        Assert.Single(item.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task The_changes_between_two_dates_name_the_added_the_amended_with_their_fields_and_the_repealed()
    {
        var (_, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        await judicial.PostAsync($"/api/t/{slug}/open-government/power-list/demo", null);

        var changes = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list/changes?from=2020-06-01&to=2021-12-31");

        var added = Assert.Single(changes.GetProperty("added").EnumerateArray());
        Assert.Equal("CF-005", added.GetProperty("code").GetString());
        Assert.Equal("2021-07-01", added.GetProperty("effectiveOn").GetString());
        var repealed = Assert.Single(changes.GetProperty("repealed").EnumerateArray());
        Assert.Equal("QT-045", repealed.GetProperty("code").GetString());
        var amended = Assert.Single(changes.GetProperty("amended").EnumerateArray());
        Assert.Equal("GF-002", amended.GetProperty("code").GetString());
        Assert.Equal(new[] { "integrityRisks", "timeLimit" }, amended.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()!).Order().ToArray());

        var earlier = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list/changes?from=2019-12-31&to=2020-01-01");
        Assert.Equal("XK-001", Assert.Single(earlier.GetProperty("added").EnumerateArray()).GetProperty("code").GetString());
        Assert.Empty(earlier.GetProperty("amended").EnumerateArray());
        Assert.Empty(earlier.GetProperty("repealed").EnumerateArray());
    }

    [Fact]
    public async Task Bad_dates_are_refused_naming_the_field()
    {
        var (_, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);

        var list = await judicial.GetAsync($"/api/t/{slug}/open-government/power-list?asOf=2020-13-45");
        var changes = await judicial.GetAsync($"/api/t/{slug}/open-government/power-list/changes?from=yesterday&to=2020-02-30");
        var proposal = await judicial.PostAsJsonAsync($"/api/t/{slug}/open-government/power-list/proposals", new { title = "", effectiveOn = "2020/01/01", changes = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.True((await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("asOf", out _));
        var changeErrors = (await changes.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(changeErrors.TryGetProperty("from", out _));
        Assert.True(changeErrors.TryGetProperty("to", out _));
        var proposalErrors = (await proposal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(proposalErrors.TryGetProperty("title", out _));
        Assert.True(proposalErrors.TryGetProperty("effectiveOn", out _));
        Assert.True(proposalErrors.TryGetProperty("changes", out _));
    }

    [Fact]
    public async Task An_item_without_name_article_or_valid_phone_is_refused_with_every_field_named()
    {
        var (_, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        var item = PowerListScenario.Item("T-009", "", "行政监督");
        item["legalBasis"] = "《中华人民共和国土地管理法》";
        item["supervisionPhone"] = "call us";

        var response = await judicial.PostAsJsonAsync($"/api/t/{slug}/open-government/power-list/proposals", new { title = "新增", effectiveOn = "2030-01-01", changes = new[] { PowerListScenario.Add(item) } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "category", "legalBasis", "supervisionPhone" })
        {
            Assert.True(errors.TryGetProperty($"changes[0].item.{field}", out _), field);
        }
    }

    [Fact]
    public async Task A_rejected_proposal_changes_nothing_and_needs_a_reason()
    {
        var (admin, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        var county = await PowerListScenario.ApproverAsync(platform, admin, slug);
        var proposal = await PowerListScenario.ProposeAsync(judicial, slug, "2030-01-01", PowerListScenario.Add(PowerListScenario.Item("T-002", "特困人员救助供养", "行政给付")));
        var url = $"/api/t/{slug}/open-government/power-list/proposals/{proposal.GetProperty("id")}";

        var noReason = await county.PostAsJsonAsync(url + "/reject", new { version = 1 });
        var rejected = await county.PostAsJsonAsync(url + "/reject", new { version = 1, reason = "依据不足" });
        var approveAfter = await county.PostAsJsonAsync(url + "/approve", new { version = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approveAfter.StatusCode);
        var stored = await judicial.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("rejected", stored.GetProperty("status").GetString());
        Assert.Equal("依据不足", stored.GetProperty("decisionNote").GetString());
        var list = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list?asOf=2030-06-01");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await judicial.GetAsync($"/api/t/{slug}/open-government/power-list/items/T-002")).StatusCode);
    }

    [Fact]
    public async Task Approving_with_a_stale_version_is_a_conflict()
    {
        var (admin, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        var county = await PowerListScenario.ApproverAsync(platform, admin, slug);
        var proposal = await PowerListScenario.ProposeAsync(judicial, slug, "2030-01-01", PowerListScenario.Add(PowerListScenario.Item("T-003", "临时救助", "行政给付")));
        var url = $"/api/t/{slug}/open-government/power-list/proposals/{proposal.GetProperty("id")}";

        var stale = await county.PostAsJsonAsync(url + "/approve", new { version = 7 });
        var judicialTries = await judicial.PostAsJsonAsync(url + "/approve", new { version = 1 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, judicialTries.StatusCode);
        Assert.Equal("pending", (await judicial.GetFromJsonAsync<JsonElement>(url)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_repeal_ends_the_item_on_its_effective_date_and_keeps_its_history()
    {
        var (admin, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        var county = await PowerListScenario.ApproverAsync(platform, admin, slug);
        var added = await PowerListScenario.ProposeAsync(judicial, slug, "2030-01-01", PowerListScenario.Add(PowerListScenario.Item("T-004", "土地承包经营纠纷调解", "行政裁决")));
        await PowerListScenario.ApproveAsync(county, slug, added);
        var repealed = await PowerListScenario.ProposeAsync(judicial, slug, "2031-01-01", new { kind = "repeal", code = "T-004", reason = "职责调整" });
        await PowerListScenario.ApproveAsync(county, slug, repealed);

        var sameDay = await judicial.PostAsJsonAsync($"/api/t/{slug}/open-government/power-list/proposals",
            new { title = "再次取消", effectiveOn = "2032-01-01", changes = new[] { new { kind = "repeal", code = "T-004" } } });

        Assert.Equal(HttpStatusCode.BadRequest, sameDay.StatusCode);
        Assert.Single((await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list?asOf=2030-12-31")).GetProperty("items").EnumerateArray());
        Assert.Empty((await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list?asOf=2031-01-01")).GetProperty("items").EnumerateArray());
        var item = await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list/items/T-004?asOf=2031-06-01");
        Assert.Equal(JsonValueKind.Null, item.GetProperty("inForce").ValueKind);
        var version = Assert.Single(item.GetProperty("history").EnumerateArray());
        Assert.Equal("repeal", version.GetProperty("endedBy").GetString());
        Assert.Equal("2031-01-01", version.GetProperty("validTo").GetString());
    }

    [Fact]
    public async Task Another_townships_staff_can_neither_read_nor_write_the_list()
    {
        var (admin, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        var proposal = await PowerListScenario.ProposeAsync(judicial, slug, "2030-01-01", PowerListScenario.Add(PowerListScenario.Item("T-005", "生育登记", "行政确认")));
        var other = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var stranger = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, other, PowerListScenario.JudicialOffice, PowerListScenario.CountyApprover), Scenario.Password);

        var reads = new[]
        {
            await stranger.GetAsync($"/api/t/{slug}/open-government/power-list"),
            await stranger.GetAsync($"/api/t/{slug}/open-government/power-list/proposals"),
            await stranger.GetAsync($"/api/t/{slug}/open-government/power-list/export.xlsx"),
            await stranger.GetAsync($"/t/{slug}/open-government/power-list"),
        };
        var writes = new[]
        {
            await stranger.PostAsJsonAsync($"/api/t/{slug}/open-government/power-list/proposals", new { title = "x", effectiveOn = "2030-01-01", changes = new[] { PowerListScenario.Add(PowerListScenario.Item("T-006", "x", "其他")) } }),
            await stranger.PostAsJsonAsync($"/api/t/{slug}/open-government/power-list/proposals/{proposal.GetProperty("id")}/approve", new { version = 1 }),
        };
        // Their own township's API does not know the proposal either.
        var viaOwn = await stranger.PostAsJsonAsync($"/api/t/{other}/open-government/power-list/proposals/{proposal.GetProperty("id")}/approve", new { version = 1 });

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.All(writes, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, viaOwn.StatusCode);
        Assert.Equal("pending", (await judicial.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/power-list/proposals/{proposal.GetProperty("id")}")).GetProperty("status").GetString());
    }
}
