using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>A liaison reported something that may become a dispute (线索). <paramref name="Parties"/> is free text: names only.</summary>
internal sealed record LeadReported(Guid Id, Guid LiaisonId, DateOnly ReportedOn, string Village, string Account, string? Parties, LeadRisk Risk);

/// <summary>The lead was taken in as a dispute at intake; appended in the same transaction that registers the dispute.</summary>
internal sealed record LeadBecameDispute(Guid DisputeId, string DisputeNumber, DateOnly On);

internal sealed record LeadClosed(DateOnly On, LeadClosure Reason, string? Note);

/// <summary>A lead and where it stands: reported, then taken in as a dispute or closed. The inline snapshot of its stream.</summary>
internal sealed class Lead
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid LiaisonId { get; set; }

    public DateOnly ReportedOn { get; set; }

    public string Village { get; set; } = "";

    public string Account { get; set; } = "";

    public string? Parties { get; set; }

    public LeadRisk Risk { get; set; }

    public LeadState State { get; set; }

    public Guid? DisputeId { get; set; }

    public string? DisputeNumber { get; set; }

    public DateOnly? BecameDisputeOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public LeadClosure? Closure { get; set; }

    public string? ClosureNote { get; set; }

    /// <summary>Set when the station routed a consultation here instead of a liaison reporting it.</summary>
    public LeadReferral? Referral { get; set; }

    public static Lead Create(LeadReported e) => new()
    {
        Id = e.Id,
        LiaisonId = e.LiaisonId,
        ReportedOn = e.ReportedOn,
        Village = e.Village,
        Account = e.Account,
        Parties = e.Parties,
        Risk = e.Risk,
        State = LeadState.Reported,
    };

    public static Lead Create(LeadReferredFromConsultation e) => new()
    {
        Id = e.Id,
        ReportedOn = e.ReferredOn,
        Village = e.Village,
        Account = $"【{e.TopicName}】{e.Question}" + (e.Note is { } note ? $"（转办说明：{note}）" : ""),
        Parties = e.PersonName,
        Risk = LeadRisk.Low,
        State = LeadState.Reported,
        Referral = new LeadReferral(e.ConsultationId, e.ConsultationNumber, e.Phone, e.RoutedBy),
    };

    public void Apply(LeadBecameDispute e)
    {
        State = LeadState.BecameDispute;
        DisputeId = e.DisputeId;
        DisputeNumber = e.DisputeNumber;
        BecameDisputeOn = e.On;
    }

    public void Apply(LeadClosed e)
    {
        State = LeadState.Closed;
        ClosedOn = e.On;
        Closure = e.Reason;
        ClosureNote = e.Note;
    }
}

/// <summary>The one rule of a lead's life: only an open lead moves on, once, to a dispute or to its closure.</summary>
internal static class LeadRules
{
    /// <param name="action">What the user tried, as the message names it: 关闭 / be closed.</param>
    public static void ExpectReported(InputErrors errors, string field, LeadState state, Modular.Contracts.Modules.LocalizedText action)
    {
        if (state == LeadState.Reported)
        {
            return;
        }

        var now = LiaisonVocabulary.Label(state);
        var open = LiaisonVocabulary.Label(LeadState.Reported);
        errors.Add(field, $"线索当前状态为“{now.Chinese}”，只有“{open.Chinese}”的线索才能{action.Chinese}", $"The lead is {now.English.ToLowerInvariant()}; only an open lead can {action.English}.");
    }
}
