using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;
using Modular.Kit.Modules;

namespace Modular.Modules.LawStudy;

/// <summary>
/// 学法用法 (Law study): the township's staff, the law they study and the hours they give it, the yearly law exam, the
/// enforcement certificates (行政执法证) and the rule that nobody without a valid one is given enforcement work
/// (行政处罚法 第四十二条). The table of contents: each area (<c>Staff/</c>, …) registers its own services, Marten
/// types, endpoints and navigation and is found by the kit; this class names the module and the permissions its
/// areas share.
/// </summary>
public sealed class LawStudyModule : TownshipModule
{
    public const string Id = "law-study";

    protected override string ModuleId => Id;

    protected override LocalizedText ModuleName { get; } = new("学法用法", "Law study");

    protected override LocalizedText ModuleDescription { get; } = new(
        "工作人员花名册、学法活动与学时、年度学法考试、行政执法证及公开查验、执法人员指派资格审核",
        "Staff roster, study sessions and hours, the yearly law exam, enforcement certificates with public verification, the officer assignment gate");

    protected override IReadOnlyList<ModulePermission> SharedPermissions => Permissions.All;

    public override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        // The county's view of study hours and certificates across its townships (县级法治办).
        services.AddScoped<Modular.Contracts.Extensions.ICountyFigures, CountyFigures>();
    }
}
