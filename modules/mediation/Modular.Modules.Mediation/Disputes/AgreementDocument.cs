using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>
/// The written agreement (人民调解协议书, 人民调解法 Art 29) as .docx, from the dispute's record: the parties, the facts,
/// the matters in dispute and responsibilities, the terms and how and when they are performed, the signature lines of
/// the parties and the mediator, the committee's seal, one copy for each party and one for the committee, and the
/// 30 days for court confirmation (Art 33). Personal data is masked unless a full copy is asked for with a reason.
/// </summary>
internal sealed class AgreementDocument(DisputeQueries queries, ITownshipContext township, IPersonalDataGuard guard)
{
    public async Task<byte[]?> WriteAsync(Guid id, string? fullCopyReason, CancellationToken ct)
    {
        // For signing (drafted) or as signed; a draft the mediation failed on is no agreement to print.
        var d = await queries.LoadAsync(id, ct);
        if (d?.Agreement is not { } agreement || d.AgreementForm != AgreementForm.Written)
        {
            return null;
        }

        if (fullCopyReason is not null)
        {
            await guard.RecordFullExportAsync($"人民调解协议书 {d.Number}", d.Parties.Count, fullCopyReason, ct);
        }

        string Show(PersonalDataKind kind, string? value) =>
            value is null ? "—" : fullCopyReason is null ? guard.Mask(kind, value) : value;

        var committee = $"{township.Required.Name}人民调解委员会";
        var word = new WordDocument()
            .Title("人民调解协议书")
            .Right($"编号：{committee}〔{d.ReceivedOn.Year}〕调字第{d.Number}号");
        foreach (var p in d.Parties)
        {
            var role = DisputeVocabulary.Label(p.Role).Chinese;
            word.Paragraph(p.IsOrganisation
                ? $"{role}：{p.Name}（单位），地址：{Show(PersonalDataKind.Address, p.Address)}，联系电话：{Show(PersonalDataKind.PhoneNumber, p.Phone)}"
                : $"{role}：{p.Name}，身份证号码：{Show(PersonalDataKind.IdNumber, p.IdNumber)}，住址：{Show(PersonalDataKind.Address, p.Address)}，联系电话：{Show(PersonalDataKind.PhoneNumber, p.Phone)}", indent: false);
        }

        var copies = d.Parties.Count + 1;
        word.Heading("纠纷主要事实、争议事项")
            .Paragraph(agreement.Facts)
            .Paragraph($"争议事项：{agreement.Matters}")
            .Heading("各方当事人的责任")
            .Paragraph(agreement.Responsibilities)
            .Heading("经调解，当事人自愿达成如下协议")
            .Paragraph(agreement.Terms)
            .Heading("履行协议的方式、期限")
            .Paragraph(agreement.Performance)
            .Paragraph($"本协议一式{copies}份，当事人、人民调解委员会各持一份。本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效，" +
                "对当事人具有法律约束力，当事人应当按照约定履行（《中华人民共和国人民调解法》第二十九条、第三十一条）。")
            .Paragraph("双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条）。");
        foreach (var p in d.Parties)
        {
            word.Paragraph($"{DisputeVocabulary.Label(p.Role).Chinese}（签名）：{p.Name}　＿＿＿＿＿＿＿＿　　年　　月　　日", indent: false);
        }

        word.Paragraph($"人民调解员（签名）：{d.Mediator}　＿＿＿＿＿＿＿＿　　年　　月　　日", indent: false)
            .Paragraph("记录人（签名）：＿＿＿＿＿＿＿＿", indent: false)
            .Right($"{committee}（印章）")
            .Right(d.ResolvedOn is { } signed ? TownshipTime.Chinese(signed) : "　　年　　月　　日");
        return word.ToBytes();
    }

    /// <summary>The masked copy by default; <c>?full=true&amp;reason=…</c> needs the reveal permission and is audited.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ForbidHttpResult>> EndpointAsync(
        Guid id, bool? full, string? reason, AgreementDocument document, ICurrentUser user, CancellationToken ct)
    {
        string? fullReason = null;
        if (full == true)
        {
            if (!user.HasPermission(Permissions.PersonalDataReveal))
            {
                return TypedResults.Forbid();
            }

            var errors = new InputErrors();
            fullReason = errors.Required("reason", reason, "完整导出个人信息的理由", "Reason for a full copy", 500);
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }
        }

        return await document.WriteAsync(id, fullReason, ct) is { } bytes
            ? TypedResults.File(bytes, WordDocument.ContentType, $"mediation-agreement-{id:N}.docx")
            : TypedResults.NotFound();
    }
}
