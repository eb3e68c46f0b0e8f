using Microsoft.Extensions.Primitives;

namespace Modular.Host.Hosting;

/// <summary>
/// Builds the route table while the rest of the start runs. The first request would otherwise build all of it (some
/// 450 endpoints of the host and the modules: each minimal API's request delegate compiled, each page's component
/// found), about a second of CPU between Kestrel listening and the first answer. Begun as soon as every route is
/// mapped, it overlaps the schema check and the seeding, which mostly wait on PostgreSQL.
/// </summary>
internal sealed class PrebuiltEndpoints : EndpointDataSource
{
    private readonly EndpointDataSource[] _sources;
    private readonly Lock _gate = new();
    private Task<IReadOnlyList<Endpoint>> _built;

    private PrebuiltEndpoints(EndpointDataSource[] sources, StartupTimeline timeline)
    {
        _sources = sources;
        _built = Task.Run(() => timeline.Time("endpoints", Build));
        // A source that changes (hot reload of components) is built again when next asked.
        ChangeToken.OnChange(GetChangeToken, () =>
        {
            lock (_gate)
            {
                _built = Task.FromResult(Build());
            }
        });
    }

    /// <summary>Replaces the application's endpoint sources by one that builds them all now, in the background.</summary>
    public static void Begin(IEndpointRouteBuilder routes, StartupTimeline timeline)
    {
        var sources = routes.DataSources.ToArray();
        routes.DataSources.Clear();
        routes.DataSources.Add(new PrebuiltEndpoints(sources, timeline));
    }

    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            Task<IReadOnlyList<Endpoint>> built;
            lock (_gate)
            {
                built = _built;
            }

            return built.GetAwaiter().GetResult();
        }
    }

    public override IChangeToken GetChangeToken() => new CompositeChangeToken([.. _sources.Select(s => s.GetChangeToken())]);

    private IReadOnlyList<Endpoint> Build() => [.. _sources.SelectMany(s => s.Endpoints)];
}
