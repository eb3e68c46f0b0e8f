using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Modular.Benchmarks.OpenGovernment;

/// <summary>The stage duties of an item, as the API takes them.</summary>
internal sealed record Stages(string Intake, string Review, string Decision, string Delivery, string Supervision);

/// <summary>A power item as the API takes it (same field names as the module's <c>PowerItem</c>).</summary>
internal sealed record Item(
    string Code, string Name, string? SubItem, string Category, string LegalBasis, string ImplementingOffice, IReadOnlyList<string> CooperatingDepartments,
    string PowerSource, Stages Responsibilities, IReadOnlyList<string> AccountabilityCases, IReadOnlyList<string> WorkflowSteps,
    IReadOnlyList<string> IntegrityRisks, string TimeLimit, string SupervisionPhone);

internal sealed record Change(string Kind, string Code, Item? Item, string? Reason);

/// <summary>What the power-list seeding produced.</summary>
internal sealed record PowerListHistory(int Proposals, int Added, int Amended, int Repealed, DateOnly First, DateOnly Last, IReadOnlyList<DateOnly> EffectiveDates, TimeSpan Took);

/// <summary>
/// Five years of a township's power list, through the API as the judicial office proposes and the county approves:
/// a first list of 90 items (the demo township's category figures), then one approved proposal a month for five years,
/// each amending about half the items in force (so every item changes about six times a year), adding three items
/// each July and repealing two each January.
/// </summary>
internal static class PowerListSeed
{
    private static readonly (string Category, string Prefix, int Count, string Office, string Law)[] Shape =
    [
        ("行政许可", "XK", 4, "镇村镇建设服务中心", "《中华人民共和国城乡规划法》"),
        ("行政处罚", "CF", 4, "镇综合行政执法大队", "《中华人民共和国行政处罚法》"),
        ("行政强制", "QZ", 3, "镇综合行政执法大队", "《中华人民共和国行政强制法》"),
        ("行政给付", "GF", 6, "镇社会事务服务中心", "《社会救助暂行办法》"),
        ("行政检查", "JC", 9, "镇应急管理办公室", "《中华人民共和国安全生产法》"),
        ("行政确认", "QR", 8, "镇社会事务服务中心", "《中华人民共和国村民委员会组织法》"),
        ("行政奖励", "JL", 2, "镇党政综合办公室", "《中华人民共和国森林法》"),
        ("行政裁决", "CJ", 3, "镇司法所", "《中华人民共和国土地管理法》"),
        ("其他", "QT", 51, "镇党政综合办公室", "《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》"),
    ];

    private static readonly string[] Topics =
    [
        "农村宅基地", "村庄规划", "森林防火", "防汛抗旱", "地质灾害防治", "安全生产", "道路交通安全", "食品安全", "义务教育控辍保学",
        "城乡居民医疗保险", "城乡居民养老保险", "最低生活保障", "特困人员供养", "残疾人两项补贴", "退役军人服务", "耕地保护", "农村人居环境整治",
        "秸秆禁烧", "河长制", "林长制", "动物防疫", "农产品质量安全", "矛盾纠纷排查化解", "人民调解", "法治宣传教育", "征兵", "民兵训练",
        "村务公开", "村级财务", "集体经济组织", "乡村振兴衔接资金", "易地扶贫搬迁后续扶持", "农村饮水安全", "危房改造", "殡葬改革", "计划生育奖励扶助",
    ];

    private static readonly string[] Verbs = ["组织实施", "监督检查", "宣传教育"];

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十五", "二十", "二十三", "三十", "四十一", "六十二", "七十八"];

    private static readonly string[] Departments = ["县自然资源局", "县农业农村局", "县民政局", "县应急管理局", "县公安局", "县林业局", "县住房城乡建设局", "村民委员会", "县司法局"];

    private static readonly string[] Risks = ["受理环节吃拿卡要", "审查环节降低标准", "优亲厚友、人情保", "选择性执法", "资金物资管理不规范", "公示走过场", "通风报信、包庇违法行为"];

    public static List<Item> Initial()
    {
        var items = new List<Item>();
        var topic = 0;
        foreach (var (category, prefix, count, office, law) in Shape)
        {
            for (var i = 1; i <= count; i++, topic++)
            {
                var subject = Topics[topic % Topics.Length];
                var name = category == "其他" ? $"{Verbs[topic / Topics.Length % Verbs.Length]}{subject}工作" : $"{subject}{CategoryNoun(category)}";
                items.Add(Make($"{prefix}-{i:D3}", name, category, law, office, topic));
            }
        }

        return items;
    }

    private static string CategoryNoun(string category) => category switch
    {
        "行政许可" => "审批",
        "行政处罚" => "违法行为的处罚",
        "行政强制" => "违法行为的强制措施",
        "行政给付" => "待遇给付",
        "行政检查" => "监督检查",
        "行政确认" => "情况确认",
        "行政奖励" => "先进集体和个人奖励",
        "行政裁决" => "权属争议裁决",
        _ => "工作",
    };

