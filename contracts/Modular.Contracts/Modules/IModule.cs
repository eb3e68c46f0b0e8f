using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Modular.Contracts.Modules;

/// <summary>
/// The one type a plugin exposes. The host finds it in the plugin's assembly, reads its manifest and calls the
/// hooks once at start-up. Every hook has a no-op default so a module implements only what it needs.
/// </summary>
public interface IModule
{
    ModuleManifest Manifest { get; }

    /// <summary>
    /// Registers the module's services. Extension points (<c>IDashboardFigures</c>, <c>IDeadlineSource</c>,
    /// <c>IAnnualReportSections</c>, <c>IIntegrationEventHandler&lt;T&gt;</c>) registered here are collected by the
    /// host and consulted only for townships where the module is enabled.
    /// </summary>
    void ConfigureServices(IServiceCollection services) { }

    /// <summary>Registers the module's documents, event types (with stable aliases) and projections.</summary>
    void ConfigureMarten(StoreOptions options) { }

    /// <summary>
    /// Maps the module's API. <paramref name="api"/> is already prefixed with <c>/api/t/{township}/{module-id}</c>,
    /// gated on the module being enabled for the township, and requires a signed-in user of that township.
    /// </summary>
    void MapEndpoints(IEndpointRouteBuilder api) { }

    /// <summary>
    /// Maps endpoints that anonymous visitors reach, such as a public portal. <paramref name="publicApi"/> is prefixed
    /// with <c>/api/t/{township}/{module-id}/public</c> and still gated on the module being enabled.
    /// </summary>
    void MapPublicEndpoints(IEndpointRouteBuilder publicApi) { }
}
