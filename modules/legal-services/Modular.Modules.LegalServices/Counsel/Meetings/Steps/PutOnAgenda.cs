using Modular.Contracts.Modules;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Modules.LegalServices.Counsel.Reviews;

namespace Modular.Modules.LegalServices.Counsel.Meetings.Steps;

internal sealed class PutOnAgendaInput : CounselStepInput
{
    /// <summary>The review request of the document; the item's kind and title come from it unless given.</summary>
    public string? ReviewId { get; set; }

    public string? Kind { get; set; }

    public string? Title { get; set; }
}

/// <summary>The item as read: its review loaded (this township's only), and the gate's answer on it.</summary>
internal sealed record PutOnAgenda(DateOnly On, AgendaItemKind? Kind, string? Title, LegalityReview? Review, LocalizedText? Refusal, string By);

/// <summary>列入会议议题: an item goes on the agenda only through <see cref="AgendaGate"/>; a refusal is recorded and counted.</summary>
internal static class PutOnAgendaStep
{
    public const string Name = "agenda";

    public static PutOnAgenda Read(PutOnAgendaInput input, DateOnly today, LegalityReview? review, InputErrors errors, string by)
    {
        var on = CounselInput.OnOrToday(input.On, today, errors) ?? today;
        var kind = errors.Choice<AgendaItemKind>("kind", input.Kind, "议题类别", "kind of item", required: review is null);
        if (!string.IsNullOrWhiteSpace(input.ReviewId) && review is null)
        {
            errors.Add("reviewId", "没有这份合法性审查", "No such review request.");
        }

        if (review is not null)
        {
            if (kind == AgendaItemKind.Briefing)
            {
                errors.Add("kind", "情况通报无需合法性审查，不必关联审查", "A briefing needs no review: leave the review out.");
            }
            else if (kind is { } k && k != (AgendaItemKind)review.Kind)
            {
                errors.Add("kind", $"议题类别应与送审文件一致（{CounselVocabulary.Label(review.Kind).Chinese}）", $"The kind must be the reviewed document's ({CounselVocabulary.Label(review.Kind).English}).");
            }

            kind ??= (AgendaItemKind)review.Kind;
        }

        var title = review is null
            ? errors.Required("title", input.Title, "议题名称", "Title", 200)
            : errors.Optional("title", input.Title, "议题名称", "Title", 200) ?? review.Title;
        var refusal = errors.Any || kind is null ? null : AgendaGate.Refusal(kind.Value, review);
        return new(on, kind, title, review, refusal, by);
    }

    public static IReadOnlyList<object> Decide(TownshipMeeting m, PutOnAgenda c, InputErrors errors)
    {
        TownshipMeeting.Steps.Expect(m, Name, errors);
        if (c.Refusal is { } refusal)
        {
            errors.Add("reviewId", refusal.Chinese, refusal.English);
        }

        if (c.Review is { } review && m.Standing.Any(i => i.Review?.ReviewId == review.Id))
        {
            errors.Add("reviewId", $"{review.Number}已在本次会议议程上", $"{review.Number} is already on this agenda.");
        }

        return errors.Any
            ? []
            : [new ItemPutOnAgenda(Guid.CreateVersion7(), c.Kind!.Value, c.Title!, c.Review is { } r ? AgendaGate.OnAgenda(r) : null, c.On, c.By)];
    }

    /// <summary>
    /// Runs the step. A refusal at the gate is first saved as a <see cref="GateRefusal"/> of its own (the year's report
    /// counts them), then the step refuses with the reason beside the review.
    /// </summary>
    public static async Task<bool> RunAsync(CounselStepContext context, Guid id, PutOnAgendaInput input, CancellationToken ct)
    {
        if (await context.Queries.LoadMeetingAsync(id, ct) is not { } meeting)
        {
            return false;
        }

        var review = Guid.TryParse(input.ReviewId, out var reviewId) ? await context.Queries.LoadReviewAsync(reviewId, ct) : null;
        var errors = new InputErrors();
        var command = Read(input, context.Today, review, errors, context.User.DisplayName);
        if (command.Refusal is { } refusal && TownshipMeeting.Steps.Allows(meeting, Name))
        {
            var refusalId = Guid.CreateVersion7();
            context.Session.Events.StartStream<GateRefusal>(refusalId, new AgendaItemRefused(refusalId, meeting.Id, meeting.Title, meeting.On, command.Kind!.Value,
                command.Title ?? "", review?.Id, review?.Number, refusal.Chinese, command.On, command.By));
            await context.Session.SaveChangesAsync(ct);
        }

        return await context.Session.RunStepAsync<TownshipMeeting>(id, input.Version, errors, m => Decide(m, command, errors), ct);
    }
}
