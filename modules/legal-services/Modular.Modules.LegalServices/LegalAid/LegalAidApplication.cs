using Modular.Contracts.Mediation;
using Modular.Kit;
using Modular.Kit.Steps;
using Modular.Modules.LegalServices.LegalAid.Steps;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>
/// A legal-aid application relayed by the station (法律援助法 2022): the inline snapshot of its stream, and the
/// register's row. The county agency decides; the station receives, asks for materials, forwards and follows it.
/// </summary>
internal sealed class LegalAidApplication
{
    private static readonly ApplicationState[] BeforeDecision =
        [ApplicationState.Received, ApplicationState.MaterialsRequested, ApplicationState.Forwarded, ApplicationState.UnderReview];

    /// <summary>
    /// Which steps each state allows, in the order the station usually takes them: the API refuses a step out of turn
    /// with it, the page offers only these, the due list asks only for these.
    /// </summary>
    public static StepTable<LegalAidApplication, ApplicationState> Steps { get; } = new StepTable<LegalAidApplication, ApplicationState>(a => a.State, LegalAidVocabulary.Label)
        .Allow(ConfirmDraftStep.Name, ApplicationState.Draft)
        .Allow(DismissDraftStep.Name, ApplicationState.Draft)
        .Allow(RequestMaterialsStep.Name, a => a.MaterialsRequestedOn is null, ApplicationState.Received)
        .Allow(SupplyMaterialsStep.Name, ApplicationState.MaterialsRequested)
        .Allow(WithdrawForNoReplyStep.Name, ApplicationState.MaterialsRequested)
        .Allow(ForwardApplicationStep.Name, ApplicationState.Received)
        .Allow(RecordAgencyReceiptStep.Name, ApplicationState.Forwarded)
        .Allow(ProvideProvisionalAidStep.Name, a => a.ProvisionalOn is null, BeforeDecision)
        .Allow(GrantAidStep.Name, ApplicationState.UnderReview)
        .Allow(RefuseAidStep.Name, ApplicationState.UnderReview)
        .Allow(FileObjectionStep.Name, a => !a.DecisionObjected, ApplicationState.Refused, ApplicationState.Terminated)
        .Allow(DecideObjectionStep.Name, ApplicationState.ObjectionPending)
        .Allow(AssignAidStep.Name, ApplicationState.Granted)
        .Allow(StartAidStep.Name, ApplicationState.Assigned)
        .Allow(CompletePaperworkStep.Name, a => a.ProvisionalOn is not null && a.PaperworkCompletedOn is null,
            [.. BeforeDecision, ApplicationState.Granted, ApplicationState.Assigned, ApplicationState.InProgress])
        .Allow(TerminateAidStep.Name, ApplicationState.Assigned, ApplicationState.InProgress)
        .Allow(CloseAidStep.Name, ApplicationState.InProgress)
        .Allow(VisitRecipientStep.Name, ApplicationState.Closed);

    public Guid Id { get; set; }

    public long Version { get; set; }

    /// <summary>The register's number (2026-0001); empty while a draft.</summary>
    public string Number { get; set; } = "";

    public ApplicationState State { get; set; }

    public DateTimeOffset? StationReceivedAt { get; set; }

    /// <summary>The station's day of receipt (Beijing time), for filters and figures.</summary>
    public DateOnly? StationReceivedOn { get; set; }

    public Applicant Applicant { get; set; } = new("", null, null, null);

    public Representative? Representative { get; set; }

    public bool Detained { get; set; }

    public string? DetentionPlace { get; set; }

    public LegalAidMatter? Matter { get; set; }

    public AidForm? Form { get; set; }

    public MeansRoute? Means { get; set; }

    public ExemptGroup? ExemptGroup { get; set; }

    public NoMeansTestMatter? NoMeansTestMatter { get; set; }

    /// <summary>Personal data: income, property, household. Masked everywhere, revealed with a reason.</summary>
    public string? MeansDetails { get; set; }

    public string Summary { get; set; } = "";

    public string? OpposingParty { get; set; }

    public List<string> Materials { get; set; } = [];

    public Guid? ReferralDisputeId { get; set; }

    public string? ReferralDisputeNumber { get; set; }

    public string? ReferralVillage { get; set; }

    public string? ReferralReason { get; set; }

    public DateOnly? DraftedOn { get; set; }

    public DateOnly? DismissedOn { get; set; }

    public string? DismissalReason { get; set; }

    public DateOnly? MaterialsRequestedOn { get; set; }

