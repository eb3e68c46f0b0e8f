using Modular.Testing;

namespace Modular.Modules.Mediation.Tests;

/// <summary>A host with only the mediation module installed, shared by the tests of one collection.</summary>
public sealed class MediationPlatform() : PlatformFactory(Plugins)
{
    public const string Module = "mediation";

    public static string Plugins => TestPlugins.Set("mediation", "Modular.Modules.Mediation");
}

[CollectionDefinition(Name)]
public sealed class MediationCollection : ICollectionFixture<MediationPlatform>
{
    public const string Name = "mediation platform";
}

/// <summary>The same, on a real socket, for Chromium.</summary>
public sealed class MediationBrowserPlatform() : PlatformFactory(MediationPlatform.Plugins, kestrel: true);

/// <summary>A host with mediation and open government installed: the "request was really a petition" hand-over.</summary>
public sealed class MediationAndOpenGovernmentPlatform() : PlatformFactory(Plugins)
{
    public const string OpenGovernment = "open-government";

    public static string Plugins => TestPlugins.Set("mediation-and-open-government", "Modular.Modules.Mediation", "Modular.Modules.OpenGovernment");
}

[CollectionDefinition(Name)]
public sealed class MediationAndOpenGovernmentCollection : ICollectionFixture<MediationAndOpenGovernmentPlatform>
{
    public const string Name = "mediation and open-government platform";
}

/// <summary>
/// A host with mediation and a test module standing in for legal services: the legal-aid referral suggested when
/// mediation fails in a matter legal aid covers.
/// </summary>
public sealed class MediationAndLegalAidPlatform() : PlatformFactory(Plugins)
{
    public const string Inbox = "legal-aid-inbox";

    public static string Plugins
    {
        get
        {
            var root = TestPlugins.Set("mediation-and-legal-aid", "Modular.Modules.Mediation");
            TestPlugins.Link(root, Path.Combine(TestPlugins.TestRoot, "Modular.Samples.LegalAidInbox"));
            return root;
        }
    }
}
