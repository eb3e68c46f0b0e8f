using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Contracts.Extensions;

namespace Modular.Host.Tests;

/// <summary>
/// The demo's 2020 read beside the township's own 2020 summary (shared/reference/township-2020-rule-of-law-summary.txt):
/// each figure of the summary, and what the modules recorded for it through their own steps.
/// </summary>
[Collection(DemoYearCollection.Name)]
public sealed partial class DemoYearTests(DemoYearPlatform platform)
{
    /// <summary>The summary's figures: its words, the report figure (or paragraph) that carries it, and its value.</summary>
    public static TheoryData<string, string, string> SummaryFigures => new()
    {
        { "权责清单目录（分类合计90项）", "2020年12月31日权责清单事项", "90" },
        { "法律顾问共参与相关决策会议5次", "法律顾问参与决策会议", "5" },
        { "提供法律意见10条", "提供法律意见", "10" },
        { "参与讨论修订了各类合同、方案8个", "修订合同、方案", "8" },
        { "代理行政案件和民事案件共计4件", "代理行政、民事案件", "4" },
        { "矛盾纠纷排查46起", "矛盾纠纷排查", "46" },
        { "化解46起", "矛盾纠纷化解", "46" },
        { "上级交转办各类信访案件21件", "受理信访事项", "21" },
        { "按时办结18件", "按期办结", "18" },
        { "3件正在办理中", "尚在办理", "3" },
        { "我镇未制定规范性文件", "制定规范性文件", "0" },
    };

    [Theory]
    [MemberData(nameof(SummaryFigures))]
    public async Task Each_figure_of_the_2020_summary_is_what_the_demo_records(string summary, string figure, string value)
    {
        var figures = (await platform.ReportAsync(2020)).SelectMany(s => s.Figures).ToList();
        var found = figures.Where(f => f.Label.Chinese == figure).Select(f => f.Value).ToList();
        Assert.True(found.Contains(value), $"{summary}: the report's 「{figure}」 is [{string.Join(", ", found)}], not {value}");
    }

    [Fact]
    public async Task The_power_list_on_31_December_2020_has_the_summarys_count_in_every_category()
    {
        var paragraph = string.Concat((await platform.ReportAsync(2020)).Where(s => s.Chapter == AnnualReportChapters.FunctionsByLaw).SelectMany(s => s.Paragraphs));
        foreach (var (category, count) in new[] { ("行政许可", 4), ("行政处罚", 4), ("行政强制", 3), ("行政给付", 6), ("行政检查", 9), ("行政确认", 8), ("行政奖励", 2), ("行政裁决", 3), ("其他类别", 51) })
        {
            Assert.Contains($"{category}{count}项", paragraph);
        }
    }

    [Fact]
    public async Task Legal_aid_counts_more_than_twenty_civil_cases_as_the_summarys_20_odd()
    {
        var applications = (await platform.ReportAsync(2020)).SelectMany(s => s.Figures).Single(f => f.Label.Chinese == "受理法律援助申请");
        Assert.True(int.Parse(applications.Value, System.Globalization.CultureInfo.InvariantCulture) > 20, $"legal aid: {applications.Value}");
    }

    [Fact]
    public async Task The_normative_register_says_none_were_made_in_2020_and_the_report_quotes_it()
    {
        var sections = await platform.ReportAsync(2020);
        Assert.Contains(sections.SelectMany(s => s.Paragraphs), p => p.StartsWith("本年度未制定规范性文件", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_studied_in_central_group_and_all_staff_sessions_and_the_enforcement_officers_hold_valid_certificates()
    {
        var figures = (await platform.ReportAsync(2020)).SelectMany(s => s.Figures).ToList();
        Assert.True(Number(figures, "学法活动") > 0);
        Assert.True(Number(figures, "持有有效行政执法证的执法人员") >= 2, "a task needs two certified officers (行政处罚法 Art 42)");
        // "对没有取得执法资质的，一律不安排从事行政执法工作": the assignments the platform refused.
        Assert.True(Number(figures, "拒绝不符合条件的指派") > 0);
    }

    [Fact]
    public async Task The_portal_holds_the_years_publications_across_the_catalogue_and_the_2020_disclosure_report()
    {
        var client = platform.AnonymousClient();
        var items = new List<JsonElement>();
        for (var page = 1; page <= 10; page++)
        {
            var answer = await client.GetFromJsonAsync<JsonElement>($"/api/t/{DemoYearPlatform.Township}/open-government/public/publications?page={page}");
            items.AddRange(answer.GetProperty("items").EnumerateArray());
            if (!answer.GetProperty("hasMore").GetBoolean())
            {
                break;
            }
        }

        var of2020 = items.Where(i => i.GetProperty("publishedAt").GetDateTimeOffset().Year == 2020).ToList();
        Assert.True(of2020.Count >= 30, $"{of2020.Count} publications of 2020");
        var categories = of2020.Select(i => i.GetProperty("category").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "机构职能", "法规文件", "规划计划", "财政信息", "权责清单", "重大决策", "公共服务", "政务动态", "行政执法公示" }, categories);
        var report = Assert.Single(items, i => i.GetProperty("title").GetString() == "野马川镇2020年政府信息公开工作年度报告");
        Assert.Equal("政府信息公开年报", report.GetProperty("category").GetString());
    }

    [Fact]
    public async Task The_demos_people_are_named_as_documents_write_them()
    {
        var clerk = await platform.SignedInClientAsync("mediation.petition-clerk", DemoTownshipTests.DemoPassword);
        var petitions = await clerk.GetStringAsync($"/t/{DemoYearPlatform.Township}/mediation/petitions");
        var mediator = await platform.SignedInClientAsync("mediation.mediator", DemoTownshipTests.DemoPassword);
        var disputes = await mediator.GetStringAsync($"/t/{DemoYearPlatform.Township}/mediation/disputes");
        foreach (var page in new[] { petitions, disputes })
        {
            Assert.DoesNotMatch(Nonsense(), page);
            Assert.Matches(Withheld(), page);
        }
    }

    private static int Number(IEnumerable<ReportFigure> figures, string label) =>
        int.Parse(figures.First(f => f.Label.Chinese == label).Value, System.Globalization.CultureInfo.InvariantCulture);

    // What the old generators made: a role word and a character counted on from 甲 (群众画, 村民男).
    [GeneratedRegex("(群众|村民)[\u4e00-\u9fff](?![\u4e00-\u9fff])")]
    private static partial Regex Nonsense();

    [GeneratedRegex("[\u4e00-\u9fff]某某?")]
    private static partial Regex Withheld();
}
