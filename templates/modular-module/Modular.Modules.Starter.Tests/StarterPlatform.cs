using Modular.Testing;

namespace Modular.Modules.Starter.Tests;

/// <summary>A host with only this module installed, on its own database, shared by the tests of one collection.</summary>
public sealed class StarterPlatform() : PlatformFactory(Plugins)
{
    public const string Module = "kit-sample";
    public const string Clerk = "kit-sample.clerk";
    public const string Reader = "kit-sample.reader";

    public static string Plugins => TestPlugins.Set("kit-sample", "Modular.Modules.Starter");
}

[CollectionDefinition(Name)]
public sealed class StarterCollection : ICollectionFixture<StarterPlatform>
{
    public const string Name = "kit-sample platform";
}
