using Modular.Kit.Steps;
using Modular.Modules.Mediation.Petitions.Steps;

namespace Modular.Modules.Mediation.Petitions;

internal enum PetitionChannel
{
    Letter,           // 来信
    Visit,            // 来访
    Online,           // 网上信访
    Phone,            // 电话
    Transferred,      // 上级转送/交办
    DisclosureRequest, // 政府信息公开申请转入
}

internal enum PetitionCategory
{
    Suggestion, // 建议意见类
    Report,     // 检举控告类
    Claim,      // 申诉求决类
}

internal enum OpinionOutcome
{
    Supported,    // 支持
    Explained,    // 解释说明
    NotSupported, // 不予支持
}

internal enum PetitionState
{
    Registered,
    Objected,
    Accepted,
    Classified,
    Redirected,
    Investigating,
    OpinionIssued,
    UnderReview,
    Reviewed,
    UnderSecondReview,
    Final,
}

/// <summary>The petitioner. Personal data: ID number, phone and address are shown only masked.</summary>
internal sealed record Petitioner(string Name, string? IdNumber, string? Phone, string? Address);

internal sealed record PetitionRegistered(
    Guid Id,
    string Number,
    PetitionChannel Channel,
    DateOnly ReceivedOn,
    string? TransferringOffice,
    string? TransferReference,
    Petitioner Petitioner,
    string Matter,
    Guid? DisclosureRequestId);

/// <summary>Outside the township's remit: objected to within 5 working days, and closed here.</summary>
internal sealed record PetitionObjected(DateOnly ObjectedOn, string Reason);

internal sealed record PetitionAccepted(DateOnly NoticeOn);

internal sealed record PetitionClassified(DateOnly ClassifiedOn, PetitionCategory Category);

/// <summary>A claim that belongs to litigation, arbitration, reconsideration or another procedure (Art 31), redirected and closed.</summary>
internal sealed record PetitionRedirected(DateOnly RedirectedOn, string Procedure, string Explanation);

internal sealed record InvestigationStarted(DateOnly StartedOn, string Investigator);

internal sealed record OpinionDeadlineExtended(DateOnly ExtendedOn, int Days, string Reason);

internal sealed record OpinionIssued(DateOnly IssuedOn, OpinionOutcome Outcome, string Text, string Basis);

internal sealed record ReviewRequested(DateOnly RequestedOn, int Level);

internal sealed record ReviewDecided(DateOnly DecidedOn, int Level, OpinionOutcome Outcome, string Text);

/// <summary>A petition (信访事项) and where it stands: the inline snapshot of its stream.</summary>
internal sealed class Petition
{
    /// <summary>
    /// Which steps of 信访工作条例 each state allows, in the order a clerk usually takes them: the API refuses a step out
    /// of turn with it, the page offers only these.
    /// </summary>
    public static StepTable<Petition, PetitionState> Steps { get; } = new StepTable<Petition, PetitionState>(p => p.State, PetitionVocabulary.Label)
        .Allow(AcceptPetitionStep.Name, PetitionState.Registered)
        .Allow(ObjectToPetitionStep.Name, PetitionState.Registered)
        .Allow(ClassifyPetitionStep.Name, PetitionState.Accepted)
        .Allow(InvestigatePetitionStep.Name, PetitionState.Classified)
        .Allow(RedirectPetitionStep.Name, RedirectPetitionStep.IsClaim, PetitionState.Classified)
        .Allow(IssueOpinionStep.Name, PetitionState.Investigating)
        .Allow(ExtendDeadlineStep.Name, ExtendDeadlineStep.NotYetExtended, PetitionState.Accepted, PetitionState.Classified, PetitionState.Investigating)
        .Allow(RequestReviewStep.Name, PetitionState.OpinionIssued, PetitionState.Reviewed)
        .Allow(DecideReviewStep.Name, PetitionState.UnderReview, PetitionState.UnderSecondReview);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    public int Year { get; set; }

