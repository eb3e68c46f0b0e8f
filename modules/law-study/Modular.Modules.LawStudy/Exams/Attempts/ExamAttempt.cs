using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Exams;

internal enum AttemptState
{
    Open,
    Submitted,
}

/// <summary>Where a score stands against the exam's marks.</summary>
internal enum ScoreBand
{
    Fail,
    Pass,
    Excellent,
}

/// <summary>A question as it stands on one attempt's paper: the question copied when drawn, its options in this paper's order.</summary>
/// <param name="No">Its number on the paper, from 1.</param>
/// <param name="Correct">The correct options, by index into this paper's <paramref name="Options"/>.</param>
internal sealed record PaperQuestion(int No, Guid QuestionId, QuestionKind Kind, string Law, string Text, IReadOnlyList<string> Options,
    IReadOnlyList<int> Correct, int Points, string? Explanation);

/// <summary>The person's choice for one question, by index into the paper's options; empty when they cleared it.</summary>
internal sealed record AnswerChoice(int Question, IReadOnlyList<int> Choice);

/// <summary>
/// One attempt at an exam by one person: the paper drawn for it (questions and options shuffled, stored), the deadline
/// fixed when it started, the answers saved as the person goes (the last saved choice of each question counts), and
/// its score once submitted, by the person or at its deadline with what was saved.
/// </summary>
internal sealed class ExamAttempt
{
    public static readonly StepTable<ExamAttempt, AttemptState> Steps = new StepTable<ExamAttempt, AttemptState>(a => a.State, Label)
        .Allow(SaveAnswers.Step, AttemptState.Open)
        .Allow(SubmitAttempt.Step, AttemptState.Open);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid ExamId { get; set; }

    public Guid StaffId { get; set; }

    /// <summary>1 for the first attempt, and so on up to the exam's attempts allowed.</summary>
    public int Number { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Start plus the time limit, capped by the window's end: fixed at the start, owned by the server.</summary>
    public DateTimeOffset DeadlineAt { get; set; }

    public List<PaperQuestion> Paper { get; set; } = [];

    public MultipleScoring Scoring { get; set; }

    public int PassMark { get; set; }

    public int ExcellentMark { get; set; }

    public List<AnswerChoice> Answers { get; set; } = [];

    /// <summary>How many saves reached the attempt (a batch is one).</summary>
    public int Saves { get; set; }

    public AttemptState State { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public decimal? Score { get; set; }

    public int? CorrectCount { get; set; }

    public ScoreBand? Band { get; set; }

    /// <summary>Submitted at its deadline with what was saved, not by the person.</summary>
    public bool AutoSubmitted { get; set; }

    /// <summary>The code printed on the certificate of completion, checked on the public verification page.</summary>
    public string? VerificationCode { get; set; }

    public int Total => Paper.Sum(q => q.Points);

    public IReadOnlyList<int>? ChoiceOf(int question) => Answers.FirstOrDefault(a => a.Question == question)?.Choice;

    public static ExamAttempt Create(AttemptStarted e) => new()
    {
        Id = e.Id,
        ExamId = e.ExamId,
        StaffId = e.StaffId,
        Number = e.Number,
        StartedAt = e.StartedAt,
        DeadlineAt = e.DeadlineAt,
        Paper = [.. e.Paper],
        Scoring = e.Scoring,
        PassMark = e.PassMark,
        ExcellentMark = e.ExcellentMark,
        State = AttemptState.Open,
    };

    public void Apply(AnswersSaved e)
    {
        Saves++;
        foreach (var answer in e.Answers)
        {
            Answers.RemoveAll(a => a.Question == answer.Question);
            Answers.Add(answer);
        }

        Answers.Sort((a, b) => a.Question.CompareTo(b.Question));
    }

    public void Apply(AttemptSubmitted e)
    {
        State = AttemptState.Submitted;
        SubmittedAt = e.At;
        Score = e.Score;
        CorrectCount = e.Correct;
        Band = e.Band;
        AutoSubmitted = e.Auto;
        VerificationCode = e.VerificationCode;
    }

    public static LocalizedText Label(AttemptState state) => state switch
    {
        AttemptState.Open => new("答题中", "In progress"),
        AttemptState.Submitted => new("已交卷", "Submitted"),
        _ => new(state.ToString(), state.ToString()),
    };

    public static LocalizedText Label(ScoreBand band) => band switch
    {
        ScoreBand.Excellent => new("优秀", "Excellent"),
        ScoreBand.Pass => new("合格", "Pass"),
        ScoreBand.Fail => new("不合格", "Fail"),
        _ => new(band.ToString(), band.ToString()),
    };
}