    public List<string> MissingMaterials { get; set; } = [];

    public DateOnly? MaterialsReplyBy { get; set; }

    public DateOnly? MaterialsSuppliedOn { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public DateTimeOffset? ForwardedAt { get; set; }

    public string? Agency { get; set; }

    public string? LetterNumber { get; set; }

    public DateOnly? AgencyReceivedOn { get; set; }

    public DateOnly? ProvisionalOn { get; set; }

    public ProvisionalGround? ProvisionalGround { get; set; }

    public DateOnly? LimitationEndsOn { get; set; }

    public DateOnly? PaperworkCompletedOn { get; set; }

    public DateOnly? GrantedOn { get; set; }

    public DateOnly? RefusedOn { get; set; }

    public string? DecisionNumber { get; set; }

    public string? RefusalReasons { get; set; }

    public DateOnly? ObjectionFiledOn { get; set; }

    public string? ObjectionGrounds { get; set; }

    /// <summary>The decision the pending objection is against: Refused or Terminated.</summary>
    public ApplicationState? ObjectionAgainst { get; set; }

    /// <summary>The current refusal or termination was objected to already: the bureau's decision on it is final.</summary>
    public bool DecisionObjected { get; set; }

    public DateOnly? ObjectionDecidedOn { get; set; }

    public ObjectionOutcome? ObjectionOutcome { get; set; }

    public string? ObjectionReasons { get; set; }

    public DateOnly? AssignedOn { get; set; }

    public AssigneeKind? AssigneeKind { get; set; }

    public string? Assignee { get; set; }

    public string? AssigneeOrganisation { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? TerminatedOn { get; set; }

    public TerminationGround? TerminationGround { get; set; }

    public string? TerminationReason { get; set; }

    /// <summary>Where the aid stood when terminated: an overturned termination returns there.</summary>
    public ApplicationState? StateBeforeTermination { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosingOutcome { get; set; }

    public string? ClosingReport { get; set; }

    public List<RecipientVisited> Visits { get; set; } = [];

    /// <summary>The recipient was visited at least once (Art 59): the follow-up clock stops.</summary>
    public bool Visited { get; set; }

    /// <summary>Still moving: not withdrawn, dismissed, closed, or refused or terminated without an objection pending.</summary>
    public bool IsOpen { get; set; }

    /// <summary>The day of the latest step: a later step cannot be dated before it.</summary>
    public DateOnly LastStepOn { get; set; }

    public static LegalAidApplication Create(ApplicationDrafted e) => new()
    {
        Id = e.Id,
        State = ApplicationState.Draft,
        Applicant = e.Applicant,
        Matter = e.Matter,
        Summary = e.Summary,
        OpposingParty = e.OpposingParties.Count == 0 ? null : string.Join("、", e.OpposingParties),
        ReferralDisputeId = e.DisputeId,
        ReferralDisputeNumber = e.DisputeNumber,
        ReferralVillage = e.Village,
        ReferralReason = e.FailureReason,
        DraftedOn = e.FailedOn,
        IsOpen = true,
        LastStepOn = e.FailedOn,
    };

    public static LegalAidApplication Create(ApplicationReceived e)
    {
        var a = new LegalAidApplication { Id = e.Id };
        a.Apply(e);
        return a;
    }

    public void Apply(ApplicationReceived e)
    {
        Number = e.Number;
        StationReceivedAt = e.StationReceivedAt;
        StationReceivedOn = TownshipTime.DayOf(e.StationReceivedAt);
        Applicant = e.Applicant;
        Representative = e.Representative;
        Detained = e.Detained;
        DetentionPlace = e.DetentionPlace;
        Matter = e.Matter;
        Form = e.Form;
        Means = e.Means;
        ExemptGroup = e.ExemptGroup;
        NoMeansTestMatter = e.NoMeansTestMatter;
        MeansDetails = e.MeansDetails;
        Summary = e.Summary;
        OpposingParty = e.OpposingParty;
        Materials = [.. e.Materials];
        State = ApplicationState.Received;
        IsOpen = true;
        LastStepOn = StationReceivedOn.Value;
    }

    public void Apply(DraftDismissed e)
    {
        DismissedOn = e.On;
        DismissalReason = e.Reason;
        End(ApplicationState.Dismissed, e.On);
    }

    public void Apply(MaterialsRequested e)
    {
        MaterialsRequestedOn = e.On;
        MissingMaterials = [.. e.Missing];
        MaterialsReplyBy = e.ReplyBy;
        Step(ApplicationState.MaterialsRequested, e.On);
    }

    public void Apply(MaterialsSupplied e)
    {
        MaterialsSuppliedOn = e.On;
        Materials.AddRange(e.Items);
        Step(ApplicationState.Received, e.On);
    }

    public void Apply(ApplicationWithdrawn e)
    {
        WithdrawnOn = e.On;
        End(ApplicationState.Withdrawn, e.On);
    }

    public void Apply(ApplicationForwarded e)
    {
        ForwardedAt = e.At;
        Agency = e.Agency;
        LetterNumber = e.LetterNumber;
        Step(ApplicationState.Forwarded, TownshipTime.DayOf(e.At));
    }

    public void Apply(AgencyReceiptRecorded e)
    {
        AgencyReceivedOn = e.On;
        Step(ApplicationState.UnderReview, e.On);
    }

    public void Apply(ProvisionalAidProvided e)
    {
        ProvisionalOn = e.On;
        ProvisionalGround = e.Ground;
        LimitationEndsOn = e.LimitationEndsOn;
        LastStepOn = e.On;
    }

    public void Apply(ProvisionalPaperworkCompleted e)
    {
        PaperworkCompletedOn = e.On;
        LastStepOn = e.On;
    }

    public void Apply(AidGranted e)
    {
        GrantedOn = e.On;
        DecisionNumber = e.DecisionNumber;
        Step(ApplicationState.Granted, e.On);
    }

    public void Apply(AidRefused e)
    {
        RefusedOn = e.On;
        DecisionNumber = e.DecisionNumber;
        RefusalReasons = e.Reasons;
        DecisionObjected = false;
        End(ApplicationState.Refused, e.On);
    }

    public void Apply(ObjectionFiled e)
    {
        ObjectionAgainst = State;
        ObjectionFiledOn = e.On;
        ObjectionGrounds = e.Grounds;
        DecisionObjected = true;
        Step(ApplicationState.ObjectionPending, e.On);
    }

    public void Apply(ObjectionDecided e)
    {
        ObjectionDecidedOn = e.On;
        ObjectionOutcome = e.Outcome;
        ObjectionReasons = e.Reasons;
        if (e.Outcome == LegalAid.ObjectionOutcome.Upheld)
        {
            End(ObjectionAgainst ?? ApplicationState.Refused, e.On);
        }
        else if (ObjectionAgainst == ApplicationState.Terminated)
        {
            // The bureau told the agency to continue: the aid goes on where it stood.
            Step(StateBeforeTermination ?? ApplicationState.InProgress, e.On);
        }
        else
        {
            // The bureau told the agency to grant: the 3 days of assignment run from this decision.
            GrantedOn = e.On;
            Step(ApplicationState.Granted, e.On);
        }
    }

    public void Apply(AidAssigned e)
    {
        AssignedOn = e.On;
        AssigneeKind = e.Kind;
        Assignee = e.Assignee;
        AssigneeOrganisation = e.Organisation;
        Step(ApplicationState.Assigned, e.On);
    }

    public void Apply(AidStarted e)
    {
        StartedOn = e.On;
        Step(ApplicationState.InProgress, e.On);
    }

    public void Apply(AidTerminated e)
    {
        StateBeforeTermination = State;
        TerminatedOn = e.On;
        TerminationGround = e.Ground;
        TerminationReason = e.Reason;
        DecisionObjected = false;
        End(ApplicationState.Terminated, e.On);
    }

    public void Apply(AidClosed e)
    {
        ClosedOn = e.On;
        ClosingOutcome = e.Outcome;
        ClosingReport = e.Report;
        End(ApplicationState.Closed, e.On);
    }

    public void Apply(RecipientVisited e)
    {
        Visits.Add(e);
        Visited = true;
        LastStepOn = e.On;
    }

    private void Step(ApplicationState state, DateOnly on)
    {
        State = state;
        IsOpen = true;
        LastStepOn = on > LastStepOn ? on : LastStepOn;
    }

    private void End(ApplicationState state, DateOnly on)
    {
        State = state;
        IsOpen = false;
        LastStepOn = on > LastStepOn ? on : LastStepOn;
    }
}

/// <summary>The yearly counter behind application numbers (2026-0001), versioned so two clerks never take one number.</summary>
internal sealed class LegalAidNumberCounter : IYearCounter
{
    public string Id { get; set; } = "";

    public int Last { get; set; }
}
