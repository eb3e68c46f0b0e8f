using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;
using Modular.Modules.OpenGovernment.AnnualReport;
using Modular.Modules.OpenGovernment.DisclosureRequests;
using Modular.Modules.OpenGovernment.Portal;
using Modular.Modules.OpenGovernment.PowerList;
using Modular.Modules.OpenGovernment.Publications;

namespace Modular.Modules.OpenGovernment;

/// <summary>
/// 政务公开 (open government): the power-and-responsibility list with its history, publications under review, the
/// public portal, disclosure requests on the working-day clock, and the annual disclosure report.
/// Each area registers itself; this class is the table of contents.
/// </summary>
public sealed class OpenGovernmentModule : IModule
{
    public const string Id = "open-government";

    public ModuleManifest Manifest { get; } = new(
        Id,
        new LocalizedText("政务公开", "Open government"),
        "1.0.0",
        new LocalizedText("权责清单、信息发布与审查、公开门户、依申请公开、政府信息公开年度报告", "Power list, publications and review, public portal, disclosure requests, annual disclosure report"),
        Permissions.All,
        [
            new(new("权责清单", "Power list"), "power-list", Permissions.PowerListRead, 10),
            new(new("清单调整", "List adjustments"), "power-list/proposals", Permissions.PowerListRead, 11),
            new(new("信息发布", "Publications"), "publications", Permissions.PublicationsRead, 20),
            new(new("规范性文件", "Normative documents"), "normative-documents", Permissions.PublicationsRead, 21),
            new(new("依申请公开", "Disclosure requests"), "requests", Permissions.RequestsRead, 30),
            new(new("年度报告", "Annual disclosure report"), "annual-report", Permissions.RequestsRead, 40),
            new(new("公开门户", "Public portal"), "portal", null, 50),
        ]);

    public void ConfigureServices(IServiceCollection services)
    {
        PowerListArea.AddServices(services);
        PublicationsArea.AddServices(services);
        DisclosureRequestsArea.AddServices(services);
        AnnualReportArea.AddServices(services);
    }

    public void ConfigureMarten(StoreOptions options)
    {
        PowerListArea.ConfigureMarten(options);
        PublicationsArea.ConfigureMarten(options);
        DisclosureRequestsArea.ConfigureMarten(options);
        AnnualReportArea.ConfigureMarten(options);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        PowerListArea.MapEndpoints(api);
        PublicationsArea.MapEndpoints(api);
        DisclosureRequestsArea.MapEndpoints(api);
        AnnualReportArea.MapEndpoints(api);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder publicApi)
    {
        PortalArea.MapPublicEndpoints(publicApi);
        DisclosureRequestsArea.MapPublicEndpoints(publicApi);
    }
}
