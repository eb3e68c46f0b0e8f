using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>
/// Registers the Portal area: the anonymous API and feed. Its pages are routable components in Portal/Pages; the
/// read model it serves (PublishedPublication) is registered and maintained by the Publications area.
/// </summary>
internal static class PortalArea
{
    public static void MapPublicEndpoints(IEndpointRouteBuilder publicApi) => PortalEndpoints.Map(publicApi);
}
