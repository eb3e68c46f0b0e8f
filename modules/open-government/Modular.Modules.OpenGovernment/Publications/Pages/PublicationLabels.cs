using static Modular.Kit.Text;

namespace Modular.Modules.OpenGovernment.Publications.Pages;

internal static class PublicationLabels
{
    public static string State(PublicationState state) => state switch
    {
        PublicationState.Draft => T("草稿", "Draft"),
        PublicationState.Submitted => T("待审查", "Awaiting review"),
        PublicationState.Returned => T("已退回", "Returned"),
        PublicationState.Published => T("已发布", "Published"),
        PublicationState.Filed => T("已审查登记（不上网）", "Reviewed and filed (not on the portal)"),
        _ => T("已撤回", "Withdrawn"),
    };

    public static readonly (string Value, string Chinese, string English)[] Disclosures =
    [
        ("proactive", "主动公开", "Proactive"),
        ("on-request", "依申请公开", "On request"),
        ("not-disclosed", "不予公开", "Not disclosed"),
    ];

    public static string Show(DateTimeOffset instant) => Modular.Kit.TownshipTime.Format(Modular.Kit.TownshipTime.DayOf(instant));
}
