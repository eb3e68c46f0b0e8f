using JasperFx.Events;
using Marten;
using Modular.Host.Extensions;
using Modular.Host.Identity;

namespace Modular.Host.Townships;

public sealed record AuditEntry(long Sequence, DateTimeOffset At, string? By, string Event, string? CorrelationId, Guid StreamId);

public sealed record HomeResponse(string Township, IReadOnlyList<HomeFigure> Figures, IReadOnlyList<DueItemView> DueItems);

public sealed record HomeFigure(string ModuleId, string Label, string Value, string? Link, bool Attention);

/// <summary>The host's own township API: the home page's figures and due list, and the township's audit trail.</summary>
internal static class TownshipEndpoints
{
    public static void MapTownshipEndpoints(this IEndpointRouteBuilder routes)
    {
        var township = routes.MapGroup("/api/t/{township}").WithTags("township").RequireAuthorization(Policies.TownshipMember);

        township.MapGet("/home", async (TownshipContext context, TownshipExtensions extensions, CancellationToken ct) =>
        {
            var figures = (await extensions.DashboardAsync(ct))
                .SelectMany(m => m.Figures.Select(f => new HomeFigure(m.Module.Id, f.Label.Chinese, f.Value, f.Link, f.Attention)))
                .ToList();
            return TypedResults.Ok(new HomeResponse(context.Required().Slug, figures, await extensions.DueItemsAsync(ct)));
        });

        township.MapGet("/audit", async (IQuerySession session, int? take, CancellationToken ct) =>
            TypedResults.Ok(await AuditTrail.RecentAsync(session, Math.Clamp(take ?? 100, 1, 500), ct)))
            .RequireAuthorization(Policies.TownshipAdmin);
    }
}

/// <summary>The township's recent events: the event log is the audit trail.</summary>
internal static class AuditTrail
{
    public static async Task<IReadOnlyList<AuditEntry>> RecentAsync(IQuerySession session, int take, CancellationToken cancellationToken)
    {
        var events = await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Take(take).ToListAsync(cancellationToken);
        return events.Select(e => new AuditEntry(e.Sequence, e.Timestamp, e.UserName, e.EventTypeName, e.CorrelationId, e.StreamId)).ToList();
    }
}
