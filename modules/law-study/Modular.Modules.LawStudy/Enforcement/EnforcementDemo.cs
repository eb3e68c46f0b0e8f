using Modular.Contracts.LawStudy;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Modules.LawStudy.Certificates;
using Modular.Modules.LawStudy.Enforcement.Steps;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Enforcement;

/// <summary>
/// The demo township's 2020 enforcement work: a monthly inspection, five penalty cases and two coercive measures, each
/// assigned to a pair of officers valid on its day and concluded; one assignment in October refused because 谢飞's
/// certificate was withheld, then given to a valid pair. Through the module's own steps, so the gate decides.
/// </summary>
internal sealed class EnforcementDemo(IQuerySession session, StaffRoster roster, RecordTask record, AssignOfficers assign, ConcludeTask conclude,
    ITownshipContext township) : IDemoData
{
    private static readonly string[] Planning = ["胡志强", "朱光辉"];
    private static readonly string[] Urban = ["何军", "罗永红"];
    private static readonly string[] UrbanSecond = ["梁伟", "宋平"];

    /// <summary>(kind, category, day, subject, officers, concluded, power-list item).</summary>
    public static readonly IReadOnlyList<(EnforcementKind Kind, string Category, DateOnly On, string Subject, string[] Officers, DateOnly Concluded, string? Item)> Tasks =
    [
        .. Enumerable.Range(1, 12).Select(m => m % 2 == 1
            ? (EnforcementKind.Inspection, "城乡规划", new DateOnly(2020, m, 15), $"{m}月农村村民建房规划巡查", Planning, new DateOnly(2020, m, 15), (string?)null)
            : (EnforcementKind.Inspection, "市容环境卫生", new DateOnly(2020, m, 15), $"{m}月集镇市容环境卫生检查", m % 4 == 0 ? UrbanSecond : Urban, new DateOnly(2020, m, 15), (string?)null)),
        (EnforcementKind.Penalty, "城乡规划", new(2020, 3, 20), "营盘村村民未取得乡村建设规划许可建房", Planning, new(2020, 4, 17), "CF-001"),
        (EnforcementKind.Penalty, "城乡规划", new(2020, 8, 6), "双河村村民违反村庄规划搭建", Planning, new(2020, 9, 3), "CF-001"),
        (EnforcementKind.Penalty, "市容环境卫生", new(2020, 5, 12), "集镇商户占道经营", Urban, new(2020, 5, 29), "CF-002"),
        (EnforcementKind.Penalty, "市容环境卫生", new(2020, 7, 2), "露天焚烧垃圾", UrbanSecond, new(2020, 7, 24), "CF-004"),
        (EnforcementKind.Penalty, "市容环境卫生", new(2020, 10, 20), "集镇主街乱倒建筑垃圾", Urban, new(2020, 11, 13), "CF-002"),
        (EnforcementKind.Coercion, "市容环境卫生", new(2020, 6, 9), "暂扣占道经营屡教不改的经营工具", Urban, new(2020, 6, 9), null),
        (EnforcementKind.Coercion, "城乡规划", new(2020, 11, 5), "查封违法建设施工现场", Planning, new(2020, 11, 5), null),
    ];

    /// <summary>The refused assignment: 谢飞 (withheld since September) proposed with 何军 for the October case.</summary>
    public static readonly string[] Refused = [CertificateDemo.Suspended, "何军"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Query<EnforcementTask>().AnyAsync(cancellationToken))
        {
            return;
        }

        var people = (await roster.MembersAsync(new StaffFilter(EnforcementPost: true), cancellationToken)).ToDictionary(m => m.Name, m => m.Id);
        if (!Tasks.SelectMany(t => t.Officers).Concat(Refused).All(people.ContainsKey))
        {
            return;
        }

        var area = township.Required.Name;
        foreach (var (kind, category, on, subject, officers, concluded, item) in Tasks.OrderBy(t => t.On))
        {
            var id = await record.RecordAsync(new RecordTaskInput
            {
                Kind = kind.ToString(),
                Category = category,
                Area = area,
                On = TownshipTime.Format(on),
                Subject = subject,
                PowerItemCode = item,
                PowerItemName = item is null ? null : PowerItemName(item),
            }, cancellationToken);
            if (on == new DateOnly(2020, 10, 20))
            {
                try
                {
                    await assign.RunAsync(id, new AssignOfficersInput { Version = 1, Officers = [.. Refused.Select(n => people[n])] }, cancellationToken);
                }
                catch (InputRejectedException)
                {
                    // Refused and recorded, as the gate should: the case goes to a valid pair below.
                }
            }

            await assign.RunAsync(id, new AssignOfficersInput { Version = 1, Officers = [.. officers.Select(n => people[n])] }, cancellationToken);
            await conclude.RunAsync(id, new ConcludeTaskInput
            {
                Version = 2,
                On = TownshipTime.Format(concluded),
                DecisionMade = kind != EnforcementKind.Inspection,
                Conclusion = kind switch
                {
                    EnforcementKind.Inspection => "检查完毕，未发现违法行为，已向相关户宣传法律规定",
                    EnforcementKind.Penalty => "作出行政处罚决定，当事人已履行",
                    _ => "依法实施行政强制措施，制作现场笔录",
                },
            }, cancellationToken);
        }
    }

    private static string PowerItemName(string code) => code switch
    {
        "CF-001" => "对违反村庄规划行为的处罚",
        "CF-002" => "对违反村庄和集镇规划建设管理规定侵占道路、损坏公共设施的处罚",
        _ => "对露天焚烧秸秆、落叶等产生烟尘污染物质的处罚",
    };
}
