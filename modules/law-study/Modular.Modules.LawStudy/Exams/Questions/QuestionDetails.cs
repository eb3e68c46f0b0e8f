using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// A question as the API, the form and a file row give it: text only, so junk is a field error. <c>answer</c> is the
/// correct options' letters (<c>B</c>, <c>ACD</c>); a true/false question's is 正确 or 错误 (对/错, √/×, A/B alike).
/// </summary>
internal class QuestionInput
{
    public string? Law { get; set; }

    public string? Kind { get; set; }

    public string? Text { get; set; }

    public List<string?>? Options { get; set; }

    public string? Answer { get; set; }

    public string? Explanation { get; set; }
}

/// <summary>A question read and checked: what <see cref="QuestionAdded"/> and <see cref="QuestionEdited"/> carry.</summary>
internal sealed record QuestionDetails(string Law, QuestionKind Kind, string Text, IReadOnlyList<string> Options, IReadOnlyList<int> Answer, string? Explanation)
{
    private static readonly string[] True = ["正确", "对", "√", "是", "A", "T", "TRUE", "Y"];
    private static readonly string[] False = ["错误", "错", "×", "否", "B", "F", "FALSE", "N"];

    /// <summary>Every problem of the question at once, each under its field (<c>options[2]</c> names an option).</summary>
    public static QuestionDetails? Read(QuestionInput input, InputErrors errors)
    {
        var law = errors.Required("law", input.Law, "所属法律（题库）", "Law (bank)", 100);
        var kind = errors.Choice<QuestionKind>("kind", KindName(input.Kind), "题型", "kind");
        var text = errors.Required("text", input.Text, "题干", "Question", 2000);
        var explanation = errors.Optional("explanation", input.Explanation, "解析", "Explanation", 2000);
        var options = ReadOptions(input.Options, kind, errors);
        var answer = kind is { } k && options is not null ? ReadAnswer(input.Answer, k, options.Count, errors) : null;
        return errors.Any ? null : new QuestionDetails(law!, kind!.Value, text!, options!, answer!, explanation);
    }

    /// <summary>The kind by its name or as a paper writes it (单选题, 多选, 判断…).</summary>
    public static string? KindName(string? text) => text?.Trim() switch
    {
        "单选" or "单选题" or "单项选择题" => nameof(QuestionKind.Single),
        "多选" or "多选题" or "多项选择题" => nameof(QuestionKind.Multiple),
        "判断" or "判断题" => nameof(QuestionKind.TrueFalse),
        var other => other,
    };

    private static List<string>? ReadOptions(List<string?>? given, QuestionKind? kind, InputErrors errors)
    {
        if (kind == QuestionKind.TrueFalse)
        {
            return [.. Question.TrueFalseOptions];
        }

        // Blank options at the end are the unused columns of a file or a form; a blank between two options is a slip.
        var options = (given ?? []).ToList();
        while (options.Count > 0 && string.IsNullOrWhiteSpace(options[^1]))
        {
            options.RemoveAt(options.Count - 1);
        }

        var read = new List<string>();
        for (var i = 0; i < options.Count; i++)
        {
            read.Add(errors.Required($"options[{i}]", options[i], $"选项{(char)('A' + i)}", $"Option {(char)('A' + i)}", 500) ?? "");
        }

        var least = kind == QuestionKind.Multiple ? 3 : 2;
        if (kind is not null && (read.Count < least || read.Count > Question.MaxOptions))
        {
            errors.Add("options", $"{Question.Label(kind.Value).Chinese}应有{least}至{Question.MaxOptions}个选项", $"A {Question.Label(kind.Value).English.ToLowerInvariant()} question has {least} to {Question.MaxOptions} options.");
        }

        if (read.Where(o => o.Length > 0).GroupBy(o => o, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add("options", "选项不能重复", "Two options are the same.");
        }

        return read;
    }

    private static List<int>? ReadAnswer(string? given, QuestionKind kind, int optionCount, InputErrors errors)
    {
        var text = (given ?? "").Trim().ToUpperInvariant();
        if (kind == QuestionKind.TrueFalse)
        {
            if (True.Contains(text))
            {
                return [0];
            }

            if (False.Contains(text))
            {
                return [1];
            }

            errors.Add("answer", "判断题的答案应为“正确”或“错误”", "A true/false answer is 正确 (true) or 错误 (false).");
            return null;
        }

        var letters = text.Where(c => !char.IsWhiteSpace(c) && c is not (',' or '，' or '、')).ToList();
        var indexes = letters.Select(c => c - 'A').ToList();
        if (letters.Count == 0)
        {
            errors.Add("answer", "请填写正确答案的选项字母", "Give the letters of the correct options.");
            return null;
        }

        if (indexes.Any(i => i < 0 || i >= optionCount) || indexes.Distinct().Count() != indexes.Count)
        {
            errors.Add("answer", $"答案应为 A 至 {(char)('A' + Math.Max(optionCount - 1, 0))} 的字母，不重复", $"The answer is letters A to {(char)('A' + Math.Max(optionCount - 1, 0))}, each once.");
            return null;
        }

        if (kind == QuestionKind.Single && indexes.Count != 1)
        {
            errors.Add("answer", "单选题只有一个正确答案", "A single-choice question has one correct option.");
            return null;
        }

        if (kind == QuestionKind.Multiple && indexes.Count < 2)
        {
            errors.Add("answer", "多选题至少有两个正确答案", "A multiple-choice question has at least two correct options.");
            return null;
        }

        return [.. indexes.Order()];
    }
}
