using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;

namespace Modular.Samples.ThrowingModule;

/// <summary>A module whose registration throws half-way: the host must report it failed and leave nothing of it behind.</summary>
public sealed class ThrowingModule : IModule
{
    public ModuleManifest Manifest { get; } = new("throwing", new LocalizedText("抛错模块", "Throwing module"), "0.0.1",
        new LocalizedText("注册时抛出异常", "Throws while registering"), [], [new NavigationEntry(new LocalizedText("抛错", "Throws"), "", null, 1)]);

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ThrowingModule>();
        throw new InvalidOperationException("registration failed on purpose");
    }
}
