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
/// 矛盾纠纷多元化解 (dispute resolution): disputes and people's mediation (人民调解法), petitions (信访工作条例),
/// information liaisons and the household ledger, with their figures for the dashboard, the due list and the annual
/// report. Each area registers itself; this class is the table of contents.
/// </summary>
public sealed class MediationModule : IModule
{
    public const string Id = "mediation";

    public ModuleManifest Manifest { get; } = new(
        Id,
        new LocalizedText("矛盾纠纷多元化解", "Dispute resolution"),
        "1.0.0",
        new LocalizedText("矛盾纠纷排查与人民调解、信访事项办理、信息联络员、人口信息台帐（分户建档）",
            "Disputes and people's mediation, petitions, information liaisons, the household ledger"),
        Permissions.All,
        [
            new(new("矛盾纠纷", "Disputes"), "disputes", Permissions.DisputesRead, 5),
            new(new("信访事项", "Petitions"), "petitions", Permissions.PetitionsRead, 10),
            new(new("信息联络员", "Information liaisons"), "liaisons", Permissions.LiaisonsRead, 30),
            new(new("人口信息台帐", "Household ledger"), "households", Permissions.HouseholdsRead, 40),
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
