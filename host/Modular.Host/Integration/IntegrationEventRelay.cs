using System.Collections.Concurrent;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Modular.Contracts.Integration;
using Modular.Host.Plugins;
using Modular.Host.Townships;

namespace Modular.Host.Integration;

/// <summary>
/// Dispatches integration events from the event store to the handlers of modules enabled in the event's township.
/// It runs in Marten's async daemon: what a handler writes through <see cref="IntegrationEventContext.Operations"/> is
/// committed in the same transaction as the subscription's progress, so after a crash an event is neither lost nor
/// handled twice. A handler that throws sends its event to Marten's dead-letter table and the relay goes on.
/// </summary>
internal sealed class IntegrationEventRelay : SubscriptionBase
{
    private static readonly ConcurrentDictionary<Type, Func<object, object, IntegrationEventContext, CancellationToken, Task>> Invokers = new();

    private readonly IServiceProvider _services;
    private readonly ModuleCatalog _catalog;
    private readonly ILogger<IntegrationEventRelay> _log;

    public IntegrationEventRelay(IServiceProvider services, ModuleCatalog catalog, ILogger<IntegrationEventRelay> log)
    {
        _services = services;
        _catalog = catalog;
        _log = log;
        Name = "integration-events";
        foreach (var type in IntegrationEventTypes(catalog))
        {
            IncludeType(type);
        }
    }

    /// <summary>Every integration event type the host and its modules know of.</summary>
    public static IReadOnlyList<Type> IntegrationEventTypes(ModuleCatalog catalog) =>
        catalog.Modules.Select(m => m.Assembly).Append(typeof(IIntegrationEvent).Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .ToList();

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var directory = _services.GetRequiredService<TownshipDirectory>();
        var handled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in page.Events)
        {
            // An event a move copied into this database was handed on where it was first appended.
            if (e.Data is not IIntegrationEvent || Storage.Databases.TownshipCopy.WasMoved(e) || e.TenantId is not { } slug || await directory.FindAsync(slug, cancellationToken) is not { } township)
            {
                continue;
            }

            var handlerType = typeof(IIntegrationEventHandler<>).MakeGenericType(e.EventType);
            foreach (var module in _catalog.Modules.Where(m => township.IsEnabled(m.Id)))
            {
                await using var scope = _services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TownshipContext>().Set(township);
                foreach (var handler in scope.ServiceProvider.GetKeyedServices(handlerType, module.Id).OfType<object>())
                {
                    var context = new IntegrationEventContext(slug, e.Id, e.Timestamp, e.CorrelationId, e.UserName, operations.ForTenant(slug));
                    try
                    {
                        await Invoker(e.EventType)(handler, e.Data, context, cancellationToken);
                        handled.Add(slug);
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        _log.LogError(error, "Module {ModuleId} failed to handle {IntegrationEvent} {EventId} in {Township}", module.Id, e.EventTypeName, e.Id, slug);
                        await controller.RecordDeadLetterEventAsync(e, error);
                    }
                }
            }
        }

        // A handler that publishes (a report filed on the portal) empties the township's public pages, but before the
        // daemon commits its writes: a visitor in between would put the old page back in the cache for its minute.
        // Emptying them again once the page of events is committed leaves nothing stale behind.
        return handled.Count == 0 ? NullChangeListener.Instance : new PublicPagesAfterCommit(_services.GetRequiredService<Caching.CacheInvalidation>(), handled);
    }

    private sealed class PublicPagesAfterCommit(Caching.CacheInvalidation caches, IReadOnlyCollection<string> townships) : IChangeListener
    {
        public async Task AfterCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token)
        {
            foreach (var township in townships)
            {
                await caches.AnnounceAsync(Caching.CacheChange.ForPublicPages(township), token);
            }
        }

        public Task BeforeCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token) => Task.CompletedTask;
    }

    private static Func<object, object, IntegrationEventContext, CancellationToken, Task> Invoker(Type eventType) =>
        Invokers.GetOrAdd(eventType, type =>
        {
            var method = typeof(IntegrationEventRelay).GetMethod(nameof(Invoke), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type);
            return method.CreateDelegate<Func<object, object, IntegrationEventContext, CancellationToken, Task>>();
        });

    private static Task Invoke<TEvent>(object handler, object data, IntegrationEventContext context, CancellationToken cancellationToken)
        where TEvent : IIntegrationEvent =>
        ((IIntegrationEventHandler<TEvent>)handler).HandleAsync((TEvent)data, context, cancellationToken);
}
