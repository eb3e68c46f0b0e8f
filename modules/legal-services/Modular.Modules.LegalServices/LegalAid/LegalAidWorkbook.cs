using Modular.Contracts.PersonalData;
using Modular.Kit;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>
/// The legal-aid register as a township keeps it in Excel (法律援助申请登记台帐): one row per application, every column
/// the import reads back (<see cref="LegalAidImport"/>), so a full export of one township imports into another.
/// </summary>
internal static class LegalAidWorkbook
{
    public const string SheetName = "法律援助申请登记";
    public const int MaxRows = 5000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>What a termination's 办理结果 cell starts with, before the ground's words.</summary>
    public const string TerminatedPrefix = "终止：";

    public static IReadOnlyList<string> Columns { get; } =
    [
        "编号", "工作站接收时间", "机构收到日期", "申请人", "身份证号码", "联系电话", "住址", "代理申请人", "代理申请人电话", "被羁押", "羁押场所",
        "申请事项", "援助形式", "经济困难状况认定", "免予核查人员", "不受经济困难条件限制情形", "经济困难状况", "案情及申请理由", "对方当事人", "申请材料",
        "状态", "转交时间", "转交公函", "决定日期", "决定", "决定书编号", "不予理由", "指派日期", "承办人员类别", "承办人员", "承办机构", "开始办理日期",
        "结案日期", "办理结果", "终止理由", "结案报告", "回访日期", "回访人",
    ];

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<LegalAidApplication> applications, bool full, IPersonalDataGuard guard)
    {
        string Show(PersonalDataKind kind, string? value) => value is null ? "" : full ? value : guard.Mask(kind, value);
        foreach (var a in applications)
        {
            var decision = a.GrantedOn is not null ? "给予" : a.RefusedOn is not null ? "不予" : "";
            var visit = a.Visits.LastOrDefault();
            yield return
            [
                a.Number, a.StationReceivedAt is { } at ? TownshipTime.Format(at) : "", RegisterRows.Format(a.AgencyReceivedOn), a.Applicant.Name,
                Show(PersonalDataKind.IdNumber, a.Applicant.IdNumber), Show(PersonalDataKind.PhoneNumber, a.Applicant.Phone), Show(PersonalDataKind.Address, a.Applicant.Address),
                a.Representative is { } r ? $"{r.Name}（{r.Relation}）" : "", Show(PersonalDataKind.PhoneNumber, a.Representative?.Phone),
                a.Detained ? "是" : "否", a.DetentionPlace ?? "",
                a.Matter is { } m ? LegalAidVocabulary.Label(m).Chinese : "", a.Form is { } f ? LegalAidVocabulary.Label(f).Chinese : "",
                a.Means is { } means ? LegalAidVocabulary.Label(means).Chinese : "",
                a.ExemptGroup is { } g ? LegalAidVocabulary.Label(g).Chinese : "", a.NoMeansTestMatter is { } n ? LegalAidVocabulary.Label(n).Chinese : "",
                a.MeansDetails is null ? "" : full ? a.MeansDetails : "已登记（已脱敏）",
                a.Summary, a.OpposingParty ?? "", string.Join('\n', a.Materials), LegalAidVocabulary.Label(a.State).Chinese,
                a.ForwardedAt is { } fw ? TownshipTime.Format(fw) : "", a.LetterNumber ?? "",
                RegisterRows.Format(a.GrantedOn ?? a.RefusedOn), decision, a.DecisionNumber ?? "", a.RefusalReasons ?? "",
                RegisterRows.Format(a.AssignedOn), a.AssigneeKind is { } k ? LegalAidVocabulary.Label(k).Chinese : "", a.Assignee ?? "", a.AssigneeOrganisation ?? "",
                RegisterRows.Format(a.StartedOn), RegisterRows.Format(a.ClosedOn ?? a.TerminatedOn ?? a.WithdrawnOn),
                a.ClosingOutcome ?? (a.TerminationGround is { } tg ? TerminatedPrefix + LegalAidVocabulary.Label(tg).Chinese : ""),
                a.TerminationReason ?? "", a.ClosingReport ?? "", RegisterRows.Format(visit?.On), visit?.Visitor ?? "",
            ];
        }
    }
}
