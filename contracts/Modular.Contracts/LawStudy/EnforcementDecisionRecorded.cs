using Modular.Contracts.Integration;

namespace Modular.Contracts.LawStudy;

/// <summary>
/// An enforcement task was concluded: an inspection finished, a penalty case decided (行政处罚决定 or a decision not to
/// punish), a coercive measure decided. The open-government module counts the decisions in its annual disclosure
/// report (政府信息公开工作年度报告, 第二部分: 行政许可、行政处罚、行政强制 本年处理决定数量). Appended to the task's
/// stream in the same transaction as the conclusion.
/// </summary>
/// <param name="DecisionMade">Whether a decision was made (a penalty imposed, a measure taken); false for a case closed without one.</param>
/// <param name="PowerItemCode">The power-list item (权责清单事项) exercised, by its code, when the task names one.</param>
[IntegrationEventAlias("law-study.enforcement-decision-recorded.v1")]
public sealed record EnforcementDecisionRecorded(
    Guid TaskId,
    string TaskNumber,
    EnforcementKind Kind,
    string Category,
    DateOnly DecidedOn,
    bool DecisionMade,
    string? PowerItemCode,
    string? PowerItemName) : IIntegrationEvent;
