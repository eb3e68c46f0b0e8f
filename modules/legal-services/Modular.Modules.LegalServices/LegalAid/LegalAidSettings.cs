using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Records;
using Modular.Kit.Time;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>
/// The township's legal-aid settings, as set (all of them at once, so one event says what held from then on). Events
/// written before the Art 39 hours were a setting have none: the law's 24 hours held then.
/// </summary>
internal sealed record LegalAidSettingsSet(
    StatutoryPeriod Decision, StatutoryPeriod Assignment, StatutoryPeriod ObjectionDecision, StatutoryPeriod MaterialsReply,
    StatutoryPeriod FollowUp, DecisionClockStart DecisionClockFrom, string Agency, string JusticeBureau, int? DetainedForwardingHours = null);

/// <summary>
/// The periods the relay runs on, per township. The law's periods are the default and the ceiling: a province may
/// shorten them (decisions in 5 working days), never lengthen them, and a deadline is never later than the law's own
/// whatever the unit (<see cref="LegalAidClock"/>). Materials and follow-up are local practice with no statute.
/// </summary>
internal sealed class LegalAidSettings
{
    /// <summary>法律援助法 第四十三条: 自收到申请之日起七日内 … 作出决定.</summary>
    public static readonly StatutoryPeriod LawDecision = StatutoryPeriod.CalendarDays(7);

    /// <summary>Art 43: 决定给予法律援助的，应当自作出决定之日起三日内指派.</summary>
    public static readonly StatutoryPeriod LawAssignment = StatutoryPeriod.CalendarDays(3);

    /// <summary>法律援助法 第四十九条: 司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令改正的决定.</summary>
    public static readonly StatutoryPeriod LawObjectionDecision = StatutoryPeriod.CalendarDays(5);

    /// <summary>Art 43 names no period for the missing materials: the notice sets one; 15 days is the station's default.</summary>
    public static readonly StatutoryPeriod DefaultMaterialsReply = StatutoryPeriod.CalendarDays(15);

    /// <summary>Art 59 names no period for the visit: 30 days after closing is the station's default.</summary>
    public static readonly StatutoryPeriod DefaultFollowUp = StatutoryPeriod.CalendarDays(30);

    /// <summary>
    /// 法律援助法 第三十九条: a detained applicant's request is forwarded within 24 hours, counted in hours from the
    /// station's receipt (nights and holidays included); a township may shorten it, never lengthen it.
    /// </summary>
    public static readonly HourPeriod LawDetainedForwarding = new(24);

    public const int MaxLocalDays = 90;

    public Guid Id { get; set; }

    public long Version { get; set; }

    public StatutoryPeriod Decision { get; set; } = LawDecision;

    public StatutoryPeriod Assignment { get; set; } = LawAssignment;

    public StatutoryPeriod ObjectionDecision { get; set; } = LawObjectionDecision;

    public StatutoryPeriod MaterialsReply { get; set; } = DefaultMaterialsReply;

    public StatutoryPeriod FollowUp { get; set; } = DefaultFollowUp;

    public int DetainedForwardingHours { get; set; } = LawDetainedForwarding.Hours;

    public HourPeriod DetainedForwarding => new(DetainedForwardingHours);

    /// <summary>Whether the 7 days of Art 43 run from the agency's receipt (the default) or the station's.</summary>
    public DecisionClockStart DecisionClockFrom { get; set; } = DecisionClockStart.AgencyReceipt;

    /// <summary>The county agency the station forwards to (法律援助法 第十二条).</summary>
    public string Agency { get; set; } = "县法律援助中心";

    /// <summary>The justice bureau that decides objections (Art 49).</summary>
    public string JusticeBureau { get; set; } = "县司法局";

    public void Apply(LegalAidSettingsSet e)
    {
        Decision = e.Decision;
        Assignment = e.Assignment;
        ObjectionDecision = e.ObjectionDecision;
        MaterialsReply = e.MaterialsReply;
        FollowUp = e.FollowUp;
        DetainedForwardingHours = e.DetainedForwardingHours ?? LawDetainedForwarding.Hours;
        DecisionClockFrom = e.DecisionClockFrom;
        Agency = e.Agency;
        JusticeBureau = e.JusticeBureau;
    }

    /// <summary>The settings stream of a township: derived from its slug, so every township has exactly one.</summary>
    public static Guid StreamId(string township) => StableIds.Of("legal-services.legal-aid-settings", township);
}

