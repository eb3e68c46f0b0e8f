using Modular.Host.Hosting;

namespace Modular.Architecture.Tests;

/// <summary>
/// The house rules for module code and storage, checked against every module the build installed in artifacts/plugins
/// and the store the host builds from them. A failure names each offending type or member and the rule it breaks.
/// </summary>
public sealed class ModuleRulesTests
{
    [Fact]
    public void Every_event_type_has_an_alias_of_its_module_and_version() =>
        None(MartenRules.EventAliases(HostStore(), Owners()));

    [Fact]
    public void Every_index_of_a_tenanted_document_leads_with_the_tenant_id() =>
        None(MartenRules.TenantFirstIndexes(HostStore()));

    [Fact]
    public void No_module_reads_the_machine_clock_or_time_zones() =>
        None(InstalledModules.All.SelectMany(m => ModuleCodeRules.ForbiddenCalls(InstalledModules.FileOf(m))));

    [Fact]
    public void No_module_counts_a_deadline_without_the_statutory_clock() =>
        None(InstalledModules.All.SelectMany(m => ModuleCodeRules.PlainDateArithmetic(InstalledModules.FileOf(m))));

    [Fact]
    public void No_module_defines_an_exception_type() =>
        None(InstalledModules.All.SelectMany(m => ModuleCodeRules.OwnExceptions(InstalledModules.FileOf(m))));

    [Fact]
    public void A_module_s_only_public_types_are_its_module_class_and_its_components() =>
        None(InstalledModules.All.SelectMany(m => ModuleCodeRules.PublicTypes(InstalledModules.FileOf(m))));

    // Every violation in the message, one a line: Assert.Empty would show only the first few.
    private static void None(IEnumerable<Violation> violations)
    {
        var found = violations.ToList();
        Assert.True(found.Count == 0, $"{found.Count} violations:{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }

    /// <summary>The host's own store configuration (its policies, its events, every module's hook), never connected.</summary>
    private static Marten.StoreOptions HostStore()
    {
        _ = InstalledModules.All;
        return PlatformServices.ConfigureStore(MartenRules.NoDatabase, InstalledModules.Catalog);
    }

    // The platform's own events are the host's, named platform.*.
    private static Dictionary<System.Reflection.Assembly, string> Owners() =>
        InstalledModules.All.ToDictionary(m => m.Assembly, m => m.Id)
            .Append(new(typeof(PlatformServices).Assembly, "platform"))
            .ToDictionary();

}
