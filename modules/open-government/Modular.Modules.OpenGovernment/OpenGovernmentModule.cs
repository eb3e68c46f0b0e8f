using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;
using Modular.Kit.Modules;

namespace Modular.Modules.OpenGovernment;

/// <summary>
/// 政务公开 (open government): the power-and-responsibility list with its history, publications under review, the
/// public portal, disclosure requests on the working-day clock, and the annual disclosure report. Each area
/// (<c>PowerList/</c>, <c>Publications/</c>, <c>Portal/</c>, <c>DisclosureRequests/</c>, <c>AnnualReport/</c>) registers
/// itself and is found by the kit; this class names the module and its permissions.
/// </summary>
public sealed class OpenGovernmentModule : TownshipModule
{
    public const string Id = "open-government";

    protected override string ModuleId => Id;

    protected override LocalizedText ModuleName { get; } = new("政务公开", "Open government");

    protected override LocalizedText ModuleDescription { get; } = new(
        "权责清单、信息发布与审查、公开门户、依申请公开、政府信息公开年度报告",
        "Power list, publications and review, public portal, disclosure requests, annual disclosure report");

    protected override string ModuleVersion => "1.0.0";

    protected override IReadOnlyList<ModulePermission> SharedPermissions => Permissions.All;

    public override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        // The county's view of the power lists and disclosure requests across its townships (县级法治办).
        services.AddScoped<Modular.Contracts.Extensions.ICountyFigures, CountyFigures>();
    }
}
