using Modular.Kit.Input;
using Modular.Modules.Mediation.Disputes;

namespace Modular.Modules.Mediation.UnitTests.Disputes;

/// <summary>Disputes in each state, built by applying their events as the inline projection does.</summary>
internal static class Disputes
{
    public static readonly DateOnly Received = new(2026, 6, 1);

    public static Dispute Registered(DateOnly? receivedOn = null) => Dispute.Create(new DisputeTakenIn(
        Guid.NewGuid(), "2026-0001", DisputeSource.Visit, receivedOn ?? Received, "Neighbours", "双河村", "两户因排水沟走向发生争执",
        [
            new Party("刘德华", false, PartyRole.Applicant, "520527197001010021", "13987654321", "双河村三组12号"),
            new Party("双河村民委员会", true, PartyRole.Respondent, null, null, null),
            new Party("张学友", false, PartyRole.Respondent, null, null, null),
        ],
        [], EscalationRisk.Medium, null, null));

    public static Dispute Accepted(bool withMediator = true)
    {
        var d = Registered();
        d.Apply(new MediationStarted(Received.AddDays(1), MediationBasis.CommitteeInitiative, null));
        if (withMediator)
        {
            d.Apply(new MediatorAssigned(Received.AddDays(1), "王德明", false));
        }

        return d;
    }

    public static Dispute Mediating()
    {
        var d = Accepted();
        d.Apply(new MediationSessionHeld(Received.AddDays(2), "调解室", "双方", "笔录"));
        return d;
    }

    public static Dispute Drafted()
    {
        var d = Mediating();
        d.Apply(new AgreementDrafted(Received.AddDays(3), "事实", "争议", "责任", "协议", "履行"));
        return d;
    }

    /// <summary>A written agreement signed on <paramref name="signedOn"/> (default: the day after drafting).</summary>
    public static Dispute SignedInWriting(DateOnly? signedOn = null)
    {
        var d = Drafted();
        d.Apply(new AgreementSigned(signedOn ?? Received.AddDays(4)));
        return d;
    }

    public static Dispute AgreedOrally()
    {
        var d = Mediating();
        d.Apply(new OralAgreementReached(Received.AddDays(3), "当场赔偿800元", "当场履行"));
        return d;
    }

    public static Dispute Performed()
    {
        var d = SignedInWriting();
        d.Apply(new PerformanceChecked(Received.AddDays(5), PerformanceStatus.Performed, "已履行"));
        return d;
    }

    public static Dispute Failed()
    {
        var d = Mediating();
        d.Apply(new MediationFailed(Received.AddDays(3), "分歧过大", "告知诉讼途径", null, null));
        return d;
    }

    public static Dispute Refused()
    {
        var d = Registered();
        d.Apply(new MediationRefused(Received.AddDays(1), "张学友", "不接受调解"));
        return d;
    }

    public static Dispute Routed()
    {
        var d = Registered();
        d.Apply(new DisputeRouted(Received.AddDays(1), "县信访局", "属信访事项"));
        return d;
    }

    public static Dispute Archived()
    {
        var d = Performed();
        d.Apply(new DisputeArchived(Received.AddDays(6), "野调〔2026〕5号"));
        return d;
    }

    public static DateOnly Day(int afterReceived) => Received.AddDays(afterReceived);

    /// <summary>Today, as far as the decisions are concerned: well after every step above.</summary>
    public static readonly DateOnly Today = new(2026, 9, 1);

    public static IReadOnlyDictionary<string, string[]> Refusals(InputErrors errors) => errors.ToDictionary();

    public static string Messages(InputErrors errors, string field) => string.Join(" ", errors.ToDictionary()[field]);
}
