using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;
using Modular.Kit.Modules;

namespace Modular.Modules.LegalServices;

/// <summary>
/// 公共法律服务 (Public legal services): the township's public legal service station. The table of contents:
/// each area (<c>Consultations/</c>…) registers its own services, Marten types, endpoints and navigation and is found by the
/// kit; this class names the module and the permissions its areas share.
/// </summary>
public sealed class LegalServicesModule : TownshipModule
{
    public const string Id = "legal-services";

    protected override string ModuleId => Id;

    protected override LocalizedText ModuleName { get; } = new("公共法律服务", "Public legal services");

    protected override LocalizedText ModuleDescription { get; } = new("公共法律服务：法律咨询与一站式受理、法律援助转交、法律顾问与合法性审查", "Public legal services: consultations and one-stop intake, the legal-aid relay, legal counsel and legality review");

    protected override IReadOnlyList<ModulePermission> SharedPermissions => Permissions.All;

    public override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        // The county's view of counsel and legal aid across its townships (县级法治办).
        services.AddScoped<Modular.Contracts.Extensions.ICountyFigures, CountyFigures>();
    }
}
