using Marten;
using Modular.Contracts.OpenGovernment;
using Modular.Kit.Input;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

internal sealed class AnswerRequestInput
{
    public long? Version { get; set; }

    public string? AnsweredOn { get; set; }

    public string? Category { get; set; }

    public string? Reason { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// Answers a request with one of the national categories (and its reason where the category has them). A petition in
/// disguise (Art 39) is answered "not processed" and handed to the petitions work through an integration event, appended
/// to the request's own stream in the same session as the answer, so one exists exactly when the other does.
/// </summary>
internal sealed class AnswerRequest(IDocumentSession session, ReplyClock clock)
{
    public Task<bool> AnswerAsync(Guid id, AnswerRequestInput input, CancellationToken ct) =>
        session.RunRequestStepAsync(id, input.Version, (request, errors) => Decide(request, input, errors), ct);

    public IReadOnlyList<object> Decide(DisclosureRequest request, AnswerRequestInput input, InputErrors errors)
    {
        var answeredOn = errors.Date("answeredOn", input.AnsweredOn, "答复日期", "Date answered", clock.Today);
        var category = errors.Choice<ReplyCategory>("category", input.Category, "答复类别", "reply category");
        var reason = errors.Choice<ReplyReason>("reason", input.Reason, "具体理由", "reason", required: category is { } c && ReplyCategories.HasReasons(c));
        var text = errors.Required("text", input.Text, "答复内容", "Reply text", 8000);
        if (category is { } cat && reason is { } r && ReplyCategories.Info(r).Category != cat)
        {
            errors.Add("reason", "该理由不属于所选答复类别", "The reason does not belong to the chosen category.");
        }
        else if (category is { } none && !ReplyCategories.HasReasons(none) && reason is not null)
        {
            errors.Add("reason", "该答复类别无需选择理由", "This category takes no reason.");
        }

        RequestSteps.Table.Expect(request, RequestSteps.Reply, errors);

        if (answeredOn is { } on && on < request.ReceivedOn)
        {
            errors.Add("answeredOn", "答复日期不能早于收到申请之日", "The answer cannot precede the day of receipt.");
        }

        if (errors.Any)
        {
            return [];
        }

        var answered = new DisclosureRequestAnswered(answeredOn!.Value, category!.Value, reason, text!);
        if (reason != ReplyReason.Petition)
        {
            return [answered];
        }

        var a = request.Applicant;
        return [answered, new DisclosureRequestFoundToBePetition(
            request.Id, request.Number, request.ReceivedOn, answeredOn.Value, a.Name, a.IdNumber, a.Phone, a.Address, request.Description)];
    }
}
