using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Reviews.Steps;

internal sealed class AnswerReviewInput : CounselStepInput
{
    public string? Opinion { get; set; }

    public string? Authority { get; set; }

    public string? Procedure { get; set; }

    public string? Content { get; set; }

    public string? OpinionText { get; set; }

    /// <summary>What must change, when the opinion is lawful with changes.</summary>
    public string? RequiredChanges { get; set; }
}

internal sealed record AnswerReview(DateOnly? On, ReviewOpinion? Opinion, AspectFinding? Authority, AspectFinding? Procedure, AspectFinding? Content,
    string? OpinionText, string? RequiredChanges, string UserName, string By);

/// <summary>
/// 出具合法性审查意见 (Arts 27, 28): counsel examines authority, procedure and content and gives one opinion on the
/// version sent. Only the counsel it was sent to answers. An opinion must agree with the findings: lawful only when all
/// three conform, unlawful only when one does not.
/// </summary>
internal static class AnswerReviewStep
{
    public const string Name = "opinion";

    public static AnswerReview Read(AnswerReviewInput input, DateOnly today, InputErrors errors, string userName, string by) => new(
        CounselInput.On(input.On, today, errors),
        errors.Choice<ReviewOpinion>("opinion", input.Opinion, "审查意见", "opinion"),
        errors.Choice<AspectFinding>("authority", input.Authority, "制定主体和权限", "finding on authority"),
        errors.Choice<AspectFinding>("procedure", input.Procedure, "程序", "finding on procedure"),
        errors.Choice<AspectFinding>("content", input.Content, "内容", "finding on content"),
        errors.Required("opinionText", input.OpinionText, "审查意见书", "Opinion text", 8000),
        errors.Optional("requiredChanges", input.RequiredChanges, "修改意见", "Required changes", 4000),
        userName, by);

    public static IReadOnlyList<object> Decide(LegalityReview r, AnswerReview c, InputErrors errors)
    {
        LegalityReview.Steps.Expect(r, Name, errors);
        var sent = r.Latest.Sending;
        if (sent.CounselUserName != c.UserName)
        {
            errors.Add("state", $"本次送审的法律顾问是{sent.CounselName}，只有其本人可以出具审查意见", $"This version was sent to {sent.CounselName}; only they can answer it.");
        }

        if (c.On is { } on && on < sent.SentOn)
        {
            errors.Add("on", $"审查意见日期不能早于送审日期（{sent.SentOn:yyyy-MM-dd}）", $"The opinion cannot precede the sending ({sent.SentOn:yyyy-MM-dd}).");
        }

        var findings = new[] { c.Authority, c.Procedure, c.Content };
        if (c.Opinion == ReviewOpinion.Lawful && findings.Any(f => f == AspectFinding.DoesNotConform))
        {
            errors.Add("opinion", "有一项审查内容不符合时，不能认定为“合法”", "An opinion cannot be lawful when a finding does not conform.");
        }

        if (c.Opinion == ReviewOpinion.Unlawful && findings.All(f => f == AspectFinding.Conforms))
        {
            errors.Add("opinion", "认定“不合法”时，应指出不符合的审查内容", "An unlawful opinion names the finding that does not conform.");
        }

        if (c.Opinion == ReviewOpinion.LawfulWithChanges && c.RequiredChanges is null)
        {
            errors.Add("requiredChanges", "“修改后合法”须写明修改意见", "Lawful with changes says what must change.");
        }

        return errors.Any
            ? []
            : [new ReviewAnswered(c.Opinion!.Value, c.Authority!.Value, c.Procedure!.Value, c.Content!.Value, c.OpinionText!,
                c.Opinion == ReviewOpinion.LawfulWithChanges ? c.RequiredChanges : null, sent.DocumentVersion, c.On!.Value, c.By)];
    }

    public static async Task<bool> RunAsync(CounselStepContext context, Guid id, AnswerReviewInput input, CancellationToken ct) =>
        await context.Queries.LoadReviewAsync(id, ct) is not null
        && await context.RunAsync<LegalityReview, AnswerReviewInput, AnswerReview>(id, input,
            (i, today, errors) => Read(i, today, errors, context.User.UserName, context.User.DisplayName), Decide, ct);
}
