using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.PersonalData;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>The station's papers of an application, by the name of their route.</summary>
internal enum LegalAidPaper
{
    /// <summary>法律援助申请表, filled from the record.</summary>
    ApplicationForm,

    /// <summary>材料接收凭证: what the station received, and when.</summary>
    Receipt,

    /// <summary>补充材料通知书: the one notice listing every missing material (Art 43).</summary>
    MaterialsNotice,

    /// <summary>转交申请的公函: the letter forwarding the application to the agency.</summary>
    ForwardingLetter,
}

/// <summary>
/// The application's papers as .docx through the kit's <see cref="WordDocument"/>. Personal data (ID number, phone,
/// address, means) is masked unless a full copy is asked for with a reason, recorded by the guard before it is written.
/// </summary>
internal sealed class LegalAidDocuments(LegalAidQueries queries, LegalAidSettingsStore settings, ITownshipContext township, IPersonalDataGuard guard)
{
    public static readonly IReadOnlyDictionary<string, LegalAidPaper> Routes = new Dictionary<string, LegalAidPaper>(StringComparer.Ordinal)
    {
        ["application-form"] = LegalAidPaper.ApplicationForm,
        ["receipt"] = LegalAidPaper.Receipt,
        ["materials-notice"] = LegalAidPaper.MaterialsNotice,
        ["forwarding-letter"] = LegalAidPaper.ForwardingLetter,
    };

    public static LocalizedText Label(LegalAidPaper paper) => paper switch
    {
        LegalAidPaper.ApplicationForm => new("法律援助申请表", "Application form"),
        LegalAidPaper.Receipt => new("材料接收凭证", "Materials receipt"),
        LegalAidPaper.MaterialsNotice => new("补充材料通知书", "Notice of missing materials"),
        _ => new("转交申请的公函", "Forwarding letter"),
    };

    /// <summary>Whether the record has what the paper is about (a notice needs the notice, a letter the forwarding).</summary>
    public static bool Has(LegalAidApplication a, LegalAidPaper paper) => a.State != ApplicationState.Draft && paper switch
    {
        LegalAidPaper.MaterialsNotice => a.MaterialsRequestedOn is not null,
        LegalAidPaper.ForwardingLetter => a.ForwardedAt is not null,
        _ => true,
    };

