using Modular.Contracts.Time;
using Modular.Modules.LegalServices.Counsel;
using Modular.Modules.LegalServices.Counsel.Reviews;

namespace Modular.Modules.LegalServices.UnitTests.Counsel;

/// <summary>Review requests in each state, built by applying their events as the inline projection does.</summary>
internal static class Reviews
{
    public static readonly DateOnly SentOn = new(2024, 3, 1);
    public const string CounselUser = "wu";

    public static ReviewSending Sending(string version = "送审稿") =>
        new(version, "民法典", null, ["送审稿"], Guid.NewGuid(), "伍猛麟", CounselUser, SentOn, null, 7, PeriodUnit.WorkingDays, "司法所");

    public static LegalityReview Awaiting(ReviewedDocumentKind kind = ReviewedDocumentKind.Contract) =>
        LegalityReview.Create(new ReviewSubmitted(Guid.NewGuid(), "2024-0001", "某合同", kind, "经发办", Sending()));

    public static LegalityReview Answered(ReviewOpinion opinion)
    {
        var r = Awaiting();
        r.Apply(new ReviewAnswered(opinion, AspectFinding.Conforms, AspectFinding.Conforms, opinion == ReviewOpinion.Unlawful ? AspectFinding.DoesNotConform : AspectFinding.Conforms,
            "意见", opinion == ReviewOpinion.LawfulWithChanges ? "改" : null, "送审稿", SentOn.AddDays(10), "伍猛麟"));
        return r;
    }

    public static LegalityReview Revised()
    {
        var r = Answered(ReviewOpinion.LawfulWithChanges);
        r.Apply(new ChangesMade("已改", SentOn.AddDays(12), "司法所"));
        return r;
    }
}
