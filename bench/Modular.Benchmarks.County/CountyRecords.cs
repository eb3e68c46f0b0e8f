using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Benchmarks.LegalServices;
using Modular.Kit.Documents;

namespace Modular.Benchmarks.County;

/// <summary>
/// Ten years of a township's mediation, law study and open government as the township would enter them, each through
/// the module's own door: the dispute ledger and the staff roster as the .xlsx files their imports read, study sessions
/// and their sign-in sheets through the study API, publications drafted, submitted and approved through the
/// publications API (the open-government benchmark's generator). Volumes near 野马川镇's: ~100 disputes, 12 study
/// sessions for 38 staff and a few dozen publications a year.
/// </summary>
internal static class CountyRecords
{
    public static readonly string[] DisputeColumns =
    [
        "编号", "受理日期", "来源", "移交单位", "类别", "村（社区）",
        "申请人", "申请人身份证号码", "申请人联系电话", "被申请人", "被申请人身份证号码", "被申请人联系电话",
        "纠纷简要情况", "特殊群体", "激化风险", "调解员", "办理结果", "结果日期", "协议形式", "结果说明",
    ];

    public static readonly string[] StaffColumns = ["姓名", "部门", "岗位", "执法岗位", "登录账号", "身份证号码", "联系电话", "入职日期", "状态", "离岗日期", "离岗原因"];

    private static readonly string[] Sources = ["排查发现", "排查发现", "当事人来访", "当事人来访", "信息联络员报告"];
    private static readonly string[] Categories = ["婚姻家庭纠纷", "邻里纠纷", "邻里纠纷", "山林土地纠纷", "山林土地纠纷", "劳动争议（欠薪）纠纷", "合同纠纷", "损害赔偿纠纷", "其他纠纷"];
    private static readonly string[] Villages = ["双河村", "团结村", "新华村", "红旗村", "龙井村", "河坝村", "青山村", "中寨村", "营盘村", "白岩村"];
    private static readonly string[] Risks = ["低", "低", "低", "中", "高"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "罗", "龙"];
    private static readonly string[] Departments = ["党政综合办公室", "司法所", "综合行政执法大队", "社会事务服务中心", "农业服务中心", "自然资源所"];
    private static readonly string[] Laws = ["《中华人民共和国宪法》", "《中华人民共和国民法典》", "《中华人民共和国行政处罚法》", "《中华人民共和国行政许可法》", "《中华人民共和国土地管理法》", "《中华人民共和国森林法》", "《信访工作条例》", "《中华人民共和国法律援助法》"];
    private static readonly string[] Kinds = ["CentralGroup", "PreMeeting", "PreMeeting", "AllStaff", "Training"];

    private static int _disputes;
    private static int _staff;
    private static int _sessions;
    private static int _publications;

    // Counted atomically: the province benchmark seeds townships in parallel.
    public static int Disputes => _disputes;

    public static int Staff => _staff;

    public static int Sessions => _sessions;

    public static int Publications => _publications;