    private static Item Make(string code, string name, string category, string law, string office, int seed) => new(
        code, name, null, category, $"{law}第{Numerals[seed % Numerals.Length]}条", office,
        [Departments[seed % Departments.Length], Departments[(seed + 3) % Departments.Length]],
        seed % 7 == 0 ? "委托" : "法定",
        new Stages("依法受理申请或者发现的问题，一次性告知需补正的材料", "对材料进行审查，必要时组织现场核查", "在法定期限内依法作出决定并说明理由",
            "依法送达决定书并告知救济途径", "对决定执行情况进行跟踪监督"),
        ["不履行或者不正确履行职责，造成不良后果的", "违反法定程序办理的", "索取或者收受他人财物、谋取其他利益的", "其他违反法律法规规章规定的行为"],
        ["提出申请或者发现问题", "受理", "审查核实", "作出决定", "送达", "跟踪监管"],
        [Risks[seed % Risks.Length], Risks[(seed + 2) % Risks.Length]],
        $"法定期限内办结（{10 + (seed % 4 * 5)}日）",
        seed % 3 == 0 ? "0857-3291148" : "0857-3291001");

    /// <summary>The next version of an item: a new time limit always, now and then another risk point or other departments.</summary>
    private static Item Amend(Item item, int revision)
    {
        var risks = item.IntegrityRisks.ToList();
        if (revision % 2 == 0)
        {
            risks.Add(Risks[revision % Risks.Length] + $"（{revision}）");
        }
        else if (risks.Count > 2)
        {
            risks.RemoveAt(risks.Count - 1);
        }

        var departments = revision % 5 == 0
            ? (IReadOnlyList<string>)[Departments[revision % Departments.Length], Departments[(revision + 4) % Departments.Length]]
            : item.CooperatingDepartments;
        return item with { TimeLimit = $"{5 + (revision * 7 % 26)}个工作日", IntegrityRisks = risks, CooperatingDepartments = departments };
    }

    public static async Task<PowerListHistory> SeedAsync(Api judicial, Api county, string township, string townshipName, int years, DateOnly today, Action<string> progress)
    {
        var root = $"/api/t/{township}/open-government/power-list";
        var random = new Random(2021);
        var first = new DateOnly(today.Year - years, 1, 1);
        var clock = Stopwatch.StartNew();
        var inForce = Initial().ToDictionary(i => i.Code);
        var revisions = inForce.Keys.ToDictionary(c => c, _ => 0);
        var dates = new List<DateOnly>();
        int proposals = 0, added = 0, amended = 0, repealed = 0;

        async Task ProposeAndApproveAsync(string title, DateOnly effectiveOn, IReadOnlyList<Change> changes)
        {
            var proposal = await judicial.PostAsync($"{root}/proposals", new
            {
                title,
                explanation = $"经{townshipName}党委会研究，报县司法局合法性审查后提请审核。",
                effectiveOn = effectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                changes,
            }, HttpStatusCode.Created);
            var id = proposal.GetProperty("id").GetGuid();
            var version = proposal.GetProperty("version").GetInt32();
            await county.PostAsync($"{root}/proposals/{id}/approve", new { version, reason = "同意。" });
            proposals++;
            dates.Add(effectiveOn);
        }

        await ProposeAndApproveAsync($"{first.Year}年{townshipName}权责清单", first, [.. inForce.Values.Select(i => new Change("add", i.Code, i, null))]);
        added += inForce.Count;
        var extra = 0;
        for (var month = first.AddMonths(1); month.Year < today.Year; month = month.AddMonths(1))
        {
            var effectiveOn = month.AddDays(random.Next(0, 20));
            var changes = new List<Change>();
            var codes = inForce.Keys.Order(StringComparer.Ordinal).ToList();
            var repealNow = month.Month == 1 ? codes.Where(c => c.StartsWith("QT", StringComparison.Ordinal)).OrderBy(_ => random.Next()).Take(2).ToHashSet() : [];
            foreach (var code in codes)
            {
                if (repealNow.Contains(code))
                {
                    changes.Add(new Change("repeal", code, null, "上位法修改，该事项不再由乡镇实施"));
                    inForce.Remove(code);
                    repealed++;
                }
                else if (random.NextDouble() < 0.55)
                {
                    var next = Amend(inForce[code], ++revisions[code]);
                    inForce[code] = next;
                    changes.Add(new Change("amend", code, next, null));
                    amended++;
                }
            }

            if (month.Month == 7)
            {
                for (var k = 0; k < 3; k++, extra++)
                {
                    var (category, prefix, _, office, law) = Shape[extra % (Shape.Length - 1)];
                    var item = Make($"{prefix}-{month.Year}-{k + 1:D2}", $"{Topics[(extra * 5) % Topics.Length]}{CategoryNoun(category)}（{month.Year}年承接）", category, law, office, extra + 11);
                    inForce[item.Code] = item;
                    revisions[item.Code] = 0;
                    changes.Add(new Change("add", item.Code, item, null));
                    added++;
                }
            }

            await ProposeAndApproveAsync($"{month.Year}年{month.Month}月权责清单动态调整", effectiveOn, changes);
            if (month.Month == 12)
            {
                progress($"  power list: {month.Year} done, {proposals} proposals, {added + amended} item versions so far ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        return new PowerListHistory(proposals, added, amended, repealed, dates[0], dates[^1], dates, clock.Elapsed);
    }
}
