using Modular.Contracts.Time;
using Modular.Kit.Time;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>What an application waits for, and by when.</summary>
internal enum ClockKind
{
    DetainedForwarding,
    MaterialsReply,
    Decision,
    ObjectionDecision,
    Assignment,
    Paperwork,
    FollowUp,
}

/// <summary>
/// A running clock of an application: its last day as the statutory clock gave it (with the years it was counted
/// without a holiday notice, so the due list can flag it provisional), the exact end of an hour period, and its rule.
/// </summary>
internal sealed record RunningClock(ClockKind Kind, StatutoryDate Due, DateTimeOffset? DueAt, LocalizedText Title, LocalizedText Rule)
{
    public DateOnly DueOn => Due.Date;

    public bool Provisional => Due.IsProvisional;
}

/// <summary>
/// The relay's deadlines, all through the statutory clock (民法典 Arts 201, 203: the trigger day not counted, a
/// calendar-day period ending on a rest day moves to the next working day). A township's shorter setting applies, and a
/// deadline is never later than the law's, whatever unit the setting counts in.
/// </summary>
internal sealed class LegalAidClock(IStatutoryClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>The setting's deadline, never later than the law's (<see cref="LawCeiling.EarlierDateWins"/>); local practice has no law.</summary>
    public StatutoryDate Deadline(DateOnly trigger, StatutoryPeriod setting, StatutoryPeriod? law = null) =>
        law is { } l ? clock.DeadlineUnderLaw(trigger, setting, l) : clock.Deadline(trigger, setting);

    /// <summary>The day the Art 43 decision clock starts from, as the township reads the law; null until it has started.</summary>
    public static DateOnly? DecisionTrigger(LegalAidApplication a, LegalAidSettings s) =>
        s.DecisionClockFrom == DecisionClockStart.StationReceipt ? a.StationReceivedOn : a.AgencyReceivedOn;

    public StatutoryDate? DecisionDue(LegalAidApplication a, LegalAidSettings s) =>
        DecisionTrigger(a, s) is { } trigger ? Deadline(trigger, s.Decision, LegalAidSettings.LawDecision) : null;

    public StatutoryDate? AssignmentDue(LegalAidApplication a, LegalAidSettings s) =>
        a.GrantedOn is { } granted ? Deadline(granted, s.Assignment, LegalAidSettings.LawAssignment) : null;

    public StatutoryDate? ObjectionDecisionDue(LegalAidApplication a, LegalAidSettings s) =>
        a.ObjectionFiledOn is { } filed ? Deadline(filed, s.ObjectionDecision, LegalAidSettings.LawObjectionDecision) : null;

    public StatutoryDate MaterialsReplyBy(DateOnly noticeOn, LegalAidSettings s) => Deadline(noticeOn, s.MaterialsReply);

    /// <summary>Art 39's hours run from the station's receipt instant through nights and holidays: never provisional.</summary>
    public static DateTimeOffset? ForwardingDueAt(LegalAidApplication a, LegalAidSettings s) =>
        a.Detained && a.StationReceivedAt is { } at ? s.DetainedForwarding.DueAt(at) : null;

    /// <summary>The clocks running now, as the state allows the step that stops each: the page, the due list and the dashboard read these.</summary>
    public IReadOnlyList<RunningClock> Running(LegalAidApplication a, LegalAidSettings s)
    {
        var clocks = new List<RunningClock>();
        var number = a.Number;
        bool Allows(string step) => LegalAidApplication.Steps.Allows(a, step);

        if (Allows(Steps.ForwardApplicationStep.Name) && ForwardingDueAt(a, s) is { } dueAt)
        {
            var hours = s.DetainedForwarding.Hours;
            clocks.Add(new(ClockKind.DetainedForwarding, new StatutoryDate(Modular.Kit.TownshipTime.DayOf(dueAt), []), dueAt,
                new($"法律援助申请 {number} 转交（被羁押人）", $"Forward application {number} (detained)"),
                new($"法律援助法第三十九条：{hours}小时内转交法律援助机构", $"Legal Aid Law Art 39: forwarded within {hours} hours")));
        }

        if (Allows(Steps.SupplyMaterialsStep.Name) && a.MaterialsReplyBy is { } replyBy)
        {
            clocks.Add(new(ClockKind.MaterialsReply, new StatutoryDate(replyBy, []), null,
                new($"法律援助申请 {number} 补充材料期限", $"Materials for application {number}"),
                new("法律援助法第四十三条：未按要求补充材料的，视为撤回申请", "Art 43: no materials by the notice's day is a withdrawal")));
        }

        if ((Allows(Steps.GrantAidStep.Name) || a.State == ApplicationState.Forwarded || (a.State == ApplicationState.Received && s.DecisionClockFrom == DecisionClockStart.StationReceipt))
            && DecisionDue(a, s) is { } decision)
        {
            clocks.Add(new(ClockKind.Decision, decision, null,
                new($"法律援助申请 {number} 审查决定", $"Decision on application {number}"),
                new($"法律援助法第四十三条：自收到申请之日起{s.Decision}内作出决定", $"Art 43: decided within {Describe(s.Decision)}")));
        }

        if (Allows(Steps.DecideObjectionStep.Name) && ObjectionDecisionDue(a, s) is { } objection)
        {
            clocks.Add(new(ClockKind.ObjectionDecision, objection, null,
                new($"法律援助申请 {number} 异议审查", $"Objection on application {number}"),
                new($"法律援助法第四十九条：司法行政部门自收到异议之日起{s.ObjectionDecision}内作出决定", $"Art 49: decided within {Describe(s.ObjectionDecision)}")));
        }

        if (Allows(Steps.AssignAidStep.Name) && AssignmentDue(a, s) is { } assignment)
        {
            clocks.Add(new(ClockKind.Assignment, assignment, null,
                new($"法律援助申请 {number} 指派承办人员", $"Assign application {number}"),
                new($"法律援助法第四十三条：自决定之日起{s.Assignment}内指派", $"Art 43: assigned within {Describe(s.Assignment)} of the grant")));
        }

        if (Allows(Steps.CompletePaperworkStep.Name) && a.ProvisionalOn is { } provisional)
        {
            var due = Deadline(provisional, s.MaterialsReply);
            clocks.Add(new(ClockKind.Paperwork, due, null,
                new($"法律援助申请 {number} 先行提供后补办手续", $"Paperwork after provisional aid, application {number}"),
                new("法律援助法第四十四条：先行提供法律援助的，受援人应当及时补办有关手续", "Art 44: the paperwork follows provisional aid")));
        }

        if (Allows(Steps.VisitRecipientStep.Name) && !a.Visited && a.ClosedOn is { } closed)
        {
            var due = Deadline(closed, s.FollowUp);
            clocks.Add(new(ClockKind.FollowUp, due, null,
                new($"法律援助申请 {number} 回访受援人", $"Follow-up visit, application {number}"),
                new($"法律援助法第五十九条：回访受援人（本站要求结案后{s.FollowUp}内）", $"Art 59: visit the recipient (station practice: within {Describe(s.FollowUp)})")));
        }

        return clocks;
    }

    public static string Describe(StatutoryPeriod p) => p.Unit == PeriodUnit.WorkingDays ? $"{p.Length} working days" : $"{p.Length} days";
}