    /// <summary>The township's dispute ledger, the last <paramref name="years"/> calendar years up to yesterday; those of the last month still in mediation.</summary>
    public static byte[] DisputeLedger(int township, DateOnly today, int perYear, int years = 10)
    {
        var random = new Random(1600 + township);
        var rows = new List<IReadOnlyList<object?>>();
        for (var year = today.Year - years + 1; year <= today.Year; year++)
        {
            var last = year == today.Year ? today.AddDays(-1) : new DateOnly(year, 12, 31);
            var count = year == today.Year ? perYear * last.DayOfYear / 365 : perYear;
            for (var i = 0; i < count; i++)
            {
                var received = new DateOnly(year, 1, 1).AddDays(random.Next(last.DayOfYear));
                var settled = received.AddDays(3 + random.Next(25));
                var open = settled >= today;
                var outcome = open ? "调解中" : random.Next(20) switch { 0 => "调解不成", 1 => "已分流", _ => "达成协议" };
                rows.Add(
                [
                    "", Day(received), Sources[random.Next(Sources.Length)], "", Categories[random.Next(Categories.Length)], Villages[random.Next(Villages.Length)],
                    Name(random), "", $"139{random.Next(10_000_000, 99_999_999)}", Name(random), "", "",
                    "双方因宅基地边界及排水沟走向发生争执，经村调委会初步调处未果。", "", Risks[random.Next(Risks.Length)], "刘强",
                    outcome, open ? "" : Day(settled), outcome == "达成协议" ? (random.Next(3) == 0 ? "口头协议" : "书面协议") : "",
                    outcome switch { "达成协议" => "双方自愿达成协议，当场履行。", "调解不成" => "双方分歧较大，告知通过诉讼途径解决。", "已分流" => "移交镇综合行政执法大队处理。", _ => "" },
                ]);
            }
        }

        Interlocked.Add(ref _disputes, rows.Count);
        return Workbook.Write("矛盾纠纷台帐", DisputeColumns, rows);
    }

    /// <summary>The township's staff roster: <paramref name="people"/> on it since before the ten years, a sixth on enforcement posts.</summary>
    public static byte[] StaffRoster(int township, DateOnly today, int people)
    {
        var random = new Random(3800 + township);
        var rows = new List<IReadOnlyList<object?>>();
        for (var i = 0; i < people; i++)
        {
            rows.Add([$"{Name(random)}{i}", Departments[i % Departments.Length], i == 0 ? "镇长" : "科员", i % 6 == 1 ? "是" : "否", "", "", "", Day(new DateOnly(today.Year - 12, 3, 1)), "", "", ""]);
        }

        Interlocked.Add(ref _staff, rows.Count);
        return Workbook.Write("工作人员花名册", StaffColumns, rows);
    }

    /// <summary><paramref name="perYear"/> study sessions a year (one a month by default) for the last <paramref name="years"/> years, each with its sign-in sheet: everyone present but one away.</summary>
    public static async Task StudySessionsAsync(Client clerk, string township, DateOnly today, int perYear, int years = 10)
    {
        var root = $"/api/t/{township}/law-study";
        var staff = JsonDocument.Parse(await clerk.GetStringAsync($"{root}/staff")).RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        var random = new Random(township.GetHashCode(StringComparison.Ordinal));
        for (var year = today.Year - years + 1; year <= today.Year; year++)
        {
            for (var i = 0; i < perYear; i++)
            {
                var heldOn = new DateOnly(year, 1 + (i * 12 / perYear), 10 + random.Next(15));
                if (heldOn >= today)
                {
                    break;
                }

                var law = Laws[random.Next(Laws.Length)];
                var created = await clerk.SendAsync(HttpMethod.Post, $"{root}/study/sessions", new
                {
                    kind = Kinds[random.Next(Kinds.Length)],
                    topic = $"学习{law}",
                    laws = new[] { law },
                    heldOn = Day(heldOn),
                    hours = 2 + random.Next(3),
                    organiser = "镇党政综合办公室",
                });
                var session = await created.Content.ReadFromJsonAsync<JsonElement>();
                var away = random.Next(staff.Count);
                await clerk.SendAsync(HttpMethod.Post, $"{root}/study/sessions/{session.GetProperty("id").GetGuid()}/attendance", new
                {
                    version = session.GetProperty("version").GetInt64(),
                    entries = staff.Select((id, n) => new { staffId = id, mark = n == away ? "OnDuty" : "Present", note = (string?)null, hours = (decimal?)null }),
                });
                Interlocked.Increment(ref _sessions);
            }
        }
    }

    public static void Published(int count) => Interlocked.Add(ref _publications, count);

    private static string Name(Random random) => Surnames[random.Next(Surnames.Length)] + "某" + (char)('一' + random.Next(20));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
