using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Exams;

internal enum ExamState
{
    Set,
    Withdrawn,
}

/// <summary>Where an exam stands at an instant: before its window, open, or past it.</summary>
internal enum ExamPhase
{
    Upcoming,
    Open,
    Closed,
    Withdrawn,
}

/// <summary>How a multiple-choice question is scored: all or nothing (the default), or half for a correct partial choice.</summary>
internal enum MultipleScoring
{
    /// <summary>全部选对得分，少选、错选不得分.</summary>
    AllOrNothing,

    /// <summary>全部选对得满分，少选且无错选得一半分，错选不得分.</summary>
    HalfForPartial,
}

/// <summary>One part of a paper: so many questions of one kind, worth so much each, drawn from these banks (every bank when none is named).</summary>
internal sealed record ExamPart(QuestionKind Kind, int Count, int Points, IReadOnlyList<string> Laws)
{
    public int Total => Count * Points;
}

/// <summary>
/// The year's law exam (年度学法考试) as the organiser sets it: its window, the composition each attempt's paper is
/// drawn from, the time limit, how many attempts (the best counts), the pass and excellent marks, how a multiple-choice
/// question is scored, and who sits it. Every one of these is a setting of the exam: provinces and counties differ.
/// </summary>
internal sealed class Exam
{
    public static readonly StepTable<Exam, ExamState> Steps = new StepTable<Exam, ExamState>(e => e.State, Label)
        .Allow(ChangeExam.Step, ExamState.Set)
        .Allow(WithdrawExam.Step, ExamState.Set);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Title { get; set; } = "";

    public int Year { get; set; }

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    public int TimeLimitMinutes { get; set; }

    public int AttemptsAllowed { get; set; }

    public int PassMark { get; set; }

    public int ExcellentMark { get; set; }

    public MultipleScoring MultipleScoring { get; set; }

    /// <summary>Everyone on the roster sits when true; otherwise those of <see cref="Departments"/>.</summary>
    public bool AllStaff { get; set; }

    public List<string> Departments { get; set; } = [];

    public List<ExamPart> Parts { get; set; } = [];

    public ExamState State { get; set; }

    public string? WithdrawnReason { get; set; }

    public int Total => Parts.Sum(p => p.Total);

    public ExamPhase PhaseAt(DateTimeOffset now) =>
        State == ExamState.Withdrawn ? ExamPhase.Withdrawn : now < OpensAt ? ExamPhase.Upcoming : now < ClosesAt ? ExamPhase.Open : ExamPhase.Closed;

    /// <summary>Whether the person sits this exam: on the roster when the window opens (or joined during it), in a department it names.</summary>
    public bool IsSatBy(Staff.StaffMember member) =>
        (member.OnRosterOn(Kit.TownshipTime.DayOf(OpensAt)) || member.OnRosterOn(Kit.TownshipTime.DayOf(ClosesAt)))
        && (AllStaff || Departments.Contains(member.Department));

    public static Exam Create(ExamSet e)
    {
        var exam = new Exam { Id = e.Id, State = ExamState.Set };
        exam.Take(e.Details);
        return exam;
    }

    public void Apply(ExamChanged e) => Take(e.Details);

    public void Apply(ExamWithdrawn e)
    {
        State = ExamState.Withdrawn;
        WithdrawnReason = e.Reason;
    }

    public ExamDetails Details() =>
        new(Title, Year, OpensAt, ClosesAt, TimeLimitMinutes, AttemptsAllowed, PassMark, ExcellentMark, MultipleScoring, AllStaff, Departments, Parts);

    private void Take(ExamDetails d)
    {
        Title = d.Title;
        Year = d.Year;
        OpensAt = d.OpensAt;
        ClosesAt = d.ClosesAt;
        TimeLimitMinutes = d.TimeLimitMinutes;
        AttemptsAllowed = d.AttemptsAllowed;
        PassMark = d.PassMark;
        ExcellentMark = d.ExcellentMark;
        MultipleScoring = d.MultipleScoring;
        AllStaff = d.AllStaff;
        Departments = [.. d.Departments];
        Parts = [.. d.Parts];
    }

    public static LocalizedText Label(ExamState state) => state switch
    {
        ExamState.Set => new("已发布", "Set"),
        ExamState.Withdrawn => new("已撤销", "Withdrawn"),
        _ => new(state.ToString(), state.ToString()),
    };

    public static LocalizedText Label(ExamPhase phase) => phase switch
    {
        ExamPhase.Upcoming => new("未开始", "Not open yet"),
        ExamPhase.Open => new("进行中", "Open"),
        ExamPhase.Closed => new("已结束", "Closed"),
        ExamPhase.Withdrawn => new("已撤销", "Withdrawn"),
        _ => new(phase.ToString(), phase.ToString()),
    };

    public static LocalizedText Label(MultipleScoring scoring) => scoring switch
    {
        MultipleScoring.AllOrNothing => new("多选题全部选对才得分", "Multiple choice: all correct options or nothing"),
        MultipleScoring.HalfForPartial => new("多选题少选得一半分，错选不得分", "Multiple choice: half for a correct partial choice, nothing for a wrong option"),
        _ => new(scoring.ToString(), scoring.ToString()),
    };
}
