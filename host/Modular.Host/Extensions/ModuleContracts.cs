using System.Reflection;
using Modular.Contracts.Modules;
using Modular.Host.Plugins;
using Modular.Host.Townships;

namespace Modular.Host.Extensions;

/// <summary>
/// Contract services (<see cref="ModuleContractAttribute"/>): one module provides an interface of contracts, others
/// ask for it through <see cref="IModuleContract{T}"/>. The provider is registered keyed by its module, like an
/// extension point, and resolved only for a township where that module is enabled: a module that is off, failed or
/// not installed gives no provider, and the consumer answers "not enabled" instead of going on without it.
/// </summary>
internal static class ModuleContracts
{
    public static bool IsContract(Type serviceType) =>
        serviceType.IsInterface && serviceType.GetCustomAttribute<ModuleContractAttribute>() is not null;

    public static IServiceCollection AddModuleContracts(this IServiceCollection services) =>
        services.AddScoped(typeof(IModuleContract<>), typeof(ModuleContract<>));
}

/// <summary>The current township's provider of <typeparamref name="T"/>: the first enabled module (in catalog order) that registers one.</summary>
internal sealed class ModuleContract<T>(TownshipContext township, ModuleCatalog catalog, IServiceProvider services) : IModuleContract<T>
    where T : class
{
    private readonly Lazy<(string? Module, T? Provider)> _resolved = new(() => Resolve(township, catalog, services));

    public T? Provider => _resolved.Value.Provider;

    public string? ProviderModuleId => _resolved.Value.Module;

    private static (string?, T?) Resolve(TownshipContext township, ModuleCatalog catalog, IServiceProvider services)
    {
        if (!ModuleContracts.IsContract(typeof(T)))
        {
            throw new InvalidOperationException($"{typeof(T).Name} 不是模块契约 / is not a module contract: mark it [ModuleContract].");
        }

        if (township.Record is not { } record)
        {
            return (null, null);
        }

        foreach (var module in catalog.Modules.Where(m => record.IsEnabled(m.Id)))
        {
            if (services.GetKeyedService<T>(module.Id) is { } provider)
            {
                return (module.Id, provider);
            }
        }

        return (null, null);
    }
}
