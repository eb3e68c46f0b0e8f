using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests;

/// <summary>A host with only the open-government module installed, shared by the tests of one collection.</summary>
public sealed class OpenGovernmentPlatform() : PlatformFactory(Plugins)
{
    public const string Module = "open-government";

    public static string Plugins => TestPlugins.Set("open-government", "Modular.Modules.OpenGovernment");
}

[CollectionDefinition(Name)]
public sealed class OpenGovernmentCollection : ICollectionFixture<OpenGovernmentPlatform>
{
    public const string Name = "open-government platform";
}

/// <summary>The same, on a real socket, for Chromium.</summary>
public sealed class OpenGovernmentBrowserPlatform() : PlatformFactory(OpenGovernmentPlatform.Plugins, kestrel: true);
