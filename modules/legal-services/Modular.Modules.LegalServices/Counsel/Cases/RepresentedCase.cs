using Modular.Kit.Steps;
using Modular.Modules.LegalServices.Counsel.Cases.Steps;

namespace Modular.Modules.LegalServices.Counsel.Cases;

/// <summary>A case in which the township is a party, or its counsel represents it (代理行政、民事诉讼).</summary>
internal sealed record CaseRegistered(Guid Id, CaseKind Kind, string Court, string CaseNumber, string Cause, CasePosition Position, CaseStage Stage,
    string? OpposingParty, Guid? CounselId, string? CounselName, DateOnly FiledOn, string By);

internal sealed record HearingScheduled(Guid HearingId, DateOnly On, string? Note, DateOnly RecordedOn, string By);

/// <summary>An appeal or enforcement: the case moves to the next stage, usually under a new case number.</summary>
internal sealed record CaseStageMoved(CaseStage Stage, string Court, string CaseNumber, DateOnly On, string By);

internal sealed record CaseConcluded(string Outcome, DateOnly On, string By);

internal sealed record Hearing(Guid Id, DateOnly On, string? Note);

internal sealed record CaseStageRecord(CaseStage Stage, string Court, string CaseNumber, DateOnly From);

internal enum CaseState
{
    Open,
    Concluded,
}

internal sealed class RepresentedCase
{
    public static readonly StepTable<RepresentedCase, CaseState> Steps = new StepTable<RepresentedCase, CaseState>(c => c.State,
            s => s == CaseState.Open ? new("审理中", "Open") : new("已结案", "Concluded"))
        .Allow(ScheduleHearingStep.Name, CaseState.Open)
        .Allow(MoveStageStep.Name, CaseState.Open)
        .Allow(ConcludeCaseStep.Name, CaseState.Open);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public CaseKind Kind { get; set; }

    public string Court { get; set; } = "";

    public string CaseNumber { get; set; } = "";

    public string Cause { get; set; } = "";

    public CasePosition Position { get; set; }

    public CaseStage Stage { get; set; }

    public string? OpposingParty { get; set; }

    public Guid? CounselId { get; set; }

    public string? CounselName { get; set; }

    public DateOnly FiledOn { get; set; }

    public CaseState State { get; set; }

    public List<CaseStageRecord> Stages { get; set; } = [];

    public List<Hearing> Hearings { get; set; } = [];

    public string? Outcome { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public DateOnly LastStepOn { get; set; }

    public static RepresentedCase Create(CaseRegistered e) => new()
    {
        Id = e.Id,
        Kind = e.Kind,
        Court = e.Court,
        CaseNumber = e.CaseNumber,
        Cause = e.Cause,
        Position = e.Position,
        Stage = e.Stage,
        OpposingParty = e.OpposingParty,
        CounselId = e.CounselId,
        CounselName = e.CounselName,
        FiledOn = e.FiledOn,
        LastStepOn = e.FiledOn,
        Stages = [new CaseStageRecord(e.Stage, e.Court, e.CaseNumber, e.FiledOn)],
    };

    public void Apply(HearingScheduled e) => Hearings.Add(new Hearing(e.HearingId, e.On, e.Note));

    public void Apply(CaseStageMoved e)
    {
        Stage = e.Stage;
        Court = e.Court;
        CaseNumber = e.CaseNumber;
        Stages.Add(new CaseStageRecord(e.Stage, e.Court, e.CaseNumber, e.On));
        LastStepOn = e.On;
    }

    public void Apply(CaseConcluded e)
    {
        State = CaseState.Concluded;
        Outcome = e.Outcome;
        ConcludedOn = e.On;
        LastStepOn = e.On;
    }

    /// <summary>Whether counsel represented the township in it at some time in the period: open then, with counsel.</summary>
    public bool RepresentedWithin(DateOnly from, DateOnly to) => CounselId is not null && FiledOn <= to && (ConcludedOn is not { } end || end >= from);
}