/// <summary>What the settings page and <c>POST …/legal-aid/settings</c> send: every setting at once, with the version read.</summary>
internal sealed class LegalAidSettingsInput
{
    public long? Version { get; set; }

    public int? DecisionDays { get; set; }

    public string? DecisionUnit { get; set; }

    public int? AssignmentDays { get; set; }

    public string? AssignmentUnit { get; set; }

    public int? ObjectionDays { get; set; }

    public string? ObjectionUnit { get; set; }

    public int? MaterialsReplyDays { get; set; }

    public int? FollowUpDays { get; set; }

    /// <summary>Art 39's hours; a client that does not send them (one written before they were a setting) sets the law's 24.</summary>
    public int? DetainedForwardingHours { get; set; }

    public string? DecisionClockFrom { get; set; }

    public string? Agency { get; set; }

    public string? JusticeBureau { get; set; }
}

/// <summary>Reads the current township's settings (the law's defaults until changed) and changes them.</summary>
internal sealed class LegalAidSettingsStore(IDocumentSession session, ITownshipContext township)
{
    private LegalAidSettings? _loaded;

    public async Task<LegalAidSettings> GetAsync(CancellationToken ct)
    {
        var id = LegalAidSettings.StreamId(township.Required.Slug);
        return _loaded ??= await session.LoadAsync<LegalAidSettings>(id, ct) ?? new LegalAidSettings { Id = id };
    }

    /// <summary>The pure decision: the settings event, or every refusal (a period longer than the law's among them).</summary>
    public static LegalAidSettingsSet? Decide(LegalAidSettingsInput input, InputErrors errors)
    {
        // A province's rule may shorten the law's periods in either unit (decisions in 5 working days); the clock then
        // holds each deadline to the law's own last day (LegalAidClock.Deadline).
        const LawCeiling EitherUnit = LawCeiling.EarlierDateWins;
        var decision = errors.Period("decisionDays", "decisionUnit", input.DecisionDays, input.DecisionUnit, "作出决定期限", "decision period", LegalAidSettings.LawDecision, EitherUnit);
        var assignment = errors.Period("assignmentDays", "assignmentUnit", input.AssignmentDays, input.AssignmentUnit, "指派期限", "assignment period", LegalAidSettings.LawAssignment, EitherUnit);
        var objection = errors.Period("objectionDays", "objectionUnit", input.ObjectionDays, input.ObjectionUnit, "异议审查期限", "objection decision period", LegalAidSettings.LawObjectionDecision, EitherUnit);
        var forwarding = input.DetainedForwardingHours is null
            ? LegalAidSettings.LawDetainedForwarding
            : errors.Hours("detainedForwardingHours", input.DetainedForwardingHours, LegalAidSettings.LawDetainedForwarding, "被羁押人申请转交时限", "Forwarding a detained applicant's request");
        var materials = errors.Number("materialsReplyDays", input.MaterialsReplyDays, "补充材料期限（日）", "Days to supply materials", 1, LegalAidSettings.MaxLocalDays);
        var followUp = errors.Number("followUpDays", input.FollowUpDays, "结案后回访期限（日）", "Days to the follow-up visit", 1, LegalAidSettings.MaxLocalDays);
        var from = errors.Choice<DecisionClockStart>("decisionClockFrom", input.DecisionClockFrom, "审查期限起算", "start of the decision clock");
        var agency = errors.Required("agency", input.Agency, "法律援助机构", "Legal-aid agency", 100);
        var bureau = errors.Required("justiceBureau", input.JusticeBureau, "司法行政部门", "Justice bureau", 100);
        return errors.Any
            ? null
            : new LegalAidSettingsSet(decision!.Value, assignment!.Value, objection!.Value, StatutoryPeriod.CalendarDays(materials!.Value),
                StatutoryPeriod.CalendarDays(followUp!.Value), from!.Value, agency!, bureau!, forwarding!.Value.Hours);
    }

    public async Task SetAsync(LegalAidSettingsInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var set = Decide(input, errors);
        if (input.Version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
        }

        errors.ThrowIfAny();
        var stream = await session.Events.FetchForWriting<LegalAidSettings>(LegalAidSettings.StreamId(township.Required.Slug), input.Version!.Value, ct);
        stream.AppendOne(set!);
        await session.SaveChangesAsync(ct);
    }
}
