using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;
using Modular.Kit.Modules;

namespace Modular.Modules.Mediation;

/// <summary>
/// 矛盾纠纷多元化解 (dispute resolution): disputes and people's mediation (人民调解法), petitions (信访工作条例),
/// information liaisons and the household ledger, with their figures for the dashboard, the due list and the annual
/// report. Each area (<c>Disputes/</c>, <c>Petitions/</c>, <c>Liaisons/</c>, <c>Households/</c>) registers itself and is
/// found by the kit; this class names the module and what spans its areas.
/// </summary>
public sealed class MediationModule : TownshipModule
{
    public const string Id = "mediation";

    protected override string ModuleId => Id;

    protected override LocalizedText ModuleName { get; } = new("矛盾纠纷多元化解", "Dispute resolution");

    protected override LocalizedText ModuleDescription { get; } = new(
        "矛盾纠纷排查与人民调解、信访事项办理、信息联络员、人口信息台帐（分户建档）",
        "Disputes and people's mediation, petitions, information liaisons, the household ledger");

    protected override string ModuleVersion => "1.0.0";

    protected override IReadOnlyList<ModulePermission> SharedPermissions => Permissions.All;

    public override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        // One section of the annual report drafted from all four areas (健全矛盾纠纷多元化解机制).
        services.AddScoped<Modular.Contracts.Extensions.IAnnualReportSections, MediationReportSection>();
        // The county's view of the same figures, across its townships (县级法治办).
        services.AddScoped<Modular.Contracts.Extensions.ICountyFigures, CountyFigures>();
    }
}
