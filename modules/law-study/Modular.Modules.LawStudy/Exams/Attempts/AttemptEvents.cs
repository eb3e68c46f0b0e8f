namespace Modular.Modules.LawStudy.Exams;

// An attempt's history, aliased in ExamsArea (law-study.<event>.v1).

/// <summary>The person started an attempt: the paper drawn for it, the deadline fixed, the exam's scoring rules copied.</summary>
internal sealed record AttemptStarted(
    Guid Id, Guid ExamId, Guid StaffId, int Number, DateTimeOffset StartedAt, DateTimeOffset DeadlineAt, IReadOnlyList<PaperQuestion> Paper,
    MultipleScoring Scoring, int PassMark, int ExcellentMark);

/// <summary>Answers reached the server (one question or a batch); for each question the last saved choice counts.</summary>
internal sealed record AnswersSaved(DateTimeOffset At, IReadOnlyList<AnswerChoice> Answers);

/// <summary>The attempt was scored: submitted by the person, or at its deadline with what was saved (<paramref name="Auto"/>).</summary>
internal sealed record AttemptSubmitted(DateTimeOffset At, decimal Score, int Correct, ScoreBand Band, bool Auto, string VerificationCode);
