using Modular.Contracts.PersonalData;
using Modular.Kit;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>The legal-aid register as a township keeps it in Excel (法律援助申请登记台帐): one row per application.</summary>
internal static class LegalAidWorkbook
{
    public const string SheetName = "法律援助申请登记";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "编号", "工作站接收时间", "机构收到日期", "申请人", "身份证号码", "联系电话", "住址", "代理申请人", "被羁押", "申请事项", "援助形式",
        "经济困难状况认定", "经济困难状况", "案情及申请理由", "对方当事人", "状态", "转交时间", "决定日期", "决定", "承办人员", "结案日期", "办理结果",
    ];

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<LegalAidApplication> applications, bool full, IPersonalDataGuard guard)
    {
        string Show(PersonalDataKind kind, string? value) => value is null ? "" : full ? value : guard.Mask(kind, value);
        foreach (var a in applications)
        {
            var decision = a.GrantedOn is not null ? "给予" : a.RefusedOn is not null ? "不予" : "";
            yield return
            [
                a.Number, a.StationReceivedAt is { } at ? TownshipTime.Format(at) : "", RegisterRows.Format(a.AgencyReceivedOn), a.Applicant.Name,
                Show(PersonalDataKind.IdNumber, a.Applicant.IdNumber), Show(PersonalDataKind.PhoneNumber, a.Applicant.Phone), Show(PersonalDataKind.Address, a.Applicant.Address),
                a.Representative is { } r ? $"{r.Name}（{r.Relation}）" : "", a.Detained ? "是" : "否",
                a.Matter is { } m ? LegalAidVocabulary.Label(m).Chinese : "", a.Form is { } f ? LegalAidVocabulary.Label(f).Chinese : "",
                a.Means is { } means ? LegalAidVocabulary.Label(means).Chinese : "",
                a.MeansDetails is null ? "" : full ? a.MeansDetails : "已登记（已脱敏）",
                a.Summary, a.OpposingParty ?? "", LegalAidVocabulary.Label(a.State).Chinese,
                a.ForwardedAt is { } fw ? TownshipTime.Format(fw) : "", RegisterRows.Format(a.GrantedOn ?? a.RefusedOn), decision,
                a.Assignee is { } who ? $"{who}（{a.AssigneeOrganisation}）" : "", RegisterRows.Format(a.ClosedOn ?? a.TerminatedOn),
                a.ClosingOutcome ?? (a.TerminationGround is { } g ? "终止：" + LegalAidVocabulary.Label(g).Chinese : ""),
            ];
        }
    }
}
