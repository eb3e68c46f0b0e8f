using Modular.Testing;

namespace Modular.Modules.Starter.Tests;

/// <summary>
/// A host with only this module installed, on its own database, shared by the tests of one collection. The demo is on,
/// as in <c>./run.sh</c>: the demo township 野马川镇 gets the module and its demo records; every test makes its own township.
/// </summary>
public sealed class StarterPlatform() : PlatformFactory(Plugins, demo: true)
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
