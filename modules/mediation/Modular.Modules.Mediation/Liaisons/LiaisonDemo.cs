using Marten;
using Modular.Contracts.Extensions;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>
/// 野马川镇's information liaisons: two or three in each of its eight villages, one of whom stood down in 2020, and
/// eight leads they reported that year, five closed with their reasons and three still open. None became a dispute
/// here: the Disputes area seeds the year's disputes. Fixed ids, so a second start adds nothing.
/// </summary>
internal sealed class LiaisonDemo(IDocumentSession session) : IDemoData
{
    private static readonly (string Village, string Name, LiaisonRole Role)[] Roster =
    [
        ("野马川村", "王德明", LiaisonRole.VillageCadre), ("野马川村", "李秀英", LiaisonRole.PartyMember), ("野马川村", "张国富", LiaisonRole.Elder),
        ("双河村", "陈永贵", LiaisonRole.VillageCadre), ("双河村", "刘春花", LiaisonRole.Volunteer), ("双河村", "杨正祥", LiaisonRole.Mediator),
        ("团结村", "赵光荣", LiaisonRole.VillageCadre), ("团结村", "黄玉兰", LiaisonRole.PartyMember), ("团结村", "周德厚", LiaisonRole.Elder),
        ("水塘村", "吴成林", LiaisonRole.VillageCadre), ("水塘村", "徐兴旺", LiaisonRole.LegalServiceVolunteer),
        ("大地村", "孙继先", LiaisonRole.VillageCadre), ("大地村", "马桂芬", LiaisonRole.Volunteer), ("大地村", "朱启明", LiaisonRole.Mediator),
        ("营盘村", "胡守义", LiaisonRole.VillageCadre), ("营盘村", "郭兰英", LiaisonRole.PartyMember),
        ("丫口村", "何文才", LiaisonRole.VillageCadre), ("丫口村", "罗正清", LiaisonRole.Elder),
        ("红岩村", "高德旺", LiaisonRole.VillageCadre), ("红岩村", "林秀珍", LiaisonRole.LegalServiceVolunteer),
    ];

    /// <summary>Who reported (an index into the roster), when, what, how risky, and how it was closed (null: still open).</summary>
    private static readonly (int Liaison, DateOnly On, string Account, string Parties, LeadRisk Risk, LeadClosed? Closed)[] Leads =
    [
        (0, new(2020, 3, 12), "两户村民因宅基地滴水檐界址发生争吵，现场有推搡", "村民王某、村民赵某", LeadRisk.Medium,
            new(new(2020, 3, 13), LeadClosure.ResolvedOnTheSpot, "村调委会当场协调，双方同意按原界址砌墙")),
        (5, new(2020, 4, 20), "务工人员反映村内修路工地拖欠工资", "务工人员5人、施工方负责人", LeadRisk.Medium,
            new(new(2020, 4, 22), LeadClosure.Other, "已引导向县人力资源和社会保障局劳动保障监察大队投诉")),
        (8, new(2020, 5, 8), "兄弟二人因赡养老人费用分摊产生矛盾", "周某甲、周某乙", LeadRisk.Low,
            new(new(2020, 5, 9), LeadClosure.ResolvedOnTheSpot, "经家族长辈劝说，约定按月轮流承担")),
        (9, new(2020, 6, 15), "村民反映邻居养殖场气味较大", "吴某", LeadRisk.Low,
            new(new(2020, 6, 17), LeadClosure.NotADispute, "属环境问题反映，已告知向生态环境部门反映")),
        (13, new(2020, 7, 2), "两个村民组因灌溉用水分配发生争执", "大地村第三、第五村民组", LeadRisk.High,
            new(new(2020, 7, 3), LeadClosure.Duplicate, "与村委会7月1日报告的同一事项重复")),
        (14, new(2020, 9, 10), "承包地边界争议，双方互不相让", "胡某、郭某", LeadRisk.Medium, null),
        (17, new(2020, 11, 5), "夫妻因外出务工收入分配多次争吵", "罗某夫妇", LeadRisk.Medium, null),
        (18, new(2020, 12, 14), "林地权属争议，涉及两个村民组", "红岩村第二、第四村民组", LeadRisk.High, null),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Events.FetchStreamStateAsync(LiaisonId(0), cancellationToken) is not null)
        {
            return;
        }

        for (var i = 0; i < Roster.Length; i++)
        {
            var (village, name, role) = Roster[i];
            var id = LiaisonId(i);
            var phone = $"1398570{i + 101:D4}";
            var appointed = new LiaisonAppointed(id, name, village, role, phone, new DateOnly(2019, 3, 1).AddDays(i % 4 * 7));
            if (name == "刘春花")
            {
                session.Events.StartStream<Liaison>(id, appointed, new LiaisonStoodDown(new DateOnly(2020, 9, 30), "外出务工，不再担任"));
            }
            else
            {
                session.Events.StartStream<Liaison>(id, appointed);
            }
        }

        for (var i = 0; i < Leads.Length; i++)
        {
            var lead = Leads[i];
            var id = LeadId(i);
            var reported = new LeadReported(id, LiaisonId(lead.Liaison), lead.On, Roster[lead.Liaison].Village, lead.Account, lead.Parties, lead.Risk);
            session.Events.StartStream<Lead>(id, lead.Closed is { } closed ? [reported, closed] : [reported]);
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    private static Guid LiaisonId(int index) => new($"0d1a7e01-2019-4000-8000-{index + 1:D12}");

    private static Guid LeadId(int index) => new($"0d1a7e02-2020-4000-8000-{index + 1:D12}");
}
