using Marten;
using Modular.Contracts.Extensions;
using Modular.Kit.Records;
using Modular.Modules.Mediation.Disputes.Steps;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>
/// The demo township's 2020 disputes, as its summary reports them: 46 screened, 46 resolved. Most ended in a written
/// agreement that was signed, performed, visited and archived; some in an oral agreement. Fixed ids, so a second start
/// adds nothing.
/// </summary>
internal sealed class DisputeDemo(IDocumentSession session) : IDemoData
{
    public const int Year = 2020;
    public const int Count = 46;

    private static readonly string[] Villages = ["野马川村", "双河村", "团结村", "水塘村", "大地村", "营盘村", "丫口村", "红岩村"];

    private static readonly string[] Mediators = ["王德明", "李秀英", "陈国富"];

    private static readonly (string Category, string Summary, string Terms)[] Matters =
    [
        ("Neighbours", "两户因宅基地排水沟走向发生争执", "由被申请人将排水沟改道至两户界址以东，费用各半承担。"),
        ("LandForest", "承包地界址不清引发争议", "双方按1998年二轮承包合同及村组见证重新确定界桩。"),
        ("MarriageFamily", "子女对老人赡养费分担有争议", "三名子女每月各向母亲支付赡养费300元，每月5日前支付。"),
        ("LabourWages", "建筑工地拖欠务工人员工资", "包工头于30日内分两次付清拖欠工资12600元。"),
        ("Damages", "牲畜啃食庄稼损害赔偿", "被申请人赔偿玉米损失800元，当场付清。"),
        ("Contracts", "农机租赁合同费用结算争议", "租赁费按实际作业天数结算，申请人于10日内补付1500元。"),
        ("Neighbours", "邻里间因修建围墙采光发生矛盾", "围墙高度降至2米，被申请人在15日内完成整改。"),
        ("Other", "村道占道堆放建材引发争执", "被申请人3日内清理建材，恢复通行。"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Events.FetchStreamStateAsync(Id(0), cancellationToken) is not null)
        {
            return;
        }

        for (var i = 0; i < Count; i++)
        {
            var (category, summary, terms) = Matters[i % Matters.Length];
            var received = new DateOnly(Year, 1, 8).AddDays(i * 7);
            var started = received.AddDays(1);
            var session1 = started.AddDays(2);
            var mediator = Mediators[i % Mediators.Length];
            var source = (DisputeSource)(i % 4);
            var events = new List<object>
            {
                new DisputeTakenIn(Id(i), $"{Year}-{i + 1:D4}", source, received, category, Villages[i % Villages.Length], summary,
                    [new Party(DemoNames.Person(2 * i), false, PartyRole.Applicant, null, null, null),
                     new Party(DemoNames.Person((2 * i) + 1), false, PartyRole.Respondent, null, null, null)],
                    i % 9 == 0 ? [SpecialGroup.ElderlyLivingAlone] : [], i % 11 == 0 ? EscalationRisk.High : EscalationRisk.Low, null,
                    source == DisputeSource.Transfer ? "野马川派出所" : null),
                new MediationStarted(started, i % 3 == 0 ? MediationBasis.CommitteeInitiative : MediationBasis.Application, i % 3 == 0 ? null : "申请人"),
                new MediatorAssigned(started, mediator, i % 5 == 0),
                new MediationSessionHeld(session1, "野马川镇人民调解委员会调解室", "双方当事人、调解员、村调解小组成员", "查明事实，双方陈述意见，调解员释法说理，双方同意协商解决。"),
            };
            if (i % 4 == 3)
            {
                // Small matters settled on the spot, by an oral agreement recorded by the mediator (Art 30).
                events.Add(new OralAgreementReached(session1, terms, "当场履行"));
                events.Add(new PerformanceChecked(session1, PerformanceStatus.Performed, "当场履行完毕。"));
                events.Add(new FollowUpVisited(session1.AddDays(14), mediator, "回访双方，关系和睦，无反复。"));
            }
            else
            {
                var signed = session1.AddDays(3);
                events.Add(new AgreementDrafted(session1.AddDays(1), summary + "。经调查核实，事实清楚。", summary, "双方对纠纷发生均负有一定责任。", terms, "按协议约定期限履行，调解委员会督促履行。"));
                events.Add(new AgreementSigned(signed));
                events.Add(new PerformanceChecked(signed.AddDays(10), PerformanceStatus.Performed, "经督促，协议已履行完毕。"));
                events.Add(new FollowUpVisited(signed.AddDays(20), mediator, "回访双方，协议履行到位，矛盾未反弹。"));
            }

            events.Add(new DisputeArchived(new DateOnly(Year, 12, 28), $"野调〔{Year}〕{i + 1}号"));
            session.Events.StartStream<Dispute>(Id(i), [.. events]);
        }

        session.Store(new DisputeNumberCounter { Id = Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Last = Count });
        await session.SaveChangesAsync(cancellationToken);
    }

    private static Guid Id(int index) => new($"0d15e7e0-2020-4000-8000-{index + 1:D12}");
}
