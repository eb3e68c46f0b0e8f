using System.Globalization;
using Marten;
using Modular.Contracts.Time;
using Modular.Modules.LegalServices.Counsel.Cases;
using Modular.Modules.LegalServices.Counsel.Meetings;
using Modular.Modules.LegalServices.Counsel.Retainers;
using Modular.Modules.LegalServices.Counsel.Reviews;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>
/// The demo township's 2020 counsel, as its summary reports it: 贵州万驰律师事务所 with 伍猛麟 and 杜浪; counsel attended
/// 5 decision meetings, gave 10 opinions, revised 8 contracts and plans, represented 4 cases. The ten documents: eight
/// lawful with changes (made), one lawful, one contract found unlawful and refused once at the agenda gate. Fixed ids,
/// so a second start adds nothing.
/// </summary>
internal sealed class CounselDemo(IDocumentSession session) : IDemoData
{
    public const int Year = 2020;
    private const string Clerk = "野马川镇司法所";

    private static readonly (string Title, ReviewedDocumentKind Kind, string Department, ReviewOpinion Opinion, string Basis)[] Documents =
    [
        ("野马川镇2020年农村人居环境整治实施方案", ReviewedDocumentKind.MajorDecision, "党政办", ReviewOpinion.LawfulWithChanges, "《中华人民共和国环境保护法》《农村人居环境整治三年行动方案》"),
        ("野马川镇集镇农贸市场摊位租赁合同", ReviewedDocumentKind.Contract, "经济发展办", ReviewOpinion.LawfulWithChanges, "《中华人民共和国合同法》第二百一十二条至第二百三十六条"),
        ("野马川镇食用菌种植扶贫产业项目合作协议", ReviewedDocumentKind.Contract, "扶贫工作站", ReviewOpinion.LawfulWithChanges, "《中华人民共和国合同法》《贵州省扶贫开发条例》"),
        ("关于王某某等人反映土地征收补偿问题的信访答复意见", ReviewedDocumentKind.PetitionReply, "信访办", ReviewOpinion.LawfulWithChanges, "《信访条例》第三十三条、《中华人民共和国土地管理法》第四十七条"),
        ("野马川镇通组道路硬化工程施工合同", ReviewedDocumentKind.Contract, "村镇建设服务中心", ReviewOpinion.LawfulWithChanges, "《中华人民共和国合同法》《中华人民共和国招标投标法》"),
        ("野马川镇易地扶贫搬迁安置点物业服务合同", ReviewedDocumentKind.Contract, "生态移民站", ReviewOpinion.LawfulWithChanges, "《物业管理条例》第三十四条"),
        ("野马川镇2020年森林防火工作方案", ReviewedDocumentKind.MajorDecision, "林业站", ReviewOpinion.LawfulWithChanges, "《森林防火条例》第六条、第十条"),
        ("野马川镇集体林地经营权流转方案", ReviewedDocumentKind.MajorDecision, "林业站", ReviewOpinion.LawfulWithChanges, "《中华人民共和国农村土地承包法》第三十六条至第四十条"),
        ("关于李某某反映养老保险待遇问题的信访答复意见", ReviewedDocumentKind.PetitionReply, "社会事务办", ReviewOpinion.Lawful, "《信访条例》第三十三条、《中华人民共和国社会保险法》"),
        ("野马川镇某砂石场承包经营合同", ReviewedDocumentKind.Contract, "经济发展办", ReviewOpinion.Unlawful, "《中华人民共和国矿产资源法》第三条、《中华人民共和国合同法》第五十二条"),
    ];

