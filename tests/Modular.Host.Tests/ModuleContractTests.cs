using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.LawStudy;
using Modular.Contracts.Modules;
using Modular.Host.Tests.Infrastructure;
using Modular.Host.Townships;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>The notebook and law study installed: law study provides the enforcement qualification contract.</summary>
public sealed class ContractPlatform() : PlatformFactory(TestPlugins.Set("notebook-and-law-study", "Modular.Modules.Notebook", "Modular.Modules.LawStudy"));

/// <summary>
/// A contract service is answered by its provider only where the providing module is enabled; where it is off or not
/// installed, the consumer is told so ("not enabled"), never let through.
/// </summary>
[Collection(NotebookPlatformCollection.Name)]
public sealed class ModuleContractTests(ContractPlatform platform, NotebookPlatform notebookOnly) : IClassFixture<ContractPlatform>
{
    private static readonly QualificationRequest Ask = new(new DateOnly(2020, 10, 20), "市容环境卫生", "野马川镇", ["黔G0527180201", "黔G0527180202"]);

    [Fact]
    public async Task The_provider_answers_where_law_study_is_enabled_and_not_enabled_is_the_answer_where_it_is_off()
    {
        var admin = await platform.AdminClientAsync();
        var withLawStudy = await Scenario.CreateTownshipAsync(admin, "notebook", "law-study");
        var without = await Scenario.CreateTownshipAsync(admin, "notebook");

        var (provider, answer) = await AskAsync(platform, withLawStudy);
        Assert.Equal("law-study", provider);
        // Nobody holds these numbers there: refused, officer by officer.
        Assert.Equal(QualificationVerdict.Refused, answer.Verdict);
        Assert.Equal(2, answer.Officers.Count);

        Assert.Equal((null, QualificationVerdict.NotEnabled), Short(await AskAsync(platform, without)));

        await Scenario.SetModuleAsync(admin, withLawStudy, "law-study", enabled: false);
        Assert.Equal((null, QualificationVerdict.NotEnabled), Short(await AskAsync(platform, withLawStudy)));
        Assert.False(QualificationAnswer.NotEnabled.IsQualified);
    }

    [Fact]
    public async Task Not_installed_is_not_enabled()
    {
        var admin = await notebookOnly.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, "notebook");
        Assert.Equal((null, QualificationVerdict.NotEnabled), Short(await AskAsync(notebookOnly, slug)));
    }

    private static (string?, QualificationVerdict) Short((string? Provider, QualificationAnswer Answer) asked) => (asked.Provider, asked.Answer.Verdict);

    // As a consuming module's service would: in a request's scope for the township.
    private static async Task<(string? Provider, QualificationAnswer Answer)> AskAsync(PlatformFactory platform, string slug)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<TownshipDirectory>();
        directory.Evict(slug);
        scope.ServiceProvider.GetRequiredService<TownshipContext>().Set((await directory.FindAsync(slug, CancellationToken.None))!);
        var gate = scope.ServiceProvider.GetRequiredService<IModuleContract<IEnforcementQualification>>();
        return (gate.ProviderModuleId, await gate.CheckAsync(Ask, CancellationToken.None));
    }
}
