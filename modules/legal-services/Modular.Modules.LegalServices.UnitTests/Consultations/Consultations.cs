using Modular.Contracts.LegalServices;
using Modular.Modules.LegalServices.Consultations;

namespace Modular.Modules.LegalServices.UnitTests.Consultations;

/// <summary>Consultations in each state, built by applying their events as the inline projection does.</summary>
internal static class Consultations
{
    public static readonly DateTimeOffset Received = new(2020, 1, 22, 9, 30, 0, TimeSpan.FromHours(8));

    public static readonly DateTimeOffset Now = new(2020, 3, 1, 12, 0, 0, TimeSpan.FromHours(8));

    public static Consultation Registered(ConsultationChannel channel = ConsultationChannel.Hall) => Consultation.Create(new ConsultationRegistered(
        Guid.NewGuid(), "2020-0001", channel, ConsultationTopic.MarriageFamily, "刘德华", "520527197001010021", "13987654321", "双河村", "双河村三组12号",
        "离婚时子女抚养权如何确定？", Received, channel == ConsultationChannel.Letter ? 7 : null,
        channel == ConsultationChannel.Letter ? Contracts.Time.PeriodUnit.WorkingDays : null, channel == ConsultationChannel.Online ? 24 : null));

    public static Consultation AwaitingOpinion()
    {
        var c = Registered(ConsultationChannel.Letter);
        c.Apply(new WrittenOpinionPromised(Received.AddHours(1), "需查阅材料", "王明"));
        return c;
    }

    public static Consultation Answered()
    {
        var c = Registered();
        c.Apply(new ConsultationAnswered(Received.AddMinutes(20), "以最有利于未成年子女为原则。", "王明"));
        return c;
    }

    public static string At(DateTimeOffset instant) => Kit.Time.Instants.ForInput(instant);
}
