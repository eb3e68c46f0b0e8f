using Modular.Kit.Input;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// The demo township's 2020 exam (野马川镇): a bank of questions on the laws its staff studied, one annual exam
/// (20 single × 2 + 10 multiple × 4 + 10 true/false × 2 = 100 points, 60 minutes, 3 attempts, pass 60, excellent 90)
/// sat by all 38 on the roster in November 2020, through the exam's own steps at 2020's instants. Who answers what is
/// a fixed function of the person and the question's number, so the scores are the same on every run whatever paper is
/// drawn; seven people fail their first attempt and sit a second time. Adds nothing once an exam exists.
/// </summary>
internal sealed class ExamDemo(IQuerySession query, AddQuestion add, SetExam set, StartAttempt start, AttemptWriter writer, StaffRoster roster) : IDemoData
{
    public const string Title = "2020年度野马川镇工作人员学法考试";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    public static readonly DateTimeOffset SetAt = new(2020, 10, 26, 10, 0, 0, Beijing);
    public static readonly DateTimeOffset OpensAt = new(2020, 11, 2, 8, 0, 0, Beijing);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await query.Query<Exam>().AnyAsync(cancellationToken))
        {
            return;
        }

        if (!await query.Query<Question>().AnyAsync(cancellationToken))
        {
            foreach (var q in ExamDemoQuestions.All)
            {
                await add.AddAsync(new QuestionInput { Law = q.Law, Kind = q.Kind.ToString(), Text = q.Text, Options = [.. q.Options], Answer = q.Answer, Explanation = q.Explanation }, cancellationToken);
            }
        }

        var examId = await set.SetAsync(new ExamInput
        {
            Title = Title,
            Year = 2020,
            OpensAt = "2020-11-02T08:00",
            ClosesAt = "2020-11-20T18:00",
            TimeLimitMinutes = 60,
            AttemptsAllowed = 3,
            PassMark = 60,
            ExcellentMark = 90,
            Parts =
            [
                new() { Kind = nameof(QuestionKind.Single), Count = 20, Points = 2 },
                new() { Kind = nameof(QuestionKind.Multiple), Count = 10, Points = 4 },
                new() { Kind = nameof(QuestionKind.TrueFalse), Count = 10, Points = 2 },
            ],
        }, SetAt, cancellationToken);

        var members = await roster.MembersAsync(new StaffFilter(), cancellationToken);
        var serial = 0;
        foreach (var name in StaffDemo.Offices.SelectMany(o => o.Names))
        {
            var i = serial++;
            if (members.FirstOrDefault(m => m.Name == name) is not { } member)
            {
                continue;
            }

            // Each person sits on a working morning of the window; a few are unprepared the first time.
            var at = OpensAt.AddHours(24 * (i % 12) + 1).AddMinutes(i * 7);
            var skill = i % 9 == 4 ? 40 : 60 + (i * 37 % 39);
            if (await SitAsync(examId, member, i, 1, skill, at, cancellationToken) == ScoreBand.Fail)
            {
                await SitAsync(examId, member, i, 2, 85, at.AddHours(26), cancellationToken);
            }
        }
    }

    private async Task<ScoreBand?> SitAsync(Guid examId, StaffMember member, int person, int number, int skill, DateTimeOffset at, CancellationToken ct)
    {
        if (await start.StartAsync(examId, member, at, ct) is not { } id || await query.LoadAsync<ExamAttempt>(id, ct) is not { } attempt)
        {
            return null;
        }

        // Saved a batch at a time as the person goes, then submitted well within the hour.
        var batches = attempt.Paper.Chunk(10).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            var input = new SaveAnswersInput
            {
                Answers = [.. batches[b].Select(q => new AnswerInput { Question = q.No, Choice = Question.Letters(Choose(q, Knows(person, number, q.No, skill))) })],
            };
            var savedAt = at.AddMinutes(6 * (b + 1));
            await writer.WriteAsync(id, a => SaveAnswers.Decide(a, input, savedAt, new InputErrors()), ct);
        }

        var submittedAt = at.AddMinutes(6 * batches.Count + 5);
        await writer.WriteAsync(id, a => SubmitAttempt.Decide(a, submittedAt, Paper.NewVerificationCode()), ct);
        return (await query.LoadAsync<ExamAttempt>(id, ct))?.Band;
    }

    private static bool Knows(int person, int number, int question, int skill) =>
        (uint)((person + 1) * 2654435761u ^ (uint)(question * 40503 + number * 97)) % 100 < skill;

    // A wrong answer: another option, or for a multiple-choice question one correct option left out.
    private static IReadOnlyList<int> Choose(PaperQuestion q, bool knows) =>
        knows ? q.Correct
        : q.Kind == QuestionKind.Multiple ? q.Correct.Take(q.Correct.Count - 1).ToList()
        : [Enumerable.Range(0, q.Options.Count).First(o => !q.Correct.Contains(o))];
}
