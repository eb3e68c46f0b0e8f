using System.Reflection;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;

namespace Modular.Kit.Modules;

/// <summary>
/// The base of a township module's one public class: it names the module and lists the permissions every area shares;
/// the areas (<see cref="IModuleArea"/>) are found in the module's assembly and each hook goes to all of them, in the
/// order of their <see cref="AreaOrderAttribute"/> (then their names). The manifest's navigation is the areas'.
/// </summary>
public abstract class TownshipModule : IModule
{
    private readonly Lazy<IReadOnlyList<IModuleArea>> _areas;
    private readonly Lazy<ModuleManifest> _manifest;

    protected TownshipModule()
    {
        _areas = new(() => DiscoverAreas(GetType().Assembly));
        _manifest = new(() => new ModuleManifest(ModuleId, ModuleName, ModuleVersion, ModuleDescription,
            [.. SharedPermissions, .. Areas.SelectMany(a => a.Permissions)],
            [.. Areas.SelectMany(a => a.Navigation).OrderBy(n => n.Order)]));
    }

    /// <summary>The module id: kebab-case, also the route segment (<c>/t/{township}/&lt;id&gt;</c>).</summary>
    protected abstract string ModuleId { get; }

    protected abstract LocalizedText ModuleName { get; }

    protected abstract LocalizedText ModuleDescription { get; }

    protected virtual string ModuleVersion => GetType().Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "1.0.0";

    /// <summary>The module's permissions, each with the roles it is granted to by default.</summary>
    protected abstract IReadOnlyList<ModulePermission> SharedPermissions { get; }

    public ModuleManifest Manifest => _manifest.Value;

    /// <summary>The module's areas, as found in its assembly.</summary>
    public IReadOnlyList<IModuleArea> Areas => _areas.Value;

    public virtual void ConfigureServices(IServiceCollection services)
    {
        foreach (var area in Areas)
        {
            area.ConfigureServices(services);
        }
    }

    public virtual void ConfigureMarten(StoreOptions options)
    {
        foreach (var area in Areas)
        {
            area.ConfigureMarten(options);
        }
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder api)
    {
        foreach (var area in Areas)
        {
            area.MapEndpoints(api);
        }
    }

    public virtual void MapPublicEndpoints(IEndpointRouteBuilder publicApi)
    {
        foreach (var area in Areas)
        {
            area.MapPublicEndpoints(publicApi);
        }
    }

    private static IReadOnlyList<IModuleArea> DiscoverAreas(Assembly assembly) =>
    [
        .. assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IModuleArea).IsAssignableFrom(t))
            .OrderBy(t => t.GetCustomAttribute<AreaOrderAttribute>()?.Order ?? 0)
            .ThenBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IModuleArea)(Activator.CreateInstance(t, nonPublic: true)
                ?? throw new InvalidOperationException($"Area {t.FullName} needs a parameterless constructor."))),
    ];
}

/// <summary>Where an area's hooks run among the module's areas (lower first); the same order breaks ties by name.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class AreaOrderAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}
