using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>The three kinds of question the provincial exam platforms set.</summary>
internal enum QuestionKind
{
    Single,
    Multiple,
    TrueFalse,
}

internal enum QuestionState
{
    InUse,
    Retired,
}

/// <summary>
/// A question of a law's bank (题库): its kind, stem, options, the correct options and the explanation shown after the
/// exam. Edited or retired by its own steps; a paper already drawn keeps its own copy of the question, so neither
/// changes what anyone sat (a retired question stays in old papers, it is only never drawn again).
/// </summary>
internal sealed class Question
{
    public const int MaxOptions = 6;

    /// <summary>The options of every true/false question, in this order (answer A is 正确).</summary>
    public static readonly IReadOnlyList<string> TrueFalseOptions = ["正确", "错误"];

    public static readonly StepTable<Question, QuestionState> Steps = new StepTable<Question, QuestionState>(q => q.State, Label)
        .Allow(EditQuestion.Step, QuestionState.InUse)
        .Allow(RetireQuestion.Step, QuestionState.InUse);

    public Guid Id { get; set; }

    public long Version { get; set; }

    /// <summary>The bank: the law (or regulation) the question is on, as the township names it (《中华人民共和国民法典》 → 民法典).</summary>
    public string Law { get; set; } = "";

    public QuestionKind Kind { get; set; }

    public string Text { get; set; } = "";

    public List<string> Options { get; set; } = [];

    /// <summary>The correct options, by index into <see cref="Options"/>, ascending.</summary>
    public List<int> Answer { get; set; } = [];

    public string? Explanation { get; set; }

    public QuestionState State { get; set; }

    public string? RetiredReason { get; set; }

    public static Question Create(QuestionAdded e) => new()
    {
        Id = e.Id,
        Law = e.Law,
        Kind = e.Kind,
        Text = e.Text,
        Options = [.. e.Options],
        Answer = [.. e.Answer],
        Explanation = e.Explanation,
        State = QuestionState.InUse,
    };

    public void Apply(QuestionEdited e)
    {
        Law = e.Law;
        Kind = e.Kind;
        Text = e.Text;
        Options = [.. e.Options];
        Answer = [.. e.Answer];
        Explanation = e.Explanation;
    }

    public void Apply(QuestionRetired e)
    {
        State = QuestionState.Retired;
        RetiredReason = e.Reason;
    }

    /// <summary>Option letters as papers and files show them: A, B, C…</summary>
    public static string Letters(IEnumerable<int> indexes) => string.Concat(indexes.Order().Select(i => (char)('A' + i)));

    public static LocalizedText Label(QuestionState state) => state switch
    {
        QuestionState.InUse => new("在用", "In use"),
        QuestionState.Retired => new("已停用", "Retired"),
        _ => new(state.ToString(), state.ToString()),
    };

    public static LocalizedText Label(QuestionKind kind) => kind switch
    {
        QuestionKind.Single => new("单选题", "Single choice"),
        QuestionKind.Multiple => new("多选题", "Multiple choice"),
        QuestionKind.TrueFalse => new("判断题", "True or false"),
        _ => new(kind.ToString(), kind.ToString()),
    };
}
