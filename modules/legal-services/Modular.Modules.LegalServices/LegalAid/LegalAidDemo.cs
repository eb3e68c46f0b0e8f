using Modular.Contracts.Mediation;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>
/// The demo township's 2020 legal aid, as its summary reports it ("为民众提供民事法律援助20余件"): 23 civil applications
/// received at the station and relayed to the county agency, all granted and assigned; 20 closed and visited, 3 still
/// in progress at the year's end. Fixed ids, so a second start adds nothing.
/// </summary>
internal sealed class LegalAidDemo(IDocumentSession session) : IDemoData
{
    public const int Year = 2020;
    public const int Count = 23;
    public const int StillInProgress = 3;

    private static readonly (LegalAidMatter Matter, AidForm Form, MeansRoute Means, ExemptGroup? Group, string Summary, string Opposing)[] Cases =
    [
        (LegalAidMatter.LabourRelationOrWages, AidForm.LabourMediationArbitration, MeansRoute.ExemptGroup, ExemptGroup.MigrantWorkerPayOrInjury, "在外务工被拖欠工资，请求支付劳动报酬", "某建筑劳务公司"),
        (LegalAidMatter.Maintenance, AidForm.CivilAdministrativeRepresentation, MeansRoute.ExemptGroup, ExemptGroup.ElderlyWithoutIncome, "子女不履行赡养义务，请求给付赡养费", "申请人之子"),
        (LegalAidMatter.AccidentInjury, AidForm.CivilAdministrativeRepresentation, MeansRoute.Pledge, null, "道路交通事故受伤，请求人身损害赔偿", "肇事车辆驾驶人及保险公司"),
        (LegalAidMatter.LabourRelationOrWages, AidForm.LabourMediationArbitration, MeansRoute.Verified, null, "请求确认劳动关系并支付工资", "某砂石厂"),
        (LegalAidMatter.AccidentInjury, AidForm.CivilAdministrativeRepresentation, MeansRoute.ExemptGroup, ExemptGroup.MigrantWorkerPayOrInjury, "务工时受伤，请求工伤事故人身损害赔偿", "某矿业公司"),
        (LegalAidMatter.Maintenance, AidForm.CivilAdministrativeRepresentation, MeansRoute.Pledge, null, "离婚后对方不支付子女抚养费", "申请人前配偶"),
        (LegalAidMatter.SocialInsuranceOrAssistance, AidForm.DocumentDrafting, MeansRoute.ExemptGroup, ExemptGroup.AssistanceRecipient, "请求给予社会保险待遇", "县社会保险经办机构"),
        (LegalAidMatter.LabourRelationOrWages, AidForm.CivilAdministrativeRepresentation, MeansRoute.ExemptGroup, ExemptGroup.MigrantWorkerPayOrInjury, "包工头拖欠务工人员工资", "包工头及发包单位"),
    ];

    private static readonly string[] Applicants = ["王某英", "李某富", "张某林", "陈某芬", "刘某强", "杨某梅", "赵某华", "周某军"];

    private static readonly string[] Lawyers = ["贵州万驰律师事务所 陈律师", "赫章县法律援助中心 王律师", "野马川镇法律服务所 李某某"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Events.FetchStreamStateAsync(Id(0), cancellationToken) is not null)
        {
            return;
        }

        for (var i = 0; i < Count; i++)
        {
            var (matter, form, means, group, summary, opposing) = Cases[i % Cases.Length];
            var receivedOn = new DateOnly(Year, 1, 10).AddDays(i * 14);
            var received = new DateTimeOffset(receivedOn.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8));
            var lawyer = Lawyers[i % Lawyers.Length].Split(' ');
            var kind = i % Lawyers.Length == 2 ? AssigneeKind.GrassrootsLegalWorker : AssigneeKind.Lawyer;
            var events = new List<object>
            {
                new ApplicationReceived(Id(i), $"{Year}-{i + 1:D4}", received, new Applicant(Applicants[i % Applicants.Length], null, null, null), null, false, null,
                    matter, form, means, means == MeansRoute.ExemptGroup ? group : null, null,
                    means == MeansRoute.Pledge ? "家庭人均月收入低于当地最低生活保障标准" : null, summary, opposing,
                    ["法律援助申请表", "身份证复印件", "经济困难状况说明表", "与案件有关的证据材料"]),
                new ApplicationForwarded(received.AddHours(5), "赫章县法律援助中心", $"野法援转〔{Year}〕{i + 1}号"),
                new AgencyReceiptRecorded(receivedOn.AddDays(1)),
                new AidGranted(receivedOn.AddDays(4), $"赫法援决〔{Year}〕{i + 1}号"),
                new AidAssigned(receivedOn.AddDays(5), kind, lawyer[1], lawyer[0]),
                new AidStarted(receivedOn.AddDays(6), "承办人员会见受援人，签订委托协议"),
            };
            if (i < Count - StillInProgress)
            {
                var closed = receivedOn.AddDays(45);
                events.Add(new AidClosed(closed, i % 3 == 0 ? "经调解达成协议，受援人权益得到维护" : "人民法院判决支持受援人诉讼请求", "承办人员提交结案报告及卷宗材料，法律援助机构审查合格。"));
                events.Add(new RecipientVisited(closed.AddDays(10), "野马川镇司法所", "受援人对承办人员的服务表示满意。"));
            }

            session.Events.StartStream<LegalAidApplication>(Id(i), [.. events]);
        }

        session.Store(new LegalAidNumberCounter { Id = Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Last = Count });
        await session.SaveChangesAsync(cancellationToken);
    }

    private static Guid Id(int index) => new($"1e6a1a1d-2020-4000-8000-{index + 1:D12}");
}
