using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>The written opinion (信访事项处理意见书, 信访工作条例 Art 32) as .docx, with the petitioner's right to a review.</summary>
internal sealed class OpinionLetter(PetitionQueries queries, PetitionClock clock, ITownshipContext township)
{
    public async Task<byte[]?> WriteAsync(Guid id, CancellationToken ct)
    {
        var p = await queries.LoadAsync(id, ct);
        if (p is null || p.OpinionOn is not { } issued || p.Outcome is not { } outcome)
        {
            return null;
        }

        var office = $"{township.Required.Name}人民政府";
        var word = new WordDocument()
            .Title(office)
            .Title("信访事项处理意见书")
            .Right($"编号：{p.Number}")
            .Paragraph($"{p.Petitioner.Name}：", indent: false)
            .Paragraph($"本机关于{TownshipTime.Chinese(p.ReceivedOn)}收到您的信访事项" +
                (p.TransferringOffice is null ? "" : $"（{p.TransferringOffice}转送，文号{p.TransferReference}）") +
                $"，于{TownshipTime.Chinese(p.AcceptedOn!.Value)}受理。您反映：{p.Matter}");
        if (p.ExtendedOn is not null)
        {
            word.Paragraph($"因{p.ExtensionReason}，本机关将办理期限延长{p.ExtensionDays}日，并已告知您。");
        }

        word.Paragraph($"经调查核实，现提出处理意见如下：{PetitionVocabulary.Label(outcome).Chinese}。")
            .Paragraph(p.OpinionText ?? "")
            .Paragraph($"依据：{p.OpinionBasis}。")
            // 信访工作条例 Art 35: a review may be asked of the office one level up within 30 days of receiving the opinion.
            .Paragraph($"如对本处理意见不服，可以自收到本意见书之日起30日内请求{township.Required.CountyName}人民政府或者本机关的上一级主管部门复查（请求期限至{clock.Deadline30(issued).Date:yyyy-MM-dd}）。")
            .Right(office)
            .Right(TownshipTime.Chinese(issued));
        return word.ToBytes();
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> EndpointAsync(Guid id, OpinionLetter letter, CancellationToken ct) =>
        await letter.WriteAsync(id, ct) is { } bytes
            ? TypedResults.File(bytes, WordDocument.ContentType, $"petition-opinion-{id:N}.docx")
            : TypedResults.NotFound();
}
