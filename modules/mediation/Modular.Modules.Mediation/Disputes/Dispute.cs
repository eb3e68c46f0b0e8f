using Modular.Contracts.Mediation;
using Modular.Kit.Steps;
using Modular.Modules.Mediation.Disputes.Steps;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>A dispute (矛盾纠纷) and where its mediation stands: the inline snapshot of its stream, and the ledger's row.</summary>
internal sealed class Dispute
{
    private static readonly DisputeState[] BeforeAgreement = [DisputeState.Registered, DisputeState.Accepted, DisputeState.Mediating];

    /// <summary>
    /// Which steps of 人民调解法 each state allows, in the order a mediator usually takes them: the API refuses a step out
    /// of turn with it, the page offers only these, the due list asks only for these.
    /// </summary>
    public static StepTable<Dispute, DisputeState> Steps { get; } = new StepTable<Dispute, DisputeState>(d => d.State, DisputeVocabulary.Label)
        .Allow(StartMediationStep.Name, DisputeState.Registered)
        .Allow(HoldSessionStep.Name, HoldSessionStep.HasMediator, DisputeState.Accepted, DisputeState.Mediating)
        .Allow(DraftAgreementStep.Name, DisputeState.Mediating)
        .Allow(SignAgreementStep.Name, DisputeState.AgreementDrafted)
        .Allow(ReachOralAgreementStep.Name, DisputeState.Mediating)
        .Allow(RecordFailureStep.Name, DisputeState.Mediating, DisputeState.AgreementDrafted)
        .Allow(AssignMediatorStep.Name, DisputeState.Accepted, DisputeState.Mediating)
        .Allow(RefuseMediationStep.Name, BeforeAgreement)
        .Allow(RouteDisputeStep.Name, BeforeAgreement)
        .Allow(NotifyPoliceStep.Name, [.. BeforeAgreement, DisputeState.AgreementDrafted])
        .Allow(CheckPerformanceStep.Name, DisputeState.Agreed)
        .Allow(RecordCourtConfirmationStep.Name, RecordCourtConfirmationStep.IsOpen, DisputeState.Agreed, DisputeState.Performed)
        .Allow(VisitAfterAgreementStep.Name, DisputeState.Agreed, DisputeState.Performed)
        .Allow(ArchiveDisputeStep.Name, ArchiveDisputeStep.PerformanceChecked,
            DisputeState.Agreed, DisputeState.Performed, DisputeState.Failed, DisputeState.Refused, DisputeState.Routed);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    public DisputeSource Source { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public string Category { get; set; } = "";

    public string Village { get; set; } = "";

    public string Summary { get; set; } = "";

    public List<Party> Parties { get; set; } = [];

    public List<SpecialGroup> SpecialGroups { get; set; } = [];

    /// <summary>The households of the parties, for the household page's list of its disputes.</summary>
    public List<Guid> HouseholdIds { get; set; } = [];

    public EscalationRisk Risk { get; set; }

    public Guid? LeadId { get; set; }

    public string? TransferredFrom { get; set; }

    public DisputeState State { get; set; }

    /// <summary>Open until it is agreed, failed, refused or routed; an agreement stays followed up but the dispute is resolved.</summary>
    public bool IsOpen { get; set; }

    public DateOnly? StartedOn { get; set; }

    public MediationBasis? Basis { get; set; }

    public string? AppliedBy { get; set; }

    public string? Mediator { get; set; }

    public bool MediatorChosenByParties { get; set; }

    public List<MediationSessionHeld> Sessions { get; set; } = [];

    public DateOnly? RefusedOn { get; set; }

    public string? RefusedBy { get; set; }

    public string? RefusalReason { get; set; }

    public DateOnly? RoutedOn { get; set; }

    public string? RoutedTo { get; set; }

    public string? RoutingReason { get; set; }

    public List<PoliceNotified> PoliceReports { get; set; } = [];

    public AgreementForm? AgreementForm { get; set; }

    public AgreementDrafted? Agreement { get; set; }

    public string? OralTerms { get; set; }

    public string? OralPerformance { get; set; }

    /// <summary>The day the agreement took effect: the last signature, or the oral agreement.</summary>
    public DateOnly? ResolvedOn { get; set; }

    public DateOnly? FailedOn { get; set; }

    public string? FailureReason { get; set; }

    public string? RoutesExplained { get; set; }

    public LegalAidMatter? LegalAidMatter { get; set; }

    public PerformanceStatus? Performance { get; set; }

    public List<PerformanceChecked> PerformanceChecks { get; set; } = [];

    public DateOnly? CourtConfirmationAppliedOn { get; set; }

    public string? Court { get; set; }

    public List<FollowUpVisited> FollowUps { get; set; } = [];

    /// <summary>The first follow-up visit, if any: the due list asks for one after every agreement.</summary>
    public DateOnly? FollowedUpOn { get; set; }

    public DateOnly? ArchivedOn { get; set; }

    public string? FileNumber { get; set; }

    /// <summary>The outcome came from a ledger kept before the platform: no reminders are raised for it here.</summary>
    public bool OutcomeImported { get; set; }

    /// <summary>What an imported ledger said of the outcome (terms, reason or destination), in its own words.</summary>
    public string? OutcomeNote { get; set; }

    /// <summary>The day of the latest step: a later step cannot be dated before it.</summary>
    public DateOnly LastStepOn { get; set; }

    public static Dispute Create(DisputeTakenIn e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        Source = e.Source,
        ReceivedOn = e.ReceivedOn,
        Category = e.Category,
        Village = e.Village,
        Summary = e.Summary,
        Parties = [.. e.Parties],
        SpecialGroups = [.. e.SpecialGroups],
        Risk = e.Risk,
        LeadId = e.LeadId,
        TransferredFrom = e.TransferredFrom,
        State = DisputeState.Registered,
        IsOpen = true,
        LastStepOn = e.ReceivedOn,
    };

    public void Apply(MediationStarted e)
    {
        StartedOn = e.On;
        Basis = e.Basis;
        AppliedBy = e.AppliedBy;
        State = DisputeState.Accepted;
        LastStepOn = e.On;
    }

    public void Apply(MediationRefused e)
    {
        RefusedOn = e.On;
        RefusedBy = e.Party;
        RefusalReason = e.Reason;
        Close(DisputeState.Refused, e.On);
    }

    public void Apply(MediatorAssigned e)
    {
        Mediator = e.Mediator;
        MediatorChosenByParties = e.ChosenByParties;
        LastStepOn = e.On;
    }

    public void Apply(MediationSessionHeld e)
    {
        Sessions.Add(e);
        State = DisputeState.Mediating;
        LastStepOn = e.On;
    }

    public void Apply(DisputeRouted e)
    {
        RoutedOn = e.On;
        RoutedTo = e.To;
        RoutingReason = e.Reason;
        Close(DisputeState.Routed, e.On);
    }

    public void Apply(PoliceNotified e)
    {
        PoliceReports.Add(e);
        Risk = EscalationRisk.High;
        LastStepOn = e.On;
    }

    public void Apply(AgreementDrafted e)
    {
        AgreementForm = Disputes.AgreementForm.Written;
        Agreement = e;
        State = DisputeState.AgreementDrafted;
        LastStepOn = e.On;
    }

    public void Apply(AgreementSigned e)
    {
        ResolvedOn = e.SignedOn;
        Close(DisputeState.Agreed, e.SignedOn);
    }

    public void Apply(OralAgreementReached e)
    {
        AgreementForm = Disputes.AgreementForm.Oral;
        OralTerms = e.Terms;
        OralPerformance = e.Performance;
        ResolvedOn = e.On;
        Close(DisputeState.Agreed, e.On);
    }

    public void Apply(MediationFailed e)
    {
        FailedOn = e.On;
        FailureReason = e.Reason;
        RoutesExplained = e.RoutesExplained;
        LegalAidMatter = e.LegalAidMatter;
        AgreementForm = null; // a draft nobody signed is not an agreement; the draft stays on the record
        Close(DisputeState.Failed, e.On);
    }

    public void Apply(PerformanceChecked e)
    {
        PerformanceChecks.Add(e);
        Performance = e.Status;
        if (e.Status == PerformanceStatus.Performed)
        {
            State = DisputeState.Performed;
        }

        LastStepOn = e.On;
    }

    public void Apply(CourtConfirmationApplied e)
    {
        CourtConfirmationAppliedOn = e.On;
        Court = e.Court;
        LastStepOn = e.On;
    }

    public void Apply(FollowUpVisited e)
    {
        FollowUps.Add(e);
        FollowedUpOn ??= e.On;
        LastStepOn = e.On;
    }

    public void Apply(DisputeArchived e)
    {
        ArchivedOn = e.On;
        FileNumber = e.FileNumber;
        State = DisputeState.Archived;
        LastStepOn = e.On;
    }

    public void Apply(PartyHouseholdLinked e)
    {
        Parties[e.Party] = Parties[e.Party] with { HouseholdId = e.HouseholdId, HouseholdNumber = e.HouseholdNumber };
        HouseholdIds = [.. Parties.Where(p => p.HouseholdId is not null).Select(p => p.HouseholdId!.Value).Distinct()];
        SpecialGroups = [.. SpecialGroups.Union(e.SpecialGroups)];
    }

    public void Apply(LedgerOutcomeImported e)
    {
        Mediator = e.Mediator ?? Mediator;
        OutcomeNote = e.Note;
        OutcomeImported = true;
        var on = e.On ?? ReceivedOn;
        switch (e.Outcome)
        {
            case LedgerOutcome.InMediation:
                State = DisputeState.Mediating;
                LastStepOn = on;
                break;
            case LedgerOutcome.Agreed:
                AgreementForm = e.Form;
                ResolvedOn = on;
                Close(DisputeState.Agreed, on);
                break;
            case LedgerOutcome.Failed:
                FailedOn = on;
                Close(DisputeState.Failed, on);
                break;
            case LedgerOutcome.Routed:
                RoutedOn = on;
                Close(DisputeState.Routed, on);
                break;
            default:
                RefusedOn = on;
                Close(DisputeState.Refused, on);
                break;
        }
    }

    private void Close(DisputeState state, DateOnly on)
    {
        State = state;
        IsOpen = false;
        LastStepOn = on;
    }
}
