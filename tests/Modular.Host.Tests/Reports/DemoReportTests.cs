using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Kit;
using Modular.Testing;

namespace Modular.Host.Tests.Reports;

/// <summary>
/// The demo's 2020 report of 野马川镇, drafted from the demo's records, read beside the township's own 2020 summary
/// (reference/township-2020-rule-of-law-summary.txt): each figure the summary gives and a module records, one by one.
/// </summary>
public sealed class DemoReportTests(DemoReportTests.Platform platform) : IClassFixture<DemoReportTests.Platform>
{
    public const string DemoPassword = "Demo-Passw0rd";

    public sealed class Platform() : PlatformFactory(
        TestPlugins.Set("shipped-modules", "Modular.Modules.Mediation", "Modular.Modules.OpenGovernment", "Modular.Modules.LegalServices", "Modular.Modules.LawStudy"), demo: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:DemoPassword", DemoPassword);
        }
    }

    /// <summary>The summary's figures: (where it says so, the report's figure label, the summary's value).</summary>
    public static TheoryData<string, string, string> SummaryFigures => new()
    {
        { "二、权责清单目录（分类合计90项）", "2020年12月31日权责清单事项", "90" },
        { "三、法律顾问参与相关决策会议5次", "法律顾问参与决策会议", "5" },
        { "三、提供法律意见10条", "提供法律意见", "10" },
        { "三、参与讨论修订了各类合同、方案8个", "修订合同、方案", "8" },
        { "三、代理行政案件和民事案件共计4件", "代理行政、民事案件", "4" },
        { "三、我镇未制定规范性文件", "制定规范性文件", "0" },
        { "五、矛盾纠纷排查46起", "矛盾纠纷排查", "46" },
        { "五、化解46起", "矛盾纠纷化解", "46" },
        { "五、上级交转办各类信访案件21件", "受理信访事项", "21" },
        { "五、按时办结18件", "按期办结", "18" },
        { "五、3件正在办理中", "尚在办理", "3" },
    };

    [Theory]
    [MemberData(nameof(SummaryFigures))]
    public async Task The_drafted_2020_report_carries_the_summarys_figure(string summary, string label, string value)
    {
        var report = await ReportAsync();
        Assert.True(Figures(report).TryGetValue(label, out var figure), $"{summary}: the report has no figure {label}");
        Assert.Equal(value, figure);
    }

    [Fact]
    public async Task The_drafted_2020_report_carries_the_power_list_by_category_legal_aid_study_and_certified_officers()
    {
        var report = await ReportAsync();
        var text = string.Join("", report.GetProperty("facts").GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("paragraphs").EnumerateArray()).Select(p => p.GetString()));

        // 行政许可4项、行政处罚4项、行政强制3项、行政给付6项、行政检查9项、行政确认8项、行政奖励2项、行政裁决3项、其他类别51项
        foreach (var part in new[] { "行政许可4项", "行政处罚4项", "行政强制3项", "行政给付6项", "行政检查9项", "行政确认8项", "行政奖励2项", "行政裁决3项", "其他类别51项" })
        {
            Assert.Contains(part, text);
        }

        var figures = Figures(report);
        Assert.True(int.Parse(figures["受理法律援助申请"], System.Globalization.CultureInfo.InvariantCulture) >= 20, "为民众提供民事法律援助20余件");
        Assert.True(int.Parse(figures["持有有效行政执法证的执法人员"], System.Globalization.CultureInfo.InvariantCulture) > 0, "顺利申办了行政执法证件");
        Assert.True(int.Parse(figures["学法活动"], System.Globalization.CultureInfo.InvariantCulture) > 0, "通过党组中心组、干部职工大会等形式");
    }

    [Fact]
    public async Task The_demo_report_is_approved_sent_and_published_with_the_summarys_judgement_parts_and_on_the_portal()
    {
        var report = await ReportAsync();
        Assert.Equal("published", report.GetProperty("state").GetString());
        Assert.Contains("执法过程记录、公示还不够全面", report.GetProperty("parts").GetProperty("shortcomings").GetString());
        Assert.Empty(report.GetProperty("changedSinceApproval").EnumerateArray());

        var visitor = platform.AnonymousClient();
        JsonElement[] items = [];
        for (var i = 0; i < 150 && items.Length == 0; i++)
        {
            items = [.. (await visitor.GetFromJsonAsync<JsonElement>($"/api/t/yemachuan/open-government/public/publications?q={Uri.EscapeDataString("野马川镇2020年法治政府建设工作报告")}&n={i}"))
                .GetProperty("items").EnumerateArray()];
            await Task.Delay(items.Length == 0 ? 200 : 0);
        }

        var item = Assert.Single(items);
        Assert.Equal("规划计划", item.GetProperty("category").GetString());

        // Each step on its day: approved on the summary's date, sent before 3月1日 and published before 4月1日, so the
        // county sees the demo's report on time and the portal dates it when it was published.
        static DateOnly Day(JsonElement e, string name) => TownshipTime.DayOf(e.GetProperty(name).GetDateTimeOffset());
        Assert.Equal(new DateOnly(2020, 12, 16), Day(report, "approvedAt"));
        Assert.InRange(Day(report, "sentAt"), new DateOnly(2020, 12, 16), new DateOnly(2021, 2, 28));
        Assert.InRange(Day(report, "publishedAt"), Day(report, "sentAt"), new DateOnly(2021, 3, 31));
        Assert.Equal(Day(report, "publishedAt"), Day(item, "publishedAt"));
        Assert.All(report.GetProperty("versions").EnumerateArray(), v => Assert.Equal(2020, Day(v, "at").Year));
    }

    private async Task<JsonElement> ReportAsync()
    {
        var clerk = await platform.SignedInClientAsync("report-clerk", DemoPassword);
        return await clerk.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/annual-report/2020");
    }

    private static Dictionary<string, string> Figures(JsonElement report) =>
        report.GetProperty("facts").GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("figures").EnumerateArray())
            .GroupBy(f => f.GetProperty("label").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("value").GetString()!);
}
