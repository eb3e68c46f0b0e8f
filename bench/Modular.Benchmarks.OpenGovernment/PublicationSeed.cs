using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Modular.Benchmarks.OpenGovernment;

/// <summary>One publication as the clerk drafts it (the API's draft body).</summary>
internal sealed record DraftBody(int ExpectedVersion, string Title, string Category, string? DocumentNumber, string BodyHtml, DateOnly MadeOn, string Disclosure, string? NotDisclosedReason, string IssuingOffice);

/// <summary>
/// Proactive publications of a township over five years, from a few templates per catalogue category × villages ×
/// dates: realistic Chinese titles and bodies of 600–1,200 characters. Each is drafted and submitted by the clerk and
/// approved by the reviewer with both checks passed, through the API, by parallel workers.
/// </summary>
internal static class PublicationSeed
{
    /// <summary>The word the portal search looks for; part of about one template in six.</summary>
    public const string SearchWord = "乡村振兴";

    /// <summary>A two-character word the 公共服务 titles and bodies hold inside longer text.</summary>
    public const string ShortSearchWord = "低保";

    private static readonly string[] Villages = ["野马川村", "双河村", "新街村", "红旗村", "团结村", "大寨村", "白果村", "营盘村", "长岭村", "水塘村", "石板村", "龙井村"];

    private static readonly string[] Offices = ["镇党政综合办公室", "镇财政所", "镇社会事务服务中心", "镇农业服务中心", "镇自然资源所", "镇综合行政执法大队", "镇应急管理办公室", "镇村镇建设服务中心"];

    private static readonly Dictionary<string, string[]> Titles = new()
    {
        ["机构职能"] = ["关于调整{镇}{月}月值班安排的通知", "{镇}党政领导班子成员工作分工调整公告（{年}年第{n}号）", "{镇}便民服务中心窗口职责与办事指南（{年}年{月}月修订）"],
        ["法规文件"] = ["关于印发《{镇}{村}村规民约》的通知", "关于转发《{年}年{县}{乡村振兴}重点工作任务》的通知", "{镇}关于加强农村宅基地管理的实施意见（{年}年第{n}号）"],
        ["规划计划"] = ["{镇}{年}年{乡村振兴}工作计划", "{镇}{村}村庄规划（{年}—{年5}年）公示", "{镇}{年}年度重点项目建设计划（第{n}批）"],
        ["财政信息"] = ["{镇}{年}年{月}月财政预算执行情况", "{镇}{年}年度部门预算公开说明", "{镇}{年}年第{季}季度“三公”经费支出情况"],
        ["权责清单"] = ["{镇}权责清单动态调整情况说明（{年}年{月}月）", "{镇}{年}年行政执法事项目录公示"],
        ["重大决策"] = ["关于{村}村道硬化工程的决策草案征求意见公告", "{镇}{年}年{乡村振兴}衔接资金项目安排决策公告", "关于{村}饮水安全巩固提升工程的决策结果公开"],
        ["公共服务"] = ["{镇}{年}年{月}月城乡低保、特困供养对象名单公示", "{镇}{年}年秋季学期学生资助名单公示（第{n}批）", "{镇}{年}年{月}月防汛抗旱值班及避险转移安排", "{村}{年}年{月}月新型农村合作医疗缴费通知"],
        ["其他"] = ["{镇}{年}年{月}月森林防火工作简报", "{镇}{年}年{月}月安全生产检查情况通报", "{镇}{村}人居环境整治“红黑榜”（{年}年{月}月）"],
    };

    private static readonly string[] Sentences =
    [
        "为深入贯彻落实党中央、国务院决策部署，结合本镇实际，现将有关事项公告如下。",
        "各村（社区）要高度重视，明确专人负责，确保各项工作任务按时保质完成。",
        "本镇严格按照《中华人民共和国政府信息公开条例》的规定，主动公开相关信息，接受群众监督。",
        "{村}共排查农户{n}户，其中脱贫户{m}户、监测户{k}户，均已建立台账并实行动态管理。",
        "围绕{乡村振兴}战略，本镇重点推进产业发展、基础设施建设和人居环境整治，累计投入资金{n}万元。",
        "经村民代表大会讨论通过，并在村务公开栏公示{k}日无异议后，报镇人民政府审核。",
        "对群众反映的问题，镇纪委将及时调查核实，依规依纪严肃处理。",
        "公示期间，如有异议，请以书面形式向镇社会事务服务中心反映，联系电话：0857-3291001。",
        "本年度共完成通组路硬化{m}公里，新建产业路{k}公里，解决{n}人安全饮水问题。",
        "各村要加强森林防火宣传，严禁野外用火，发现火情立即报告。",
        "镇财政所按照预算法和有关规定编制本表，数据以县财政局批复为准。",
        "下一步，本镇将继续巩固拓展脱贫攻坚成果同{乡村振兴}有效衔接，守住不发生规模性返贫的底线。",
        "汛期各村要落实24小时值班制度，加强地质灾害隐患点巡查，遇险情及时组织群众转移避险。",
        "本次共审核低保对象{n}户{m}人，特困供养对象{k}人，按月足额发放救助资金。",
    ];

