using Modular.Testing;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>
/// A host with legal services and mediation installed: the referral of a mediation that failed in a legal-aid matter.
/// Mediation is loaded from the plugins folder like any module (the solution's build installs it).
/// </summary>
public sealed class LegalServicesAndMediationPlatform() : PlatformFactory(Plugins)
{
    public const string Mediation = "mediation";

    public static string Plugins => TestPlugins.Set("legal-services-and-mediation", "Modular.Modules.LegalServices", "Modular.Modules.Mediation");
}

/// <summary>Legal services alone, on a real socket, for Chromium.</summary>
public sealed class LegalServicesBrowserPlatform() : PlatformFactory(LegalServicesPlatform.Plugins, kestrel: true);

/// <summary>Legal services alone with the demo township: 野马川镇's 2020 legal aid.</summary>
public sealed class LegalServicesDemoPlatform() : PlatformFactory(LegalServicesPlatform.Plugins, demo: true);
