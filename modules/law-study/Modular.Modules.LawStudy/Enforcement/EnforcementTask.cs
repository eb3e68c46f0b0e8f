using Modular.Contracts.LawStudy;
using Modular.Contracts.Modules;
using Modular.Kit.Steps;
using Modular.Modules.LawStudy.Enforcement.Steps;

namespace Modular.Modules.LawStudy.Enforcement;

internal enum TaskState
{
    Recorded,
    Assigned,
    Concluded,
}

/// <summary>An enforcement task (行政检查、行政处罚、行政强制) and its officers: the inline snapshot of its stream.</summary>
internal sealed class EnforcementTask
{
    public static readonly StepTable<EnforcementTask, TaskState> Steps = new StepTable<EnforcementTask, TaskState>(t => t.State, Label)
        .Allow(AssignOfficers.Step, TaskState.Recorded, TaskState.Assigned)
        .Allow(ConcludeTask.Step, TaskState.Assigned);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    public EnforcementKind Kind { get; set; }

    public string Category { get; set; } = "";

    public string Area { get; set; } = "";

    public DateOnly On { get; set; }

    public int Year { get; set; }

    public string? PowerItemCode { get; set; }

    public string? PowerItemName { get; set; }

    public string Subject { get; set; } = "";

    public TaskState State { get; set; }

    public List<AssignedOfficer> Officers { get; set; } = [];

    public DateOnly? ConcludedOn { get; set; }

    public bool? DecisionMade { get; set; }

    public string? Conclusion { get; set; }

    public static EnforcementTask Create(EnforcementTaskRecorded e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        Kind = e.Kind,
        Category = e.Category,
        Area = e.Area,
        On = e.On,
        Year = e.On.Year,
        PowerItemCode = e.PowerItemCode,
        PowerItemName = e.PowerItemName,
        Subject = e.Subject,
        State = TaskState.Recorded,
    };

    public void Apply(OfficersAssigned e)
    {
        Officers = [.. e.Officers];
        State = TaskState.Assigned;
    }

    public void Apply(EnforcementTaskConcluded e)
    {
        State = TaskState.Concluded;
        ConcludedOn = e.On;
        DecisionMade = e.DecisionMade;
        Conclusion = e.Conclusion;
    }

    public static LocalizedText Label(TaskState state) => state switch
    {
        TaskState.Recorded => new("待指派", "To assign"),
        TaskState.Assigned => new("已指派", "Assigned"),
        TaskState.Concluded => new("已办结", "Concluded"),
        _ => new(state.ToString(), state.ToString()),
    };

    public static LocalizedText Label(EnforcementKind kind) => kind switch
    {
        EnforcementKind.Inspection => new("行政检查", "Inspection"),
        EnforcementKind.Penalty => new("行政处罚", "Penalty case"),
        EnforcementKind.Coercion => new("行政强制", "Coercive measure"),
        EnforcementKind.Licensing => new("行政许可", "Licensing"),
        _ => new(kind.ToString(), kind.ToString()),
    };
}

/// <summary>
/// A refused assignment as the report counts it (the snapshot of its one-event stream), in the year of the task's day:
/// the refusal belongs to the year's enforcement work, even when it was entered later.
/// </summary>
internal sealed class AssignmentRefusal
{
    public Guid Id { get; set; }

    public Guid TaskId { get; set; }

    public string TaskNumber { get; set; } = "";

    public DateOnly RefusedOn { get; set; }

    public int Year { get; set; }

    public List<RefusedOfficer> Officers { get; set; } = [];

    public List<string> Reasons { get; set; } = [];

    public static AssignmentRefusal Create(AssignmentRefused e) => new()
    {
        Id = e.Id,
        TaskId = e.TaskId,
        TaskNumber = e.TaskNumber,
        RefusedOn = e.RefusedOn,
        Year = e.TaskOn.Year,
        Officers = [.. e.Officers],
        Reasons = [.. e.Reasons],
    };
}

internal sealed class EnforcementTaskCounter : IYearCounter
{
    public string Id { get; set; } = "";

    public int Last { get; set; }
}
