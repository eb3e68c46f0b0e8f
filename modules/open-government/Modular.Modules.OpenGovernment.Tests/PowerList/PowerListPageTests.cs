using System.Net;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.PowerList;

[Collection(OpenGovernmentCollection.Name)]
public sealed class PowerListPageTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task A_visitor_sees_on_the_portal_only_the_items_in_force_and_can_filter_by_category()
    {
        var (admin, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        var county = await PowerListScenario.ApproverAsync(platform, admin, slug);
        await judicial.PostAsync($"/api/t/{slug}/open-government/power-list/demo", null);
        var future = await PowerListScenario.ProposeAsync(judicial, slug, "2099-01-01", PowerListScenario.Add(PowerListScenario.Item("FUTURE-1", "将来才生效的事项", "行政许可")));
        await PowerListScenario.ApproveAsync(county, slug, future);
        await PowerListScenario.ProposeAsync(judicial, slug, "2022-01-01", PowerListScenario.Add(PowerListScenario.Item("PENDING-1", "尚未批准的事项", "行政许可")));
        var visitor = platform.AnonymousClient();

        var all = await visitor.GetAsync($"/t/{slug}/open-government/portal/power-list");
        var licences = await visitor.GetStringAsync($"/t/{slug}/open-government/portal/power-list?category={Uri.EscapeDataString("行政许可")}");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var page = await all.Content.ReadAsStringAsync();
        Assert.Contains("对农村村民未经批准非法占用土地建住宅的处罚", page); // added 2021
        Assert.Contains("组织开展森林防火", page);
        Assert.DoesNotContain("社会抚养费征收", page); // repealed 2021
        Assert.DoesNotContain("将来才生效的事项", page);
        Assert.DoesNotContain("尚未批准的事项", page);
        Assert.Contains("农村村民宅基地审批", licences);
        Assert.DoesNotContain("组织开展森林防火", licences);
        Assert.Equal(4, licences.Split("<tr data-code=").Length - 1);
    }

    [Fact]
    public async Task Staff_pages_show_the_list_as_of_a_date_the_item_with_its_flow_chart_and_the_changes()
    {
        var (_, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        await judicial.PostAsync($"/api/t/{slug}/open-government/power-list/demo", null);

        var list = await judicial.GetStringAsync($"/t/{slug}/open-government/power-list?asOf=2020-12-31&category={Uri.EscapeDataString("其他")}");
        var item = await judicial.GetStringAsync($"/t/{slug}/open-government/power-list/items/GF-002?asOf=2020-12-31");
        var changes = await judicial.GetStringAsync($"/t/{slug}/open-government/power-list/changes?from=2020-06-01&to=2021-12-31");
        var proposals = await judicial.GetStringAsync($"/t/{slug}/open-government/power-list/proposals");
        var import = await judicial.GetAsync($"/t/{slug}/open-government/power-list/import");

        Assert.Contains("data-category=\"其他\"><a", list);
        Assert.Equal(51, list.Split("<tr data-code=").Length - 1);
        Assert.Contains("<svg", item);
        Assert.Contains("入户调查核实", item);
        Assert.Contains("15个工作日", item);
        Assert.Contains("办理时限", changes);
        Assert.Contains("社会抚养费征收", changes);
        Assert.Contains("2021年度权责清单调整", proposals);
        Assert.Contains("id=\"propose-form\"", proposals);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
    }

    [Fact]
    public async Task The_annual_report_states_the_list_on_31_December_and_the_home_page_counts_items_in_force()
    {
        var (_, slug, judicial) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], PowerListScenario.JudicialOffice);
        await judicial.PostAsync($"/api/t/{slug}/open-government/power-list/demo", null);

        var report = await judicial.GetStringAsync($"/t/{slug}/annual-report?year=2020");
        var home = await judicial.GetStringAsync($"/t/{slug}");

        Assert.Contains("截至2020年12月31日，本镇权责清单共有事项90项，其中行政许可4项、行政处罚4项、行政强制3项、行政给付6项、行政检查9项、行政确认8项、行政奖励2项、行政裁决3项、其他类别51项。", report);
        Assert.Contains("权责事项", home);
    }
}
