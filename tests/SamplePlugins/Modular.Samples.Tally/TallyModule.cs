using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Integration;
using Modular.Contracts.Modules;

namespace Modular.Samples.Tally;

/// <summary>
/// Proves the projection daemon's exactly-once processing across a failover (tests/Modular.Resilience.Tests, Failover):
/// <c>POST /api/t/{township}/tally/ticks</c> appends one tick (a stream of its own, carrying the client's marker) with
/// an integration event beside it. An async projection (<see cref="TickProjection"/>) and an integration-event handler
/// (<see cref="CountHandledTick"/>) each keep one document per tick and add one to its count every time they see it:
/// after any crash, every tick must have exactly one document of each, with a count of 1. Never shipped.
/// </summary>
public sealed class TallyModule : IModule
{
    public const string Id = "tally";
    public const string Clerk = "tally.clerk";
    public const string Write = "tally.write";

    public ModuleManifest Manifest { get; } = new(
        Id,
        new LocalizedText("计数（测试）", "Tally (test)"),
        "1.0.0",
        new LocalizedText("为投影守护进程的故障转移计数", "Counts ticks for the projection daemon's failover"),
        [new ModulePermission(Write, new LocalizedText("记录计数", "Record ticks"), [Clerk])],
        []);

    public void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IIntegrationEventHandler<TickReported>, CountHandledTick>();

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<TickRecorded>("tally.tick-recorded.v1");
        options.Events.MapEventType<TickReported>("tally.tick-reported.v1");
        options.Schema.For<ProjectedTick>().DocumentAlias("tally_projected_tick");
        options.Schema.For<HandledTick>().DocumentAlias("tally_handled_tick");
        options.Projections.Add(new TickProjection(), ProjectionLifecycle.Async);
    }

    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapPost("/ticks", async (TickRequest request, IDocumentSession session, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Marker) || request.Marker.Length > 100)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["marker"] = ["1–100 characters"] });
            }

            var id = Guid.NewGuid();
            session.Events.StartStream(id, new TickRecorded(id, request.Marker), new TickReported(id, request.Marker));
            await session.SaveChangesAsync(ct);
            return Results.Created($"ticks/{id}", new { id });
        }).RequireAuthorization(Write);
}

public sealed record TickRequest(string? Marker);

/// <summary>A tick, as the API appended it.</summary>
public sealed record TickRecorded(Guid TickId, string Marker);

/// <summary>The same tick, for the integration-event relay.</summary>
public sealed record TickReported(Guid TickId, string Marker) : IIntegrationEvent;

/// <summary>The async projection's document for one tick: how many times the daemon applied it.</summary>
public sealed class ProjectedTick
{
    public Guid Id { get; set; }

    public string Marker { get; set; } = "";

    public int Count { get; set; }
}

/// <summary>The integration-event handler's document for one tick: how many times the relay handed it over.</summary>
public sealed class HandledTick
{
    public Guid Id { get; set; }

    public string Marker { get; set; } = "";

    public int Count { get; set; }
}

/// <summary>
/// Loads the tick's document and adds one: a replay of an event the daemon had already committed would make it 2. Its
/// writes commit with the shard's progress, which is what makes it exactly once.
/// </summary>
internal sealed partial class TickProjection : EventProjection
{
    public TickProjection()
    {
        Name = "tally_ticks";
        IncludeType<TickRecorded>();
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is not TickRecorded tick)
        {
            return;
        }

        var seen = await operations.LoadAsync<ProjectedTick>(tick.TickId, cancellation) ?? new ProjectedTick { Id = tick.TickId, Marker = tick.Marker };
        seen.Count++;
        operations.Store(seen);
    }
}

internal sealed class CountHandledTick : IIntegrationEventHandler<TickReported>
{
    public async Task HandleAsync(TickReported e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var seen = await context.Operations.LoadAsync<HandledTick>(e.TickId, cancellationToken) ?? new HandledTick { Id = e.TickId, Marker = e.Marker };
        seen.Count++;
        context.Operations.Store(seen);
    }
}
