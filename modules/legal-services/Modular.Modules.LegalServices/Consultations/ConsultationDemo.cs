using System.Globalization;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.LegalServices;
using Modular.Contracts.Time;
using Modular.Kit.Records;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>
/// The demo township's 2020 consultations: 160 over the year, at the hall, by phone, letter, online and from the 12348
/// hotline, on every topic; most answered as they came, letters answered in writing, some routed to the station's
/// windows (people's mediation among them). The demo's routings are history: they are not handed to the mediation
/// module again, whose own demo already holds the year's disputes. Fixed ids, so a second start adds nothing.
/// </summary>
internal sealed class ConsultationDemo(IDocumentSession session) : IDemoData
{
    public const int Year = 2020;
    public const int Count = 160;

    private static readonly string[] Villages = ["野马川村", "双河村", "团结村", "水塘村", "大地村", "营盘村", "丫口村", "红岩村"];

    private static readonly (ConsultationTopic Topic, string Question, string Answer)[] Matters =
    [
        (ConsultationTopic.MarriageFamily, "离婚时子女抚养权如何确定？", "依照民法典第一千零八十四条，以最有利于未成年子女为原则，已满八周岁的应尊重其真实意愿。"),
        (ConsultationTopic.Inheritance, "父亲去世未留遗嘱，房屋如何继承？", "按法定继承办理，第一顺序继承人为配偶、子女、父母，同一顺序继承人一般应均等。"),
        (ConsultationTopic.LabourWages, "在工地务工被拖欠工资怎么办？", "可向劳动保障监察机构投诉或申请劳动仲裁，农民工追索劳动报酬可申请法律援助，无需经济困难审查。"),
        (ConsultationTopic.LandForest, "承包地被邻居占用怎么处理？", "可先由村委会或人民调解委员会调解，调解不成可向人民法院起诉或申请土地承包仲裁。"),
        (ConsultationTopic.ContractsDebts, "借款到期对方不还，有借条能否起诉？", "借条是借贷关系的证据，诉讼时效三年，自约定还款期限届满之日起计算。"),
        (ConsultationTopic.Damages, "被邻居家的狗咬伤能否要求赔偿？", "依照民法典第一千二百四十五条，饲养的动物造成他人损害的，动物饲养人或者管理人应当承担侵权责任。"),
        (ConsultationTopic.Administrative, "对镇政府作出的决定不服怎么办？", "可自知道之日起六十日内申请行政复议，或六个月内提起行政诉讼。"),
        (ConsultationTopic.Criminal, "家人被刑事拘留，能否申请法律援助？", "犯罪嫌疑人因经济困难没有委托辩护人的，可以申请法律援助，看守所应在二十四小时内转交申请。"),
        (ConsultationTopic.Other, "如何办理遗嘱公证？", "遗嘱人须亲自到公证机构办理，携带身份证件、财产凭证，可由工作站预约县公证处。"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Events.FetchStreamStateAsync(Id(0), cancellationToken) is not null)
        {
            return;
        }

        var offset = TimeSpan.FromHours(8);
        for (var i = 0; i < Count; i++)
        {
            var (topic, question, answer) = Matters[(i * 7 + i / 9) % Matters.Length];
            var channel = (i % 10) switch
            {
                < 5 => ConsultationChannel.Hall,
                < 7 => ConsultationChannel.Phone,
                7 => ConsultationChannel.Letter,
                8 => ConsultationChannel.Online,
                _ => ConsultationChannel.Hotline12348,
            };
            var day = new DateOnly(Year, 1, 2).AddDays(i * 362 / Count);
            var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + (i % 7), (i * 13) % 60)), offset);
            var name = DemoNames.Person(i);
            var phone = string.Create(CultureInfo.InvariantCulture, $"139{8500_0000 + i * 7919:D8}");
            var letter = channel == ConsultationChannel.Letter ? StatutoryPeriod.WorkingDays(7) : (StatutoryPeriod?)null;
            var registered = new ConsultationRegistered(Id(i), $"{Year}-{i + 1:D4}", channel, topic, name, null, phone, Villages[i % Villages.Length],
                channel == ConsultationChannel.Letter ? $"{Villages[i % Villages.Length]}{1 + (i % 9)}组" : null, question, received,
                letter?.Length, letter?.Unit, channel == ConsultationChannel.Online ? 24 : null);
            session.Events.StartStream<Consultation>(Id(i), [registered, .. Outcome(i, channel, topic, answer, received)]);
        }

        session.Store(new ConsultationNumberCounter { Id = Year.ToString(CultureInfo.InvariantCulture), Last = Count });
        await session.SaveChangesAsync(cancellationToken);
    }

    private static IEnumerable<object> Outcome(int i, ConsultationChannel channel, ConsultationTopic topic, string answer, DateTimeOffset received)
    {
        const string clerk = "公共法律服务工作站";
        if (i % 8 == 5)
        {
            // Disputes between neighbours and families go to the mediation window; wages and injuries to legal aid.
            var window = topic switch
            {
                ConsultationTopic.LabourWages or ConsultationTopic.Damages or ConsultationTopic.Criminal => ServiceWindow.LegalAid,
                ConsultationTopic.Other => ServiceWindow.Notary,
                ConsultationTopic.Administrative or ConsultationTopic.ContractsDebts => ServiceWindow.LawyerService,
                _ => ServiceWindow.PeopleMediation,
            };
            yield return new ConsultationRouted(received.AddMinutes(40), window, "已告知当事人到窗口办理，窗口已接收。", clerk);
        }
        else if (channel == ConsultationChannel.Letter)
        {
            yield return new WrittenOpinionPromised(received.AddHours(2), "需查阅相关材料后书面答复。", clerk);
            yield return new WrittenOpinionGiven(received.AddDays(3), answer, clerk);
        }
        else
        {
            yield return new ConsultationAnswered(channel == ConsultationChannel.Online ? received.AddHours(5) : received.AddMinutes(20), answer, clerk);
        }
    }

    private static Guid Id(int index) => new($"c0a5e7e0-2020-4000-8000-{index + 1:D12}");
}
