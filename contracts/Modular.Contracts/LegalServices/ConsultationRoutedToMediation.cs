using Modular.Contracts.Integration;

namespace Modular.Contracts.LegalServices;

/// <summary>
/// The topics a public legal service station registers a consultation under, in the order. Stored events may
/// hold them by number: add new values at the end only.
/// </summary>
public enum ConsultationTopic
{
    /// <summary>婚姻家庭</summary>
    MarriageFamily,

    /// <summary>继承</summary>
    Inheritance,

    /// <summary>劳动和工资</summary>
    LabourWages,

    /// <summary>土地和山林</summary>
    LandForest,

    /// <summary>合同和债务</summary>
    ContractsDebts,

    /// <summary>损害赔偿</summary>
    Damages,

    /// <summary>行政</summary>
    Administrative,

    /// <summary>刑事</summary>
    Criminal,

    /// <summary>其他</summary>
    Other,
}

/// <summary>The person who asked, as the station registered them. Personal data: never into logs.</summary>
public sealed record ConsultationPerson(string Name, string? IdNumber, string? Phone, string? Address);

/// <summary>
/// The public legal service station routed a consultation to the people's mediation window (一站式受理, 多窗口服务): the
/// mediation module may take it up as a lead to confirm, never as a dispute nobody confirmed. Appended to the
/// consultation's stream in the same transaction as the routing.
/// </summary>
/// <param name="TopicName">The topic as the station names it (婚姻家庭), so a receiver needs no table of its own.</param>
/// <param name="Note">What the clerk wrote for the mediation window.</param>
/// <param name="RoutedBy">Who routed it, by display name.</param>
[IntegrationEventAlias("legal-services.consultation-routed-to-mediation.v1")]
public sealed record ConsultationRoutedToMediation(
    Guid ConsultationId,
    string ConsultationNumber,
    DateTimeOffset ReceivedAt,
    DateOnly RoutedOn,
    ConsultationTopic Topic,
    string TopicName,
    ConsultationPerson Person,
    string Village,
    string Question,
    string? Note,
    string RoutedBy) : IIntegrationEvent;
