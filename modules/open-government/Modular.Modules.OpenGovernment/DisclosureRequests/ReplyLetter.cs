using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>The reply letter (政府信息公开申请答复书) as .docx, written from the request's own record and set as an official letter (GB/T 9704).</summary>
internal sealed class ReplyLetter(RequestQueries queries, ITownshipContext township)
{
    public async Task<byte[]?> WriteAsync(Guid id, CancellationToken ct)
    {
        var r = await queries.LoadAsync(id, ct);
        if (r is null || r.Category is not { } category || r.AnsweredOn is not { } answeredOn)
        {
            return null;
        }

        var office = $"{township.Required.Name}人民政府";
        var basis = r.Reason is { } reason ? ReplyCategories.Info(reason).LegalBasis : ReplyCategories.Info(category).LegalBasis;
        var word = new WordDocument()
            .Title($"{office}")
            .Title("政府信息公开申请答复书")
            .Right($"申请编号：{r.Number}")
            .Paragraph($"{r.Applicant.Name}：", indent: false)
            .Paragraph($"本机关于{TownshipTime.Chinese(r.ReceivedOn)}收到您（单位）提出的政府信息公开申请（申请编号：{r.Number}），申请获取“{r.Description}”{(r.DocumentNumber is null ? "" : $"（文号：{r.DocumentNumber}）")}。");
        if (r.CorrectionNoticeOn is { } notice)
        {
            word.Paragraph($"本机关于{TownshipTime.Chinese(notice)}向您发出补正申请告知书，" + (r.CorrectedOn is { } corrected ? $"于{TownshipTime.Chinese(corrected)}收到补正后的申请，答复期限自该日起重新计算。" : "您未在期限内补正。"));
        }

        if (r.ExtensionNoticeOn is { } extended)
        {
            word.Paragraph($"因{r.ExtensionReason}，经政府信息公开工作机构负责人同意，本机关于{TownshipTime.Chinese(extended)}告知您答复期限延长{r.ExtensionWorkingDays}个工作日。");
        }

        if (r.Consultations.Count > 0)
        {
            word.Paragraph("因申请公开的信息涉及第三方合法权益，本机关依法书面征求了第三方意见，征求意见所需时间不计算在答复期限内。");
        }

        word.Paragraph($"经审查，现答复如下：{ReplyCategories.Label(category, r.Reason)}。")
            .Paragraph(r.ReplyText ?? "")
            .Paragraph($"依据：{basis}。")
            // 政府信息公开条例 Art 51; 行政复议法 (2023) Art 20 and 行政诉讼法 Art 46: 60 days for reconsideration, 6 months for suit.
            .Paragraph($"如对本答复不服，可以在收到本答复之日起60日内向{township.Required.CountyName}人民政府申请行政复议，或者在6个月内向人民法院提起行政诉讼。")
            .Right(office)
            .Right(TownshipTime.Chinese(answeredOn));
        return word.ToBytes();
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> EndpointAsync(Guid id, ReplyLetter letter, CancellationToken ct) =>
        await letter.WriteAsync(id, ct) is { } bytes
            ? TypedResults.File(bytes, WordDocument.ContentType, $"reply-{id:N}.docx")
            : TypedResults.NotFound();
}
