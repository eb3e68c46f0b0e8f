using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;
using Modular.Modules.Mediation.Disputes;
using Modular.Modules.Mediation.Households;
using Modular.Modules.Mediation.Liaisons;
using Modular.Modules.Mediation.Petitions;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation;

/// <summary>
/// 矛盾纠纷多元化解 (dispute resolution): petitions (信访) on the 信访工作条例 clock, with their figures for the dashboard,
/// the due list and the annual report. Each area registers itself; this class is the table of contents.
/// </summary>
public sealed class MediationModule : IModule
{
    public const string Id = "mediation";

    public ModuleManifest Manifest { get; } = new(
        Id,
        new LocalizedText("矛盾纠纷多元化解", "Dispute resolution"),
        "1.0.0",
        new LocalizedText("信访事项登记、受理、办理、复查复核与按期办结统计", "Petitions: registration, acceptance, handling, reviews and on-time figures"),
        Permissions.All,
        [
            new(new("矛盾纠纷", "Disputes"), "disputes", Permissions.DisputesRead, 5),
            new(new("信访事项", "Petitions"), "petitions", Permissions.PetitionsRead, 10),
        ]);

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<Streams>();
        services.AddScoped<Modular.Contracts.Extensions.IAnnualReportSections, MediationReportSection>();
        DisputesArea.AddServices(services);
        PetitionsArea.AddServices(services);
        LiaisonsArea.AddServices(services);
        HouseholdsArea.AddServices(services);
    }

    public void ConfigureMarten(StoreOptions options)
    {
        DisputesArea.ConfigureMarten(options);
        PetitionsArea.ConfigureMarten(options);
        LiaisonsArea.ConfigureMarten(options);
        HouseholdsArea.ConfigureMarten(options);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        DisputesArea.MapEndpoints(api);
        PetitionsArea.MapEndpoints(api);
        LiaisonsArea.MapEndpoints(api);
        HouseholdsArea.MapEndpoints(api);
    }
}
