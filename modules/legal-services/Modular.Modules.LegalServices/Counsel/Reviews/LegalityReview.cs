using Modular.Kit.Steps;
using Modular.Modules.LegalServices.Counsel.Reviews.Steps;

namespace Modular.Modules.LegalServices.Counsel.Reviews;

/// <summary>A file sent with the materials, as the record lists it.</summary>
internal sealed record ReviewFileRef(Guid Id, int Round, string FileName, string ContentType, long Bytes);

/// <summary>One version reviewed: what was sent, to whom, and counsel's answer once given.</summary>
internal sealed class ReviewRound
{
    public int Round { get; set; }

    public ReviewSending Sending { get; set; } = default!;

    public ReviewAnswered? Answer { get; set; }

    public ChangesMade? Changes { get; set; }
}

/// <summary>
/// A document under legality review (合法性审查, 重大行政决策程序暂行条例 Arts 25–29): each version sent is a round, and
/// the latest round's answer is what the agenda gate reads. Nothing is removed (Art 33).
/// </summary>
internal sealed class LegalityReview
{
    public static readonly StepTable<LegalityReview, ReviewState> Steps = new StepTable<LegalityReview, ReviewState>(r => r.State, CounselVocabulary.Label)
        .Allow(AnswerReviewStep.Name, ReviewState.AwaitingOpinion)
        .Allow(RecordChangesStep.Name, ReviewState.ChangesRequired)
        .Allow(ResubmitReviewStep.Name, ReviewState.Lawful, ReviewState.ChangesRequired, ReviewState.Revised, ReviewState.Unlawful)
        .Allow(ReviewFiles.Step, ReviewState.AwaitingOpinion);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    public ReviewedDocumentKind Kind { get; set; }

    public string Department { get; set; } = "";

    public ReviewState State { get; set; }

    public List<ReviewRound> Rounds { get; set; } = [];

    public List<ReviewFileRef> Files { get; set; } = [];

    /// <summary>Every counsel it was ever sent to: a counsel sees the requests sent to them, earlier versions included.</summary>
    public List<string> CounselUserNames { get; set; } = [];

    public DateOnly SubmittedOn { get; set; }

    public DateOnly LastStepOn { get; set; }

    public ReviewRound Latest => Rounds[^1];

    public static LegalityReview Create(ReviewSubmitted e)
    {
        var review = new LegalityReview { Id = e.Id, Number = e.Number, Title = e.Title, Kind = e.Kind, Department = e.Department, SubmittedOn = e.Sending.SentOn };
        review.Send(e.Sending);
        return review;
    }

    public void Apply(ReviewResubmitted e) => Send(e.Sending);

    public void Apply(ReviewFileAttached e) => Files.Add(new ReviewFileRef(e.FileId, Latest.Round, e.FileName, e.ContentType, e.Bytes));

    public void Apply(ReviewAnswered e)
    {
        Latest.Answer = e;
        State = e.Opinion switch
        {
            ReviewOpinion.Lawful => ReviewState.Lawful,
            ReviewOpinion.LawfulWithChanges => ReviewState.ChangesRequired,
            _ => ReviewState.Unlawful,
        };
        LastStepOn = e.On;
    }

    public void Apply(ChangesMade e)
    {
        Latest.Changes = e;
        State = ReviewState.Revised;
        LastStepOn = e.On;
    }

    private void Send(ReviewSending sending)
    {
        Rounds.Add(new ReviewRound { Round = Rounds.Count + 1, Sending = sending });
        if (sending.CounselUserName is { } user && !CounselUserNames.Contains(user))
        {
            CounselUserNames.Add(user);
        }

        State = ReviewState.AwaitingOpinion;
        LastStepOn = sending.SentOn;
    }
}

/// <summary>The yearly counter behind review numbers (审 2020-0001).</summary>
internal sealed class ReviewNumberCounter : IYearCounter
{
    public string Id { get; set; } = "";

    public int Last { get; set; }
}
