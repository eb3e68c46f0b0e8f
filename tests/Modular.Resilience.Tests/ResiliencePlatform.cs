using Modular.Resilience.Tests.Corpus;
using Modular.Testing;

namespace Modular.Resilience.Tests;

/// <summary>
/// The real host with both shipped modules and the demo township (野马川镇 and its records), so that every list has
/// records to harvest identifiers from and every foreign principal has something to try to reach.
/// </summary>
public sealed class ResiliencePlatform() : PlatformFactory(Plugins, demo: true)
{
    private Task<ResilienceWorld>? _world;

    /// <summary>The townships and principals, made once for every test of the collection.</summary>
    internal Task<ResilienceWorld> WorldAsync() => _world ??= ResilienceWorld.CreateAsync(this);

    public static string Plugins => TestPlugins.Set("mediation-and-open-government", "Modular.Modules.Mediation", "Modular.Modules.OpenGovernment");
}

[CollectionDefinition(Name)]
public sealed class ResilienceCollection : ICollectionFixture<ResiliencePlatform>
{
    public const string Name = "resilience platform";
}
