using Modular.Testing;

namespace Modular.Modules.LegalServices.Tests;

/// <summary>A host with only this module installed, on its own database, shared by the tests of one collection.</summary>
public sealed class LegalServicesPlatform() : PlatformFactory(Plugins)
{
    public const string Module = "legal-services";
    public const string Clerk = "legal-services.station-clerk";
    public const string Reader = "legal-services.judicial-office-head";

    public static string Plugins => TestPlugins.Set("legal-services", "Modular.Modules.LegalServices");
}

[CollectionDefinition(Name)]
public sealed class LegalServicesCollection : ICollectionFixture<LegalServicesPlatform>
{
    public const string Name = "legal-services platform";
}
