using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Modular.Modules.Mediation.Households;

/// <summary>Registers the Households area: its services, Marten types and endpoints.</summary>
internal static class HouseholdsArea
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
