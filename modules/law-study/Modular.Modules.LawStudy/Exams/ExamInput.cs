using Modular.Kit.Input;
using Modular.Kit.Time;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>One part of the composition as posted: <c>{kind, count, points, laws}</c> (no laws: every bank).</summary>
internal sealed class ExamPartInput
{
    public string? Kind { get; set; }

    public int? Count { get; set; }

    public int? Points { get; set; }

    public List<string?>? Laws { get; set; }
}

/// <summary>An exam as the API and the form post it. Times are the township's wall clock (<c>2020-11-02T08:00</c>) or ISO instants.</summary>
internal class ExamInput
{
    public string? Title { get; set; }

    public int? Year { get; set; }

    public string? OpensAt { get; set; }

    public string? ClosesAt { get; set; }

    public int? TimeLimitMinutes { get; set; }

    public int? AttemptsAllowed { get; set; }

    public int? PassMark { get; set; }

    public int? ExcellentMark { get; set; }

    /// <summary><c>AllOrNothing</c> (the default) or <c>HalfForPartial</c>.</summary>
    public string? MultipleScoring { get; set; }

    /// <summary>Empty (or none): everyone on the roster sits; otherwise only these departments.</summary>
    public List<string?>? Departments { get; set; }

    public List<ExamPartInput?>? Parts { get; set; }
}

/// <summary>What the decision of an exam checks against: the banks in use and the roster's departments, as they stand now.</summary>
internal sealed record ExamContext(DateTimeOffset Now, IReadOnlyList<BankView> Banks, IReadOnlyList<string> Departments);

/// <summary>Reading an exam: every problem at once, the composition checked against the banks.</summary>
internal static class ExamReading
{
    public const int MaxMinutes = 300;
    public const int MaxAttempts = 10;

    public static ExamDetails? Read(ExamInput input, ExamContext context, InputErrors errors)
    {
        var title = errors.Required("title", input.Title, "考试名称", "Title", 200);
        var year = errors.Number("year", input.Year, "考试年度", "Year", 2000, 2100);
        // The window is in the future: the kit's reader refuses future instants, so "now" is put past every instant here.
        var opensAt = errors.Instant("opensAt", input.OpensAt, "开考时间", "Opens at", DateTimeOffset.MaxValue);
        var closesAt = errors.Instant("closesAt", input.ClosesAt, "截止时间", "Closes at", DateTimeOffset.MaxValue);
        if (opensAt is { } o && closesAt is { } c)
        {
            if (c <= o)
            {
                errors.Add("closesAt", "截止时间应晚于开考时间", "The exam must close after it opens.");
            }
            else if (c <= context.Now)
            {
                errors.Add("closesAt", "截止时间已过", "The closing time has passed.");
            }
        }

        var minutes = errors.Number("timeLimitMinutes", input.TimeLimitMinutes, "答题时限（分钟）", "Time limit (minutes)", 5, MaxMinutes);
        var attempts = errors.Number("attemptsAllowed", input.AttemptsAllowed, "允许考试次数", "Attempts allowed", 1, MaxAttempts);
        var scoring = string.IsNullOrWhiteSpace(input.MultipleScoring)
            ? Exams.MultipleScoring.AllOrNothing
            : errors.Choice<MultipleScoring>("multipleScoring", input.MultipleScoring, "多选题计分方式", "multiple-choice scoring");
        var departments = Departments(input.Departments, context, errors);
        var parts = Parts(input.Parts, context, errors);
        var total = parts?.Sum(p => p.Total) ?? 0;
        var pass = errors.Number("passMark", input.PassMark, "合格分数线", "Pass mark", 1, Math.Max(total, 1));
        var excellent = errors.Number("excellentMark", input.ExcellentMark, "优秀分数线", "Excellent mark", 1, Math.Max(total, 1));
        if (pass is { } p && excellent is { } x && x < p)
        {
            errors.Add("excellentMark", "优秀分数线不能低于合格分数线", "The excellent mark cannot be below the pass mark.");
        }

        return errors.Any
            ? null
            : new ExamDetails(title!, year!.Value, opensAt!.Value, closesAt!.Value, minutes!.Value, attempts!.Value, pass!.Value, excellent!.Value,
                scoring!.Value, departments!.Count == 0, departments, parts!);
    }

    private static List<string>? Departments(List<string?>? given, ExamContext context, InputErrors errors)
    {
        var departments = new List<string>();
        var refused = false;
        foreach (var (d, i) in (given ?? []).Select((d, i) => (d, i)))
        {
            var name = errors.Optional($"departments[{i}]", d, "参考部门", "Department", 100);
            if (name is null)
            {
                continue;
            }

            if (!context.Departments.Contains(name))
            {
                refused = true;
                errors.Add($"departments[{i}]", $"花名册中没有“{name}”", $"No one on the roster is in “{name}”.");
            }
            else if (!departments.Contains(name))
            {
                departments.Add(name);
            }
        }

        return refused ? null : departments;
    }

    private static List<ExamPart>? Parts(List<ExamPartInput?>? given, ExamContext context, InputErrors errors)
    {
        var parts = new List<ExamPart>();
        var posted = (given ?? []).Where(p => p is not null && (p.Count ?? 0) > 0).Select(p => p!).ToList();
        if (posted.Count == 0)
        {
            errors.Add("parts", "请设置试卷构成（题型、题量、每题分值）", "Set the paper's composition (kind, number of questions, points each).");
            return null;
        }

        for (var i = 0; i < posted.Count; i++)
        {
            var part = posted[i];
            var kind = errors.Choice<QuestionKind>($"parts[{i}].kind", QuestionDetails.KindName(part.Kind), "题型", "kind");
            var count = errors.Number($"parts[{i}].count", part.Count, "题量", "Number of questions", 1, 200);
            var points = errors.Number($"parts[{i}].points", part.Points, "每题分值", "Points each", 1, 20);
            var laws = (part.Laws ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim()).Distinct().ToList();
            foreach (var law in laws.Where(l => context.Banks.All(b => b.Law != l)))
            {
                errors.Add($"parts[{i}].laws", $"没有“{law}”的题库", $"There is no bank for “{law}”.");
            }

            if (kind is { } k && parts.Any(p => p.Kind == k))
            {
                errors.Add($"parts[{i}].kind", "每种题型只设一个部分", "Each kind of question has one part.");
            }

            if (kind is { } kk && count is { } n && !errors.Has($"parts[{i}].laws"))
            {
                var available = context.Banks.Where(b => laws.Count == 0 || laws.Contains(b.Law)).Sum(b => b.Count(kk));
                if (available < n)
                {
                    errors.Add($"parts[{i}].count", $"所选题库只有{available}道在用的{Question.Label(kk).Chinese}，不足{n}道",
                        $"The chosen banks hold {available} {Question.Label(kk).English.ToLowerInvariant()} questions in use, fewer than {n}.");
                }
            }

            if (kind is not null && count is not null && points is not null)
            {
                parts.Add(new ExamPart(kind.Value, count.Value, points.Value, laws));
            }
        }

        return errors.Any ? null : parts;
    }
}
