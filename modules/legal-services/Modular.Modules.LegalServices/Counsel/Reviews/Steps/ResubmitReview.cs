using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Reviews.Steps;

internal sealed class ResubmitReviewInput : SendForReviewInput;

/// <summary>A revised version sent again: a new round, a new opinion; the gate then reads only the new one.</summary>
internal static class ResubmitReviewStep
{
    public const string Name = "resubmission";

    public static IReadOnlyList<object> Decide(LegalityReview r, ReviewSending? sending, InputErrors errors)
    {
        LegalityReview.Steps.Expect(r, Name, errors);
        if (sending is not null && sending.SentOn < r.LastStepOn)
        {
            errors.Add("on", $"送审日期不能早于上一步（{r.LastStepOn:yyyy-MM-dd}）", $"The sending cannot precede the last step ({r.LastStepOn:yyyy-MM-dd}).");
        }

        if (sending is not null && sending.DocumentVersion == r.Latest.Sending.DocumentVersion)
        {
            errors.Add("documentVersion", "重新送审的应是修改后的新版本，请填写新的版本", "A resubmission is of a new version: name it.");
        }

        return errors.Any ? [] : [new ReviewResubmitted(sending!)];
    }

    public static async Task<bool> RunAsync(CounselStepContext context, Guid id, ResubmitReviewInput input, CancellationToken ct)
    {
        var settings = await context.Settings.GetAsync(ct);
        var retainers = await context.Queries.RetainersAsync(ct);
        return await context.RunAsync<LegalityReview, ResubmitReviewInput, ReviewSending?>(id, input,
            (i, today, errors) => SendForReview.Read(i, today, settings, retainers, context.User.DisplayName, errors), Decide, ct);
    }
}