    public PetitionChannel Channel { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public string? TransferringOffice { get; set; }

    public string? TransferReference { get; set; }

    public Petitioner Petitioner { get; set; } = new("", null, null, null);

    public string Matter { get; set; } = "";

    public Guid? DisclosureRequestId { get; set; }

    public PetitionState State { get; set; }

    public bool IsOpen { get; set; }

    public DateOnly? ObjectedOn { get; set; }

    public string? ObjectionReason { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public PetitionCategory? Category { get; set; }

    public DateOnly? RedirectedOn { get; set; }

    public string? RedirectProcedure { get; set; }

    public string? RedirectExplanation { get; set; }

    public DateOnly? InvestigationStartedOn { get; set; }

    public string? Investigator { get; set; }

    public DateOnly? ExtendedOn { get; set; }

    public int ExtensionDays { get; set; }

    public string? ExtensionReason { get; set; }

    public DateOnly? OpinionOn { get; set; }

    public OpinionOutcome? Outcome { get; set; }

    public string? OpinionText { get; set; }

    public string? OpinionBasis { get; set; }

    public DateOnly? ReviewRequestedOn { get; set; }

    public DateOnly? ReviewDecidedOn { get; set; }

    public OpinionOutcome? ReviewOutcome { get; set; }

    public string? ReviewText { get; set; }

    public DateOnly? SecondReviewRequestedOn { get; set; }

    public DateOnly? SecondReviewDecidedOn { get; set; }

    public OpinionOutcome? SecondReviewOutcome { get; set; }

    public string? SecondReviewText { get; set; }

    public static Petition Create(PetitionRegistered e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        Year = e.ReceivedOn.Year,
        Channel = e.Channel,
        ReceivedOn = e.ReceivedOn,
        TransferringOffice = e.TransferringOffice,
        TransferReference = e.TransferReference,
        Petitioner = e.Petitioner,
        Matter = e.Matter,
        DisclosureRequestId = e.DisclosureRequestId,
        State = PetitionState.Registered,
        IsOpen = true,
    };

    public void Apply(PetitionObjected e)
    {
        ObjectedOn = e.ObjectedOn;
        ObjectionReason = e.Reason;
        State = PetitionState.Objected;
        IsOpen = false;
    }

    public void Apply(PetitionAccepted e)
    {
        AcceptedOn = e.NoticeOn;
        State = PetitionState.Accepted;
    }

    public void Apply(PetitionClassified e)
    {
        Category = e.Category;
        State = PetitionState.Classified;
    }

    public void Apply(PetitionRedirected e)
    {
        RedirectedOn = e.RedirectedOn;
        RedirectProcedure = e.Procedure;
        RedirectExplanation = e.Explanation;
        State = PetitionState.Redirected;
        IsOpen = false;
    }

    public void Apply(InvestigationStarted e)
    {
        InvestigationStartedOn = e.StartedOn;
        Investigator = e.Investigator;
        State = PetitionState.Investigating;
    }

    public void Apply(OpinionDeadlineExtended e)
    {
        ExtendedOn = e.ExtendedOn;
        ExtensionDays = e.Days;
        ExtensionReason = e.Reason;
    }

    public void Apply(OpinionIssued e)
    {
        OpinionOn = e.IssuedOn;
        Outcome = e.Outcome;
        OpinionText = e.Text;
        OpinionBasis = e.Basis;
        State = PetitionState.OpinionIssued;
        IsOpen = false;
    }

    public void Apply(ReviewRequested e)
    {
        if (e.Level == 1)
        {
            ReviewRequestedOn = e.RequestedOn;
            State = PetitionState.UnderReview;
        }
        else
        {
            SecondReviewRequestedOn = e.RequestedOn;
            State = PetitionState.UnderSecondReview;
        }
    }

    public void Apply(ReviewDecided e)
    {
        if (e.Level == 1)
        {
            ReviewDecidedOn = e.DecidedOn;
            ReviewOutcome = e.Outcome;
            ReviewText = e.Text;
            State = PetitionState.Reviewed;
        }
        else
        {
            SecondReviewDecidedOn = e.DecidedOn;
            SecondReviewOutcome = e.Outcome;
            SecondReviewText = e.Text;
            State = PetitionState.Final;
        }
    }
}
