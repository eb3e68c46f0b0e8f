using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>Registers the Liaisons area: its services, Marten types and endpoints.</summary>
internal static class LiaisonsArea
{
    public static void AddServices(IServiceCollection services)
    {
    }

    public static void ConfigureMarten(StoreOptions options)
    {
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
    }
}
