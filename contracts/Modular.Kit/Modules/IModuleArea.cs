using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;

namespace Modular.Kit.Modules;

/// <summary>
/// One area of a module (Disputes, Petitions, the power list…): what it registers, in one place beside its code. A
/// <see cref="TownshipModule"/> finds its areas in its own assembly (internal, non-abstract, with a parameterless
/// constructor) and hands each hook to every one of them, so the module class never forwards hooks by hand. Every
/// member has a no-op default.
/// </summary>
public interface IModuleArea
{
    /// <summary>The area's entries in the module's navigation (paths relative to <c>/t/{township}/&lt;module-id&gt;</c>).</summary>
    IEnumerable<NavigationEntry> Navigation => [];

    /// <summary>Permissions only this area uses; those shared by areas belong in the module's own list.</summary>
    IEnumerable<ModulePermission> Permissions => [];

    /// <summary>The area's services and extension points (dashboard figures, deadline sources, report sections, handlers).</summary>
    void ConfigureServices(IServiceCollection services) { }

    /// <summary>The area's event types (aliased <c>&lt;module&gt;.&lt;event&gt;.v1</c>), documents, indexes and projections.</summary>
    void ConfigureMarten(StoreOptions options) { }

    /// <summary>The area's API under <c>/api/t/{township}/&lt;module-id&gt;</c>.</summary>
    void MapEndpoints(IEndpointRouteBuilder api) { }

    /// <summary>The area's anonymous API under <c>/api/t/{township}/&lt;module-id&gt;/public</c>.</summary>
    void MapPublicEndpoints(IEndpointRouteBuilder publicApi) { }
}
