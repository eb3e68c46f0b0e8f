namespace Modular.Modules.LawStudy.Exams;

// An exam's history, aliased in ExamsArea (law-study.<event>.v1).

/// <summary>Everything an exam is set with; carried whole by <see cref="ExamSet"/> and <see cref="ExamChanged"/>.</summary>
internal sealed record ExamDetails(
    string Title,
    int Year,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int TimeLimitMinutes,
    int AttemptsAllowed,
    int PassMark,
    int ExcellentMark,
    MultipleScoring MultipleScoring,
    bool AllStaff,
    IReadOnlyList<string> Departments,
    IReadOnlyList<ExamPart> Parts);

/// <summary>The organiser set an exam: its window, composition, limits and marks, and who sits it.</summary>
internal sealed record ExamSet(Guid Id, ExamDetails Details);

/// <summary>The exam was changed before anyone started it: the whole exam as it now stands.</summary>
internal sealed record ExamChanged(ExamDetails Details);

/// <summary>The exam was withdrawn (撤销); attempts already made stay on the record, it counts in no figure.</summary>
internal sealed record ExamWithdrawn(string Reason);
