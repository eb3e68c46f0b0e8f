using Microsoft.AspNetCore.Components.Endpoints;
using Modular.Host.Identity;
using Modular.Host.Shell;
using Modular.Host.Townships;

namespace Modular.Host.Plugins;

/// <summary>Gives each module its API group and its pages, tagged with the module's id so the gate can find them.</summary>
internal static class ModuleRoutes
{
    public static void Map(WebApplication app, ModuleCatalog catalog, Serilog.ILogger log)
    {
        foreach (var module in catalog.Modules)
        {
            try
            {
                var api = app.MapGroup($"/api/t/{{{TownshipResolutionMiddleware.RouteKey}}}/{module.Id}")
                    .WithTags(module.Id)
                    .WithMetadata(new ModuleEndpoint(module.Id));
                var publicApi = api.MapGroup("/public").AllowAnonymous();
                module.Module.MapPublicEndpoints(publicApi);
                module.Module.MapEndpoints(api.MapGroup("").RequireAuthorization(Policies.TownshipMember));
            }
            catch (Exception error)
            {
                // Routes mapped before the throw stay in the table, but the gate answers 404 for a module out of service.
                catalog.Fail(module, error, log);
            }
        }
    }

    /// <summary>The shell's pages and every loaded module's routable components, each module page tagged with its module.</summary>
    public static void MapPages(WebApplication app, ModuleCatalog catalog)
    {
        var byAssembly = catalog.Modules.ToDictionary(m => m.Assembly, m => m.Id);
        app.MapRazorComponents<App>()
            .AddAdditionalAssemblies([.. byAssembly.Keys])
            .Add(endpoint =>
            {
                var component = endpoint.Metadata.OfType<ComponentTypeMetadata>().FirstOrDefault()?.Type;
                if (component is not null && byAssembly.TryGetValue(component.Assembly, out var moduleId))
                {
                    endpoint.Metadata.Add(new ModuleEndpoint(moduleId));
                }
            });
    }
}
