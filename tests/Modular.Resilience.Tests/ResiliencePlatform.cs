using Modular.Resilience.Tests.Corpus;
using Modular.Testing;

namespace Modular.Resilience.Tests;

/// <summary>
/// The real host with every shipped module and the demo township (野马川镇 and its records), so that every list has
/// records to harvest identifiers from and every foreign principal has something to try to reach.
/// </summary>
public sealed class ResiliencePlatform() : PlatformFactory(Plugins, demo: true)
{
    private Task<ResilienceWorld>? _world;

    /// <summary>
    /// The corpus sends thousands of anonymous writes from one address: at the shipped rate limit all but the first 20
    /// a minute would be 429s and never reach the code under test. The limits have tests of their own (Host.Tests).
    /// </summary>
    internal static readonly Dictionary<string, string> UnthrottledSettings = new()
    {
        ["Modular:Security:AnonymousWritesPerAddressPerMinute"] = "1000000",
        ["Modular:Security:SignInsPerAddressPerMinute"] = "1000000",
        ["Modular:Security:SignInsPerAccountPerMinute"] = "1000000",
    };

    /// <summary>The townships and principals, made once for every test of the collection.</summary>
    internal Task<ResilienceWorld> WorldAsync() => _world ??= ResilienceWorld.CreateAsync(this);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in UnthrottledSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    public static string Plugins => TestPlugins.Set("shipped-modules", "Modular.Modules.Mediation", "Modular.Modules.OpenGovernment", "Modular.Modules.LegalServices", "Modular.Modules.LawStudy");
}

[CollectionDefinition(Name)]
public sealed class ResilienceCollection : ICollectionFixture<ResiliencePlatform>
{
    public const string Name = "resilience platform";
}
