using Marten;

namespace Modular.Contracts.Integration;

/// <summary>
/// Marks an integration event: a past-tense record one module publishes and others may handle. A module publishes
/// one by appending it to one of its own event streams in the township, in the same session as the change it
/// reports, so the event exists exactly when the change does. The host dispatches it from the event store.
/// </summary>
public interface IIntegrationEvent;

/// <summary>
/// The stable name an integration event is stored under (<c>&lt;module&gt;.&lt;event&gt;.v1</c>). Every integration event
/// in contracts carries one, and the host registers it, so publisher and handlers agree on it whichever is installed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}

/// <summary>Where and when an integration event happened, and the operations to write the handler's effects with.</summary>
/// <param name="Operations">
/// Document and event operations for <paramref name="Township"/>, committed in the same transaction that records the
/// event as handled: what a handler writes here happens exactly once, even if the host stops mid-way. Events appended
/// here are not run through inline projections: a handler that starts or extends a stream also stores the document
/// its pages read (for example the aggregate's snapshot).
/// </param>
public sealed record IntegrationEventContext(
    string Township,
    Guid EventId,
    DateTimeOffset OccurredAt,
    string? CorrelationId,
    string? UserName,
    IDocumentOperations Operations);

/// <summary>Handles one kind of integration event, in townships where the handling module is enabled.</summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}
