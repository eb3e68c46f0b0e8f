using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.PowerList;

/// <summary>Builds power-list items and proposals through the API, as the judicial office and the county would.</summary>
internal static class PowerListScenario
{
    public const string JudicialOffice = "open-government.judicial-office";
    public const string CountyApprover = "open-government.county-approver";

    /// <summary>The 2020 summary's figures (野马川镇, reference/township-2020-rule-of-law-summary.txt).</summary>
    public static readonly Dictionary<string, int> Counts2020 = new()
    {
        ["行政许可"] = 4,
        ["行政处罚"] = 4,
        ["行政强制"] = 3,
        ["行政给付"] = 6,
        ["行政检查"] = 9,
        ["行政确认"] = 8,
        ["行政奖励"] = 2,
        ["行政裁决"] = 3,
        ["其他"] = 51,
    };

    public static async Task<HttpClient> ApproverAsync(OpenGovernmentPlatform platform, HttpClient admin, string slug) =>
        await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, CountyApprover), Scenario.Password);

    public static Dictionary<string, int> Counts(JsonElement list) =>
        list.GetProperty("countsByCategory").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    public static Dictionary<string, object?> Item(string code, string name, string category) => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["category"] = category,
        ["legalBasis"] = "《中华人民共和国土地管理法》第六十二条",
        ["implementingOffice"] = "镇自然资源所",
        ["cooperatingDepartments"] = new[] { "县自然资源局" },
        ["powerSource"] = "法定",
        ["responsibilities"] = new { intake = "受理申请", review = "审查材料", decision = "作出决定", delivery = "送达决定", supervision = "事后监管" },
        ["accountabilityCases"] = new[] { "对符合条件的申请不予受理的" },
        ["workflowSteps"] = new[] { "申请", "受理", "审查", "决定", "送达" },
        ["integrityRisks"] = new[] { "违规审批" },
        ["timeLimit"] = "20个工作日",
        ["supervisionPhone"] = "0857-3291001",
    };

    public static object Add(Dictionary<string, object?> item) => new { kind = "add", code = item["code"], item };

    public static async Task<JsonElement> ProposeAsync(HttpClient judicial, string slug, string effectiveOn, params object[] changes)
    {
        var response = await judicial.PostAsJsonAsync($"/api/t/{slug}/open-government/power-list/proposals", new { title = "调整", effectiveOn, changes });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task ApproveAsync(HttpClient county, string slug, JsonElement proposal)
    {
        var response = await county.PostAsJsonAsync($"/api/t/{slug}/open-government/power-list/proposals/{proposal.GetProperty("id")}/approve", new { version = proposal.GetProperty("version").GetInt32() });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
