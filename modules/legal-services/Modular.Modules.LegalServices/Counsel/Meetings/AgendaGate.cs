using Modular.Contracts.Modules;
using Modular.Modules.LegalServices.Counsel.Reviews;

namespace Modular.Modules.LegalServices.Counsel.Meetings;

/// <summary>A refusal at the gate, kept for the record and counted in the year's report.</summary>
internal sealed record AgendaItemRefused(Guid Id, Guid MeetingId, string MeetingTitle, DateOnly MeetingOn, AgendaItemKind Kind, string Title, Guid? ReviewId,
    string? ReviewNumber, string Reason, DateOnly On, string By);

/// <summary>The record of a refusal (a stream of one event: refusals are never edited or removed).</summary>
internal sealed class GateRefusal
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public string Title { get; set; } = "";

    public string? ReviewNumber { get; set; }

    public string Reason { get; set; } = "";

    public DateOnly On { get; set; }

    public string By { get; set; } = "";

    public static GateRefusal Create(AgendaItemRefused e) =>
        new() { Id = e.Id, MeetingId = e.MeetingId, Title = e.Title, ReviewNumber = e.ReviewNumber, Reason = e.Reason, On = e.On, By = e.By };
}

/// <summary>
/// 重大行政决策程序暂行条例 Art 25 (and 中办发〔2016〕30号 for contracts and documents): a draft not reviewed, or found
/// unlawful, is not put to the meeting. The item passes only on its document's latest review, and only when that found
/// it lawful, or lawful with changes that are recorded as made.
/// </summary>
internal static class AgendaGate
{
    /// <summary>Why the item may not go on the agenda, or null when it may.</summary>
    public static LocalizedText? Refusal(AgendaItemKind kind, LegalityReview? review)
    {
        if (!CounselVocabulary.NeedsReview(kind))
        {
            return null;
        }

        if (review is null)
        {
            return new("该议题须先经合法性审查，未经审查的不得提交会议讨论（重大行政决策程序暂行条例第二十五条）",
                "This item needs a legality review first; an unreviewed draft is not put to the meeting (Art 25).");
        }

        var latest = review.Latest;
        var version = latest.Sending.DocumentVersion;
        return review.State switch
        {
            ReviewState.AwaitingOpinion => new($"{review.Number}“{version}”尚在合法性审查中，法律顾问出具意见前不得提交会议讨论",
                $"{review.Number} ({version}) is still under review; it goes to the meeting once counsel has answered."),
            ReviewState.Unlawful => new($"{review.Number}“{version}”经审查不合法，不得提交会议讨论（第二十五条）；修改后可重新送审",
                $"{review.Number} ({version}) was found unlawful and is not put to the meeting (Art 25); revise it and send it again."),
            ReviewState.ChangesRequired => new($"{review.Number}“{version}”的审查意见为修改后合法，须先登记已按审查意见修改",
                $"{review.Number} ({version}) is lawful with changes: record the changes as made first."),
            _ => null,
        };
    }

    /// <summary>What the agenda keeps of the review the item passed on.</summary>
    public static ReviewOnAgenda OnAgenda(LegalityReview review)
    {
        var latest = review.Latest;
        var answer = latest.Answer!;
        return new(review.Id, review.Number, latest.Round, latest.Sending.DocumentVersion, answer.Opinion, answer.OpinionText, answer.RequiredChanges,
            latest.Changes?.Note, latest.Sending.CounselName, answer.On);
    }
}
