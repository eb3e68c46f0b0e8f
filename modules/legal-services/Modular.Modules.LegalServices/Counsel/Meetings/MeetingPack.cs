using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;

namespace Modular.Modules.LegalServices.Counsel.Meetings;

/// <summary>
/// 会议材料: the meeting's agenda with each item's legality-review opinion (重大行政决策程序暂行条例 Art 29: the opinion is
/// an important basis of the decision), as it stood when the item passed the gate; withdrawn items stay with their reason.
/// </summary>
internal static class MeetingPack
{
    public static byte[] Write(TownshipMeeting m, string township)
    {
        var standing = m.Standing.ToList();
        var word = new WordDocument()
            .Title($"{m.Title}会议材料")
            .Paragraph($"会议类型：{CounselVocabulary.Label(m.Kind).Chinese}；会议日期：{TownshipTime.Chinese(m.On)}{(m.Place is { } p ? $"；地点：{p}" : "")}。", indent: false)
            .Heading("一、议题及合法性审查意见")
            .Table(["序号", "议题", "类别", "审查编号", "审查稿", "审查意见", "法律顾问"],
                standing.Select((i, n) => (IReadOnlyList<string>)[
                    (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), i.Title, CounselVocabulary.Label(i.Kind).Chinese,
                    i.Review?.Number ?? "—", i.Review?.DocumentVersion ?? "—", i.Review is { } r ? CounselVocabulary.Label(r.Opinion).Chinese : "无需审查",
                    i.Review?.CounselName ?? "—"]));
        foreach (var (item, n) in standing.Select((i, n) => (i, n + 1)).Where(x => x.i.Review is not null))
        {
            var r = item.Review!;
            word.Subheading($"（{n}）{item.Title}")
                .Paragraph($"审查意见（{r.Number}，{r.DocumentVersion}，{TownshipTime.Chinese(r.AnsweredOn)}）：{CounselVocabulary.Label(r.Opinion).Chinese}。{r.OpinionText}");
            if (r.RequiredChanges is { } changes)
            {
                word.Paragraph($"修改意见：{changes}");
            }

            if (r.ChangesNote is { } made)
            {
                word.Paragraph($"修改情况：{made}");
            }
        }

        var withdrawn = m.Items.Where(i => i.Withdrawn is not null).ToList();
        if (withdrawn.Count > 0)
        {
            word.Heading("二、撤回的议题");
            foreach (var item in withdrawn)
            {
                word.Paragraph($"{item.Title}：于{TownshipTime.Chinese(item.Withdrawn!.On)}撤回，理由：{item.Withdrawn.Reason}");
            }
        }

        if (m.State == MeetingState.Held)
        {
            word.Heading(withdrawn.Count > 0 ? "三、法律顾问列席情况" : "二、法律顾问列席情况")
                .Paragraph(m.Attendance.Count > 0 ? $"列席的法律顾问：{string.Join("、", m.Attendance.Select(a => a.Name))}。" : "本次会议无法律顾问列席。");
        }

        return word.Right($"{township}人民政府").ToBytes();
    }

    /// <summary><c>GET …/counsel/meetings/{id}/pack.docx</c>.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> EndpointAsync(Guid id, CounselQueries queries, ITownshipContext township, CancellationToken ct) =>
        await queries.LoadMeetingAsync(id, ct) is { } m
            ? TypedResults.File(Write(m, township.Required.Name), WordDocument.ContentType, $"meeting-pack-{m.On:yyyyMMdd}-{id:N}.docx")
            : TypedResults.NotFound();
}