    // Which documents each of the five meetings decided (index into Documents), and the one refused at the last.
    private static readonly (DateOnly On, MeetingKind Kind, string Title, int[] Items)[] Meetings =
    [
        (new(Year, 3, 20), MeetingKind.JointMeeting, "野马川镇2020年第3次党政联席会议", [0, 1]),
        (new(Year, 5, 22), MeetingKind.JointMeeting, "野马川镇2020年第6次党政联席会议", [2, 3]),
        (new(Year, 7, 17), MeetingKind.JointMeeting, "野马川镇2020年第9次党政联席会议", [4, 5]),
        (new(Year, 9, 18), MeetingKind.ThematicMeeting, "野马川镇森林防火及信访工作专题会议", [6, 8]),
        (new(Year, 11, 20), MeetingKind.JointMeeting, "野马川镇2020年第14次党政联席会议", [7]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Events.FetchStreamStateAsync(RetainerId, cancellationToken) is not null)
        {
            return;
        }

        var counsel = new[]
        {
            new CounselNamed(Id(0xC1), "伍猛麟", "15205201510123456", "13985000101", null, new(Year, 1, 2), Clerk),
            new CounselNamed(Id(0xC2), "杜浪", "15205201710654321", "13985000102", null, new(Year, 1, 2), Clerk),
        };
        session.Events.StartStream<Retainer>(RetainerId,
            new RetainerSigned(RetainerId, "贵州万驰律师事务所", $"野府法顾〔{Year}〕1号", new(Year, 1, 1), new(Year, 12, 31), new(Year, 1, 2), Clerk), counsel[0], counsel[1]);

        var reviews = new LegalityReview[Documents.Length];
        for (var i = 0; i < Documents.Length; i++)
        {
            reviews[i] = SeedReview(i, counsel[i % 2]);
        }

        foreach (var (meeting, m) in Meetings.Select((x, m) => (x, m)))
        {
            SeedMeeting(m, meeting, reviews, counsel);
        }

        // The unlawful contract asked for the last meeting's agenda, and the gate said no.
        var last = Meetings[^1];
        var refusalId = Id(0xE1);
        session.Events.StartStream<GateRefusal>(refusalId, new AgendaItemRefused(refusalId, Id(0xA0 + Meetings.Length - 1), last.Title, last.On, AgendaItemKind.Contract,
            Documents[9].Title, reviews[9].Id, reviews[9].Number, AgendaGate.Refusal(AgendaItemKind.Contract, reviews[9])!.Chinese, last.On.AddDays(-6), Clerk));

        SeedCases(counsel);
        session.Store(new ReviewNumberCounter { Id = Year.ToString(CultureInfo.InvariantCulture), Last = Documents.Length });
        await session.SaveChangesAsync(cancellationToken);
    }

    private static Guid RetainerId => Id(0xF0);

    private LegalityReview SeedReview(int i, CounselNamed counsel)
    {
        var (title, kind, department, opinion, basis) = Documents[i];
        var meeting = Meetings.FirstOrDefault(m => m.Items.Contains(i));
        var meetingOn = meeting.Items is null ? Meetings[^1].On : meeting.On;
        var sentOn = meetingOn.AddDays(-24);
        var answeredOn = sentOn.AddDays(11);
        var sending = new ReviewSending("送审稿", basis, "起草科室说明：依据上级部署结合本镇实际起草。", ["送审稿", "起草说明", "相关法律法规依据"], counsel.CounselId, counsel.Name, null,
            sentOn, meetingOn, CounselSettings.LawReview.Length, PeriodUnit.WorkingDays, Clerk);
        var submitted = new ReviewSubmitted(Id(0x100 + i), $"{Year}-{i + 1:D4}", title, kind, department, sending);
        var aspects = opinion == ReviewOpinion.Unlawful ? AspectFinding.DoesNotConform : AspectFinding.Conforms;
        var answer = new ReviewAnswered(opinion, AspectFinding.Conforms, AspectFinding.Conforms, aspects,
            opinion switch
            {
                ReviewOpinion.Lawful => "经审查，该文件制定主体适格、程序合法、内容符合法律法规规定，同意提交会议讨论。",
                ReviewOpinion.LawfulWithChanges => "经审查，该文件制定主体和程序合法，部分条款表述不够严谨，按修改意见修改后可提交会议讨论。",
                _ => "经审查，合同约定的承包经营事项涉及矿产资源开采，镇人民政府无权发包，合同内容违反法律强制性规定，不得签订。",
            },
            opinion == ReviewOpinion.LawfulWithChanges ? "明确双方权利义务及违约责任条款，补充争议解决方式，删除超出法定职权的表述。" : null,
            "送审稿", answeredOn, counsel.Name);
        var events = new List<object> { submitted, answer };
        if (opinion == ReviewOpinion.LawfulWithChanges)
        {
            events.Add(new ChangesMade("已按法律顾问意见逐条修改，形成修改稿。", answeredOn.AddDays(3), Clerk));
        }

        session.Events.StartStream<LegalityReview>(submitted.Id, [.. events]);
        var review = LegalityReview.Create(submitted);
        foreach (var e in events.Skip(1))
        {
            switch (e)
            {
                case ReviewAnswered a:
                    review.Apply(a);
                    break;
                case ChangesMade c:
                    review.Apply(c);
                    break;
            }
        }

        return review;
    }