    public static IReadOnlyList<DraftBody> Generate(int count, DateOnly today, string township, string county, out int withSearchWord)
    {
        var random = new Random(20261125);
        var categories = Titles.Keys.ToArray();
        var list = new List<DraftBody>(count);
        withSearchWord = 0;
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            // Spread over five years, newest first, a little jitter so several fall on one day as they do.
            var madeOn = today.AddDays(-(int)((long)i * 1825 / count) - random.Next(0, 3));
            var category = categories[i % categories.Length];
            var templates = Titles[category];
            var template = templates[random.Next(templates.Length)];
            var village = Villages[random.Next(Villages.Length)];
            string Fill(string text) => text
                .Replace("{镇}", township, StringComparison.Ordinal)
                .Replace("{县}", county, StringComparison.Ordinal)
                .Replace("{村}", village, StringComparison.Ordinal)
                .Replace("{乡村振兴}", SearchWord, StringComparison.Ordinal)
                .Replace("{年5}", (madeOn.Year + 5).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{年}", madeOn.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{月}", madeOn.Month.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{季}", ((madeOn.Month + 2) / 3).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{n}", random.Next(1, 400).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{m}", random.Next(1, 60).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{k}", random.Next(1, 30).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

            var title = Fill(template);
            var body = new StringBuilder();
            body.Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2>");
            var paragraphs = random.Next(4, 8);
            for (var p = 0; p < paragraphs; p++)
            {
                body.Append("<p>");
                for (var s = 0; s < 3; s++)
                {
                    // Only the templates that name the word carry it: the search finds a known share.
                    var sentence = Sentences[random.Next(Sentences.Length)];
                    if (sentence.Contains("{乡村振兴}", StringComparison.Ordinal) && !template.Contains("{乡村振兴}", StringComparison.Ordinal))
                    {
                        sentence = sentence.Replace("{乡村振兴}", "产业发展", StringComparison.Ordinal);
                    }

                    body.Append(WebUtility.HtmlEncode(Fill(sentence)));
                }

                body.Append("</p>");
            }

            if (i % 5 == 0)
            {
                body.Append("<table><tr><th>村</th><th>户数</th><th>金额（元）</th></tr>");
                foreach (var v in Villages.Take(4))
                {
                    body.Append(CultureInfo.InvariantCulture, $"<tr><td>{v}</td><td>{random.Next(10, 300)}</td><td>{random.Next(1000, 90000)}</td></tr>");
                }

                body.Append("</table>");
            }

            if (template.Contains("{乡村振兴}", StringComparison.Ordinal))
            {
                withSearchWord++;
            }

            var year = madeOn.Year;
            numbers[year] = numbers.GetValueOrDefault(year) + 1;
            var documentNumber = i % 3 == 0 ? $"{township[..2]}府发〔{year}〕{numbers[year]}号" : null;
            list.Add(new DraftBody(0, title.Length > 200 ? title[..200] : title, category, documentNumber, body.ToString(), madeOn, "proactive", null, Offices[random.Next(Offices.Length)]));
        }

        return list;
    }

    /// <summary>Drafts, submits and approves every publication with <paramref name="workers"/> parallel workers; returns the wall time.</summary>
    public static async Task<TimeSpan> SeedAsync(Api clerk, Api reviewer, string township, IReadOnlyList<DraftBody> drafts, int workers, Action<string> progress)
    {
        var root = $"/api/t/{township}/open-government/publications";
        var next = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();
        async Task WorkerAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < drafts.Count)
            {
                var created = await clerk.PostAsync(root, drafts[index], HttpStatusCode.Created);
                var id = created.GetProperty("id").GetGuid();
                var version = created.GetProperty("version").GetInt32();
                var submitted = await clerk.PostAsync($"{root}/{id}/submit", new { expectedVersion = version });
                version = submitted.GetProperty("version").GetInt32();
                await reviewer.PostAsync($"{root}/{id}/approve", new
                {
                    expectedVersion = version,
                    confidentialityPassed = true,
                    confidentialityOpinion = "经审查，不涉及国家秘密、工作秘密和个人隐私，同意公开。",
                    legalityPassed = true,
                    legalityOpinion = "内容合法，程序合规，同意发布。",
                });
                var finished = Interlocked.Increment(ref done);
                if (finished % 500 == 0)
                {
                    progress($"  {finished:N0} / {drafts.Count:N0} publications published ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkerAsync)));
        return clock.Elapsed;
    }
}
