using System.Security.Cryptography;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// Drawing a paper and scoring it: pure functions of the exam, the banks and the answers. Each attempt draws its own
/// paper, its questions and their options shuffled by a seed of its own, so neighbours in the meeting room (or two
/// attempts of one person) rarely see the same paper in the same order; true/false options keep their order.
/// </summary>
internal static class Paper
{
    /// <summary>The paper for one attempt, part by part as the exam composes it; a part its banks can no longer fill is refused.</summary>
    public static IReadOnlyList<PaperQuestion> Draw(Exam exam, IReadOnlyList<Question> inUse, int seed, InputErrors errors)
    {
        var random = new Random(seed);
        var paper = new List<PaperQuestion>();
        foreach (var part in exam.Parts)
        {
            var pool = inUse.Where(q => q.State == QuestionState.InUse && q.Kind == part.Kind && (part.Laws.Count == 0 || part.Laws.Contains(q.Law)))
                .OrderBy(q => q.Id).ToArray();
            if (pool.Length < part.Count)
            {
                errors.Add("exam", $"题库中的{Question.Label(part.Kind).Chinese}已不足{part.Count}道，请联系考试管理员",
                    $"The banks no longer hold {part.Count} {Question.Label(part.Kind).English.ToLowerInvariant()} questions: ask the exam organiser.");
                continue;
            }

            random.Shuffle(pool);
            foreach (var question in pool.Take(part.Count))
            {
                var order = Enumerable.Range(0, question.Options.Count).ToArray();
                if (question.Kind != QuestionKind.TrueFalse)
                {
                    random.Shuffle(order);
                }

                paper.Add(new PaperQuestion(paper.Count + 1, question.Id, question.Kind, question.Law, question.Text,
                    [.. order.Select(i => question.Options[i])],
                    [.. question.Answer.Select(a => Array.IndexOf(order, a)).Order()],
                    part.Points, question.Explanation));
            }
        }

        return paper;
    }

    /// <summary>A seed for the attempt's draw, from its id: the same attempt always has the same paper.</summary>
    public static int Seed(Guid attemptId) => BitConverter.ToInt32(SHA256.HashData(attemptId.ToByteArray()), 0);

    /// <summary>The points one answer earns under the exam's rule.</summary>
    public static decimal Points(PaperQuestion question, IReadOnlyList<int>? choice, MultipleScoring scoring)
    {
        if (choice is null || choice.Count == 0)
        {
            return 0;
        }

        if (choice.Order().SequenceEqual(question.Correct))
        {
            return question.Points;
        }

        // 少选得一半分: every option chosen is correct, some correct one is missing.
        return question.Kind == QuestionKind.Multiple && scoring == MultipleScoring.HalfForPartial && choice.All(question.Correct.Contains)
            ? question.Points / 2m
            : 0;
    }

    public static (decimal Score, int Correct) Score(IReadOnlyList<PaperQuestion> paper, IReadOnlyList<AnswerChoice> answers, MultipleScoring scoring)
    {
        decimal score = 0;
        var correct = 0;
        foreach (var question in paper)
        {
            var choice = answers.FirstOrDefault(a => a.Question == question.No)?.Choice;
            var points = Points(question, choice, scoring);
            score += points;
            correct += points == question.Points ? 1 : 0;
        }

        return (score, correct);
    }

    public static ScoreBand Band(decimal score, int passMark, int excellentMark) =>
        score >= excellentMark ? ScoreBand.Excellent : score >= passMark ? ScoreBand.Pass : ScoreBand.Fail;

    /// <summary>A certificate's verification code: 12 characters people can read out (no 0/O, 1/I), in three groups.</summary>
    public static string NewVerificationCode()
    {
        var chars = RandomNumberGenerator.GetItems("23456789ABCDEFGHJKLMNPQRSTUVWXYZ".AsSpan(), 12);
        return $"{new string(chars[..4])}-{new string(chars[4..8])}-{new string(chars[8..])}";
    }

    /// <summary>The choice as letters (<c>AC</c>); parses a posted choice back, refusing letters the question does not have.</summary>
    public static IReadOnlyList<int>? ParseChoice(string field, string? letters, PaperQuestion question, InputErrors errors)
    {
        var text = (letters ?? "").Trim().ToUpperInvariant();
        var choice = text.Where(c => !char.IsWhiteSpace(c) && c != ',').Select(c => c - 'A').Distinct().Order().ToList();
        if (choice.Any(i => i < 0 || i >= question.Options.Count))
        {
            errors.Add(field, $"第{question.No}题没有这个选项", $"Question {question.No} has no such option.");
            return null;
        }

        if (question.Kind != QuestionKind.Multiple && choice.Count > 1)
        {
            errors.Add(field, $"第{question.No}题只能选一项", $"Question {question.No} takes one option.");
            return null;
        }

        return choice;
    }
}
