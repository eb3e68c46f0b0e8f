using System.Globalization;
using Modular.Kit.Documents;

namespace Modular.Benchmarks.LegalServices;

/// <summary>
/// Ten years of a township's registers as the station would keep them in Excel, in the columns the module's own
/// imports read (so the seeding goes through the module's checks, numbering and projections, one request per file).
/// Volumes as the 野马川镇 demo has them: ~160 consultations and ~23 legal-aid applications a year.
/// </summary>
internal static class CountyRegisters
{
    public static readonly string[] ConsultationColumns =
        ["编号", "接待时间", "咨询渠道", "咨询类别", "姓名", "身份证号码", "联系电话", "村（社区）", "住址", "咨询内容", "办理结果", "办理时间", "答复内容", "转办窗口", "转办说明"];

    public static readonly string[] LegalAidColumns =
    [
        "编号", "工作站接收时间", "机构收到日期", "申请人", "身份证号码", "联系电话", "住址", "代理申请人", "代理申请人电话", "被羁押", "羁押场所",
        "申请事项", "援助形式", "经济困难状况认定", "免予核查人员", "不受经济困难条件限制情形", "经济困难状况", "案情及申请理由", "对方当事人", "申请材料",
        "状态", "转交时间", "转交公函", "决定日期", "决定", "决定书编号", "不予理由", "指派日期", "承办人员类别", "承办人员", "承办机构", "开始办理日期",
        "结案日期", "办理结果", "终止理由", "结案报告", "回访日期", "回访人",
    ];

    private static readonly string[] Channels = ["Hall", "Hall", "Hall", "Hall", "Phone", "Phone", "Letter", "Online", "Hotline12348"];
    private static readonly string[] Topics = ["MarriageFamily", "Inheritance", "LabourWages", "LandForest", "ContractsDebts", "Damages", "Administrative", "Criminal", "Other"];
    private static readonly string[] Villages = ["双河村", "团结村", "新华村", "红旗村", "龙井村", "河坝村", "青山村", "中寨村", "营盘村", "白岩村"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "罗", "龙"];

    private static int _consultations;
    private static int _applications;

    /// <summary>Rows generated so far (counted atomically: the province benchmark generates townships' registers in parallel).</summary>
    public static int Consultations => _consultations;

    public static int Applications => _applications;

    /// <summary>Imports each township's ten years of both registers through the module's own imports, one file each.</summary>
    public static async Task ImportAsync(Client head, IReadOnlyList<string> slugs, DateOnly today)
    {
        foreach (var (slug, i) in slugs.Select((s, i) => (s, i)))
        {
            await head.ImportAsync($"/api/t/{slug}/legal-services/consultations/import", ConsultationRegister(i, today, 160));
            await head.ImportAsync($"/api/t/{slug}/legal-services/legal-aid/import", LegalAidRegister(i, today, 23));
        }
    }

    /// <summary>The township's consultation register, the last <paramref name="years"/> calendar years through <paramref name="today"/> (those of the last fortnight still open).</summary>
    public static byte[] ConsultationRegister(int township, DateOnly today, int perYear, int years = 10)
    {
        var random = new Random(2017 + township);
        var rows = new List<IReadOnlyList<object?>>();
        for (var year = today.Year - years + 1; year <= today.Year; year++)
        {
            var last = year == today.Year ? today.AddDays(-1) : new DateOnly(year, 12, 31);
            var count = year == today.Year ? perYear * last.DayOfYear / 365 : perYear;
            for (var i = 0; i < count; i++)
            {
                var day = new DateOnly(year, 1, 1).AddDays(random.Next(last.DayOfYear));
                var at = day.ToDateTime(new TimeOnly(8 + random.Next(9), random.Next(60)));
                var channel = Channels[random.Next(Channels.Length)];
                var open = day > today.AddDays(-14);
                var answered = at.AddHours(channel is "Letter" ? 24 * (1 + random.Next(6)) : 1);
                var done = !open && DateOnly.FromDateTime(answered) < today;
                rows.Add(
                [
                    "", Format(at), channel, Topics[random.Next(Topics.Length)], Name(random), "", $"139{random.Next(10_000_000, 99_999_999)}",
                    Villages[random.Next(Villages.Length)], channel == "Letter" ? $"{Villages[random.Next(Villages.Length)]}{random.Next(1, 9)}组" : "",
                    "请问这种情况应当如何处理？", done ? "Answered" : "Registered", done ? Format(answered) : "", done ? "已依法答复，告知权利义务及救济途径。" : "", "", "",
                ]);
            }
        }

        Interlocked.Add(ref _consultations, rows.Count);
        return Workbook.Write("法律咨询登记", ConsultationColumns, rows);
    }

    /// <summary>
    /// The township's legal-aid register: each application forwarded, granted, assigned and closed and visited, except
    /// the recent ones, which stand where their dates have reached (under review, granted, assigned, in progress).
    /// </summary>
    public static byte[] LegalAidRegister(int township, DateOnly today, int perYear, int years = 10)
    {
        var random = new Random(4400 + township);
        var rows = new List<IReadOnlyList<object?>>();
        for (var year = today.Year - years + 1; year <= today.Year; year++)
        {
            var last = year == today.Year ? today.AddDays(-2) : new DateOnly(year, 12, 31);
            var count = year == today.Year ? perYear * last.DayOfYear / 365 : perYear;
            for (var i = 0; i < count; i++)
            {
                var received = new DateOnly(year, 1, 1).AddDays(random.Next(last.DayOfYear));
                rows.Add(Application(random, received, today));
            }
        }

        Interlocked.Add(ref _applications, rows.Count);
        return Workbook.Write("法律援助申请登记", LegalAidColumns, rows);
    }

    private static object?[] Application(Random random, DateOnly received, DateOnly today)
    {
        DateOnly? Upto(int days) => received.AddDays(days) < today ? received.AddDays(days) : null;
        var agency = Upto(1);
        var decided = Upto(5);
        var assigned = Upto(7);
        var started = Upto(9);
        var closed = Upto(60 + random.Next(60));
        var visited = closed is { } c && c.AddDays(20) < today ? c.AddDays(20) : (DateOnly?)null;
        var state = visited is not null || closed is not null ? "Closed" : started is not null ? "InProgress" : assigned is not null ? "Assigned"
            : decided is not null ? "Granted" : agency is not null ? "UnderReview" : "Forwarded";
        string D(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        return
        [
            "", Format(received.ToDateTime(new TimeOnly(9, 30))), D(agency), Name(random), "", $"139{random.Next(10_000_000, 99_999_999)}", "", "", "", "否", "",
            "LabourRelationOrWages", "LabourMediationArbitration", "Pledge", "", "", "家庭年收入约8000元，无存款", "务工被拖欠工资", "某建筑劳务公司", "法律援助申请表",
            state, Format(received.ToDateTime(new TimeOnly(15, 0))), "", D(decided), decided is null ? "" : "给予", "", "", D(assigned),
            assigned is null ? "" : "Lawyer", assigned is null ? "" : "陈明", assigned is null ? "" : "贵州万驰律师事务所", D(started),
            D(closed), closed is null ? "" : "仲裁调解结案", "", closed is null ? "" : "承办人员提交结案报告及卷宗。", D(visited), visited is null ? "" : "司法所 刘强",
        ];
    }

    private static string Name(Random random) => Surnames[random.Next(Surnames.Length)] + "某" + (char)('一' + random.Next(20));

    private static string Format(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
