using Modular.Contracts.Extensions;
using Modular.Contracts.Integration;
using Modular.Host.Plugins;

namespace Modular.Host.Extensions;

/// <summary>
/// Registers a module's services in the host. The module registers into a collection of its own first, so a hook
/// that throws half-way leaves nothing behind. Its extension points are registered keyed by the module's id, so the
/// host can ask only the modules enabled in a township.
/// </summary>
internal static class ModuleServices
{
    private static readonly Type[] ExtensionPoints =
        [typeof(IDashboardFigures), typeof(IDeadlineSource), typeof(IAnnualReportSections), typeof(ICountyFigures), typeof(IDemoData), typeof(Modular.Kit.Steps.IHeldKeys)];

    public static bool IsExtensionPoint(Type serviceType) =>
        ExtensionPoints.Contains(serviceType)
        || (serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
        || ModuleContracts.IsContract(serviceType);

    /// <summary>Runs the module's service hook into a scratch collection; copies the result only when it succeeds.</summary>
    public static void Register(LoadedModule module, IServiceCollection services)
    {
        var own = new ServiceCollection();
        module.Module.ConfigureServices(own);
        foreach (var descriptor in own)
        {
            services.Add(IsExtensionPoint(descriptor.ServiceType) ? Keyed(descriptor, module.Id) : descriptor);
        }
    }

    private static ServiceDescriptor Keyed(ServiceDescriptor descriptor, string moduleId)
    {
        if (descriptor.IsKeyedService)
        {
            throw new InvalidOperationException($"扩展点 {descriptor.ServiceType.Name} 不应按键注册 / register extension points without a key: the host keys them by module.");
        }

        if (descriptor.ImplementationInstance is { } instance)
        {
            return new ServiceDescriptor(descriptor.ServiceType, moduleId, instance);
        }

        if (descriptor.ImplementationFactory is { } factory)
        {
            return new ServiceDescriptor(descriptor.ServiceType, moduleId, (sp, _) => factory(sp), descriptor.Lifetime);
        }

        return new ServiceDescriptor(descriptor.ServiceType, moduleId, descriptor.ImplementationType!, descriptor.Lifetime);
    }
}
