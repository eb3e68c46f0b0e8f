using Modular.Contracts.LawStudy;

namespace Modular.Modules.LawStudy.Enforcement;

// Events of an enforcement task and of a refused assignment, aliased in EnforcementArea (law-study.<event>.v1).

/// <summary>An officer as assigned: the roster entry, the name, and the certificate they show (行政处罚法 Arts 52, 55).</summary>
internal sealed record AssignedOfficer(Guid StaffId, string Name, string CertificateNumber);

/// <summary>
/// A piece of enforcement work was recorded: an inspection (行政检查), a penalty case (行政处罚) or a coercive measure
/// (行政强制), its category and area as certificates name them, its day, the power-list item it exercises (as text:
/// modules never reference each other), and what or whom it concerns.
/// </summary>
internal sealed record EnforcementTaskRecorded(
    Guid Id,
    string Number,
    EnforcementKind Kind,
    string Category,
    string Area,
    DateOnly On,
    string? PowerItemCode,
    string? PowerItemName,
    string Subject,
    string By);

/// <summary>Officers were assigned after the gate found at least two of them qualified on the task's day.</summary>
internal sealed record OfficersAssigned(IReadOnlyList<AssignedOfficer> Officers, string By);

/// <summary>The task was concluded: the inspection finished, the case decided (or closed without a decision), the measure decided.</summary>
internal sealed record EnforcementTaskConcluded(DateOnly On, bool DecisionMade, string Conclusion, string By);

/// <summary>An officer the gate refused, and every reason (bilingual).</summary>
internal sealed record RefusedOfficer(Guid StaffId, string Name, IReadOnlyList<string> Reasons);

/// <summary>
/// An assignment was refused: who was proposed, who did not qualify and why, and the reasons of the whole (fewer
/// than two). Its own stream, so the task's version is untouched; counted as "assignments refused" in the report.
/// </summary>
internal sealed record AssignmentRefused(
    Guid Id,
    Guid TaskId,
    string TaskNumber,
    DateOnly TaskOn,
    DateOnly RefusedOn,
    IReadOnlyList<RefusedOfficer> Officers,
    IReadOnlyList<string> Reasons,
    string By);