    public async Task<byte[]?> WriteAsync(Guid id, LegalAidPaper paper, string? fullCopyReason, CancellationToken ct)
    {
        var a = await queries.LoadAsync(id, ct);
        if (a is null || !Has(a, paper))
        {
            return null;
        }

        if (fullCopyReason is not null)
        {
            await guard.RecordFullExportAsync($"{Label(paper).Chinese} {a.Number} / {a.Applicant.Name}", 1, fullCopyReason, ct);
        }

        var s = await settings.GetAsync(ct);
        var station = $"{township.Required.Name}公共法律服务工作站";
        string Show(PersonalDataKind kind, string? value) => value is null ? "—" : fullCopyReason is null ? guard.Mask(kind, value) : value;
        var means = a.MeansDetails is null ? "—" : fullCopyReason is null ? "已登记（已脱敏）" : a.MeansDetails;
        var word = new WordDocument();
        switch (paper)
        {
            case LegalAidPaper.ApplicationForm:
                word.Title("法律援助申请表").Right($"编号：{a.Number}")
                    .Table(["项目", "内容"],
                    [
                        ["申请人", a.Applicant.Name],
                        ["身份证号码", Show(PersonalDataKind.IdNumber, a.Applicant.IdNumber)],
                        ["联系电话", Show(PersonalDataKind.PhoneNumber, a.Applicant.Phone)],
                        ["住址", Show(PersonalDataKind.Address, a.Applicant.Address)],
                        ["代理申请人（第四十条）", a.Representative is { } r ? $"{r.Name}（{r.Relation}），电话：{Show(PersonalDataKind.PhoneNumber, r.Phone)}" : "—"],
                        ["是否被羁押", a.Detained ? $"是（{a.DetentionPlace ?? "羁押场所未填"}）" : "否"],
                        ["申请事项（第三十一条）", a.Matter is { } m ? LegalAidVocabulary.Label(m).Chinese : "刑事案件"],
                        ["援助形式（第二十二条）", a.Form is { } f ? LegalAidVocabulary.Label(f).Chinese : "—"],
                        ["经济困难状况认定", MeansLine(a)],
                        ["经济困难状况", means],
                        ["对方当事人", a.OpposingParty ?? "—"],
                        ["工作站接收时间", a.StationReceivedAt is { } at ? TownshipTime.Format(at) : "—"],
                    ])
                    .Heading("案情及申请理由").Paragraph(a.Summary)
                    .Paragraph("申请人承诺所填内容及提交的材料真实，如有虚假，愿承担相应法律责任（《中华人民共和国法律援助法》第四十一条、第四十八条）。")
                    .Paragraph("申请人（签名）：＿＿＿＿＿＿＿＿　　年　　月　　日", indent: false);
                break;
            case LegalAidPaper.Receipt:
                word.Title("法律援助申请材料接收凭证")
                    .Paragraph($"{a.Applicant.Name}：", indent: false)
                    .Paragraph($"本站于{(a.StationReceivedAt is { } received ? TownshipTime.Format(received) : "—")}收到你（单位）提出的法律援助申请（编号{a.Number}）及下列材料，将依法转交{s.Agency}审查：");
                foreach (var (item, i) in a.Materials.Select((m, i) => (m, i + 1)))
                {
                    word.Paragraph($"{i}. {item}");
                }

                if (a.Materials.Count == 0)
                {
                    word.Paragraph("（未提交书面材料）");
                }

                word.Right(station).Right(a.StationReceivedOn is { } day ? TownshipTime.Chinese(day) : "");
                break;
            case LegalAidPaper.MaterialsNotice:
                word.Title("补充材料通知书").Right($"编号：{a.Number}")
                    .Paragraph($"{a.Applicant.Name}：", indent: false)
                    .Paragraph($"你于{TownshipTime.Format(a.StationReceivedOn!.Value)}提出的法律援助申请，申请材料不齐全。依照《中华人民共和国法律援助法》第四十三条，现一次性告知你需要补充下列材料：");
                foreach (var (item, i) in a.MissingMaterials.Select((m, i) => (m, i + 1)))
                {
                    word.Paragraph($"{i}. {item}");
                }

                word.Paragraph($"请于{TownshipTime.Chinese(a.MaterialsReplyBy!.Value)}前补充上述材料。未按要求补充材料的，视为撤回申请。")
                    .Right(station).Right(TownshipTime.Chinese(a.MaterialsRequestedOn!.Value));
                break;
            default:
                word.Title("关于转交法律援助申请的函").Right(a.LetterNumber ?? "")
                    .Paragraph($"{a.Agency ?? s.Agency}：", indent: false)
                    .Paragraph($"本站于{(a.StationReceivedAt is { } r2 ? TownshipTime.Format(r2) : "—")}收到{a.Applicant.Name}（身份证号码{Show(PersonalDataKind.IdNumber, a.Applicant.IdNumber)}）" +
                        $"的法律援助申请（编号{a.Number}），申请事项为{(a.Matter is { } mm ? LegalAidVocabulary.Label(mm).Chinese : "刑事案件")}。" +
                        (a.Detained ? "申请人被羁押，依照《中华人民共和国法律援助法》第三十九条于二十四小时内转交。" : "") +
                        "依照《中华人民共和国法律援助法》第十三条、第四十三条，现将申请及材料转交你中心审查决定。")
                    .Paragraph($"附：法律援助申请表及材料{a.Materials.Count}份。")
                    .Right(station).Right(TownshipTime.Chinese(TownshipTime.DayOf(a.ForwardedAt!.Value)));
                break;
        }

        return word.ToBytes();
    }

    private static string MeansLine(LegalAidApplication a) => a.Means switch
    {
        MeansRoute.ExemptGroup when a.ExemptGroup is { } g => $"{LegalAidVocabulary.Label(MeansRoute.ExemptGroup).Chinese}：{LegalAidVocabulary.Label(g).Chinese}",
        MeansRoute.NoMeansTest when a.NoMeansTestMatter is { } n => $"{LegalAidVocabulary.Label(MeansRoute.NoMeansTest).Chinese}：{LegalAidVocabulary.Label(n).Chinese}",
        { } route => LegalAidVocabulary.Label(route).Chinese,
        _ => "—",
    };

    /// <summary><c>GET …/legal-aid/{id}/{paper}.docx</c>: masked by default; <c>?full=true&amp;reason=…</c> needs the reveal permission and is audited.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ForbidHttpResult>> EndpointAsync(
        Guid id, string paper, bool? full, string? reason, LegalAidDocuments documents, ICurrentUser user, CancellationToken ct)
    {
        if (!Routes.TryGetValue(paper, out var kind))
        {
            return TypedResults.NotFound();
        }

        string? fullReason = null;
        if (full == true)
        {
            if (!user.HasPermission(Permissions.PersonalDataReveal))
            {
                return TypedResults.Forbid();
            }

            var errors = new InputErrors();
            fullReason = errors.Required("reason", reason, "完整导出个人信息的理由", "Reason for a full copy", Reveals.MaxReasonLength);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }
        }

        return await documents.WriteAsync(id, kind, fullReason, ct) is { } bytes
            ? TypedResults.File(bytes, WordDocument.ContentType, $"legal-aid-{paper}-{id:N}.docx")
            : TypedResults.NotFound();
    }
}