    private void SeedMeeting(int m, (DateOnly On, MeetingKind Kind, string Title, int[] Items) meeting, LegalityReview[] reviews, CounselNamed[] counsel)
    {
        var id = Id(0xA0 + m);
        var events = new List<object> { new MeetingScheduled(id, meeting.Kind, meeting.On, meeting.Title, "镇政府三楼会议室", Clerk) };
        foreach (var (item, n) in meeting.Items.Select((item, n) => (item, n)))
        {
            var r = reviews[item];
            events.Add(new ItemPutOnAgenda(Id(0x200 + (m * 10) + n), (AgendaItemKind)r.Kind, r.Title, AgendaGate.OnAgenda(r), meeting.On.AddDays(-5), Clerk));
        }

        events.Add(new ItemPutOnAgenda(Id(0x200 + (m * 10) + 9), AgendaItemKind.Briefing, "近期安全生产和信访维稳工作情况通报", null, meeting.On.AddDays(-5), Clerk));
        var present = m % 2 == 0 ? counsel : [counsel[m % 2]];
        events.Add(new CounselAttendanceRecorded([.. present.Select(c => new AttendingCounsel(c.CounselId, c.Name))], meeting.On, Clerk));
        session.Events.StartStream<TownshipMeeting>(id, [.. events]);
    }

    private void SeedCases(CounselNamed[] counsel)
    {
        var (wu, du) = (counsel[0], counsel[1]);
        session.Events.StartStream<RepresentedCase>(Id(0x301),
            new CaseRegistered(Id(0x301), CaseKind.Administrative, "赫章县人民法院", $"（{Year}）黔0527行初15号", "诉镇人民政府强制拆除违法建筑", CasePosition.Defendant,
                CaseStage.FirstInstance, "张某某", wu.CounselId, wu.Name, new(Year, 3, 9), Clerk),
            new HearingScheduled(Id(0x311), new(Year, 5, 12), "第一次开庭", new(Year, 4, 20), Clerk),
            new CaseConcluded("一审判决驳回原告的诉讼请求，原告未上诉。", new(Year, 6, 30), Clerk));
        session.Events.StartStream<RepresentedCase>(Id(0x302),
            new CaseRegistered(Id(0x302), CaseKind.Administrative, "赫章县人民法院", $"（{Year - 1}）黔0527行初88号", "土地权属行政确认", CasePosition.Defendant,
                CaseStage.FirstInstance, "某村民组", du.CounselId, du.Name, new(Year - 1, 11, 18), Clerk),
            new CaseStageMoved(CaseStage.Appeal, "毕节市中级人民法院", $"（{Year}）黔05行终120号", new(Year, 4, 7), Clerk),
            new HearingScheduled(Id(0x312), new(Year, 7, 15), "二审开庭", new(Year, 6, 28), Clerk),
            new CaseConcluded("二审判决驳回上诉，维持原判。", new(Year, 9, 25), Clerk));
        session.Events.StartStream<RepresentedCase>(Id(0x303),
            new CaseRegistered(Id(0x303), CaseKind.Civil, "赫章县人民法院", $"（{Year}）黔0527民初1234号", "农贸市场摊位租赁合同纠纷", CasePosition.Plaintiff,
                CaseStage.FirstInstance, "某商户", wu.CounselId, wu.Name, new(Year, 6, 15), Clerk),
            new HearingScheduled(Id(0x313), new(Year, 8, 4), "开庭并组织调解", new(Year, 7, 10), Clerk),
            new CaseConcluded("经法院主持调解，被告支付拖欠租金并腾退摊位。", new(Year, 8, 4), Clerk));
        session.Events.StartStream<RepresentedCase>(Id(0x304),
            new CaseRegistered(Id(0x304), CaseKind.Civil, "赫章县人民法院", $"（{Year}）黔0527民初2345号", "道路施工合同纠纷", CasePosition.ThirdParty,
                CaseStage.FirstInstance, "某建筑公司与某劳务队", du.CounselId, du.Name, new(Year, 10, 19), Clerk),
            new HearingScheduled(Id(0x314), new(Year, 12, 8), "第一次开庭", new(Year, 11, 16), Clerk),
            new HearingScheduled(Id(0x315), new(Year + 1, 1, 12), "第二次开庭", new(Year, 12, 8), Clerk));
    }

    private static Guid Id(int index) => new($"c0a5e15d-2020-4000-8000-{index:D12}");
}
