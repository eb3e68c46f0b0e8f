using Modular.Contracts.Mediation;
using static Modular.Kit.Text;
using static Modular.Modules.Mediation.Disputes.DisputeVocabulary;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>One line per event for the dispute's timeline; never a party's personal data.</summary>
internal static class DisputeTimeline
{
    public static string Describe(object data) => data switch
    {
        DisputeTakenIn e => T($"受理登记（{Label(e.Source).Chinese}，{e.ReceivedOn:yyyy-MM-dd}）", $"Taken in ({Label(e.Source).English}, {e.ReceivedOn:yyyy-MM-dd})"),
        MediationStarted e => T($"启动调解：{Label(e.Basis).Chinese}（{e.On:yyyy-MM-dd}）", $"Mediation started: {Label(e.Basis).English} ({e.On:yyyy-MM-dd})"),
        MediationRefused e => T($"{e.Party}拒绝调解，终止（{e.On:yyyy-MM-dd}）：{e.Reason}", $"{e.Party} refused mediation; stopped ({e.On:yyyy-MM-dd}): {e.Reason}"),
        MediatorAssigned e => T($"{(e.ChosenByParties ? "当事人选定" : "指定")}调解员：{e.Mediator}（{e.On:yyyy-MM-dd}）", $"Mediator {(e.ChosenByParties ? "chosen by the parties" : "assigned")}: {e.Mediator} ({e.On:yyyy-MM-dd})"),
        MediationSessionHeld e => T($"调解（{e.On:yyyy-MM-dd}，{e.Place}）", $"Session ({e.On:yyyy-MM-dd}, {e.Place})"),
        DisputeRouted e => T($"分流至{e.To}（{e.On:yyyy-MM-dd}）：{e.Reason}", $"Routed to {e.To} ({e.On:yyyy-MM-dd}): {e.Reason}"),
        PoliceNotified e => T($"向{e.Station}报告激化风险（{e.On:yyyy-MM-dd}）", $"Risk reported to {e.Station} ({e.On:yyyy-MM-dd})"),
        AgreementDrafted e => T($"拟定书面调解协议（{e.On:yyyy-MM-dd}）", $"Written agreement drafted ({e.On:yyyy-MM-dd})"),
        AgreementSigned e => T($"调解协议签字生效（{e.SignedOn:yyyy-MM-dd}）", $"Agreement signed, in effect ({e.SignedOn:yyyy-MM-dd})"),
        OralAgreementReached e => T($"达成口头协议（{e.On:yyyy-MM-dd}）", $"Oral agreement reached ({e.On:yyyy-MM-dd})"),
        MediationFailed e => T($"调解不成（{e.On:yyyy-MM-dd}）：{e.Reason}", $"Mediation failed ({e.On:yyyy-MM-dd}): {e.Reason}"),
        MediationFailedInLegalAidMatter e => T($"建议转介法律援助：{Label(e.Matter).Chinese}", $"Legal-aid referral suggested: {Label(e.Matter).English}"),
        PerformanceChecked e => T($"督促履行：{Label(e.Status).Chinese}（{e.On:yyyy-MM-dd}）", $"Performance checked: {Label(e.Status).English} ({e.On:yyyy-MM-dd})"),
        CourtConfirmationApplied e => T($"当事人向{e.Court}申请司法确认（{e.On:yyyy-MM-dd}）", $"Court confirmation applied for at {e.Court} ({e.On:yyyy-MM-dd})"),
        FollowUpVisited e => T($"回访：{e.Visitor}（{e.On:yyyy-MM-dd}）", $"Follow-up visit by {e.Visitor} ({e.On:yyyy-MM-dd})"),
        DisputeArchived e => T($"归档，卷宗号{e.FileNumber}（{e.On:yyyy-MM-dd}）", $"Archived as {e.FileNumber} ({e.On:yyyy-MM-dd})"),
        PartyHouseholdLinked e => e.HouseholdNumber is null
            ? T($"取消第{e.Party + 1}位当事人的住户关联", $"Party {e.Party + 1} unlinked from a household")
            : T($"第{e.Party + 1}位当事人关联住户：户 {e.HouseholdNumber}", $"Party {e.Party + 1} linked to household {e.HouseholdNumber}"),
        LedgerOutcomeImported e => T("从原台帐导入办理结果", "Outcome imported from an earlier ledger"),
        _ => data.GetType().Name,
    };
}
