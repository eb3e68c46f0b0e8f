using System.Text;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Modules.LawStudy.Exams;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.UnitTests.Exams;

/// <summary>The exam's pure decisions: questions read, compositions checked, papers drawn and scored, the deadline and the attempts allowed.</summary>
public sealed class ExamDecisionTests
{
    private static readonly DateTimeOffset Now = new(2020, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static Question Q(QuestionKind kind, int i, string law = "民法典") => Question.Create(new QuestionAdded(
        Guid.NewGuid(), law, kind, $"题{i}", kind == QuestionKind.TrueFalse ? Question.TrueFalseOptions : ["甲", "乙", "丙", "丁"],
        kind switch { QuestionKind.Single => [1], QuestionKind.Multiple => [0, 2], _ => [0] }, null, false));

    private static List<Question> Bank(int each) =>
        [.. Enumerable.Range(0, each).SelectMany(i => new[] { Q(QuestionKind.Single, i), Q(QuestionKind.Multiple, i), Q(QuestionKind.TrueFalse, i) })];

    private static Exam ExamOf(MultipleScoring scoring = MultipleScoring.AllOrNothing, int attempts = 3, int minutes = 60) => Exam.Create(new ExamSet(Guid.NewGuid(), new ExamDetails(
        "学法考试", 2020, Now.AddHours(-1), Now.AddHours(10), minutes, attempts, 6, 9, scoring, true, [],
        [new ExamPart(QuestionKind.Single, 4, 1, []), new ExamPart(QuestionKind.Multiple, 2, 2, []), new ExamPart(QuestionKind.TrueFalse, 2, 1, [])])));

    private static StaffMember Member(string department = "司法所") =>
        StaffMember.Create(new StaffMemberRegistered(Guid.NewGuid(), "许婧", department, "司法助理员", false, "xujing", null, null, new DateOnly(2020, 1, 2)));

    [Fact]
    public void A_question_names_every_problem_at_once()
    {
        var errors = new InputErrors();
        Assert.Null(QuestionDetails.Read(new QuestionInput { Kind = "多选题", Text = "", Options = ["甲", "甲"], Answer = "Z" }, errors));
        var fields = errors.ToDictionary().Keys;
        Assert.Contains("law", fields);
        Assert.Contains("text", fields);
        Assert.Contains("options", fields);
        Assert.Contains("answer", fields);
    }

    [Theory]
    [InlineData("对", 0)]
    [InlineData("×", 1)]
    [InlineData("错误", 1)]
    public void A_true_false_answer_reads_as_Windows_users_write_it(string answer, int index)
    {
        var read = QuestionDetails.Read(new QuestionInput { Law = "宪法", Kind = "判断题", Text = "宪法日是12月4日", Answer = answer }, new InputErrors());
        Assert.Equal([index], read!.Answer);
        Assert.Equal(Question.TrueFalseOptions, read.Options);
    }

    [Fact]
    public void A_composition_the_banks_cannot_fill_is_refused_naming_the_part()
    {
        var errors = new InputErrors();
        var banks = new[] { new BankView("民法典", 3, 2, 2, 0) };
        // Jining's 2023 rules: 60 minutes, pass 80; a make-up window in December.
        var input = new ExamInput
        {
            Title = "补考",
            Year = 2020,
            OpensAt = "2020-12-01T08:00",
            ClosesAt = "2020-12-05T18:00",
            TimeLimitMinutes = 60,
            AttemptsAllowed = 1,
            PassMark = 80,
            ExcellentMark = 95,
            Parts = [new() { Kind = "Single", Count = 40, Points = 1 }, new() { Kind = "Multiple", Count = 20, Points = 2, Laws = ["刑法"] }],
        };
        Assert.Null(ExamReading.Read(input, new ExamContext(Now, banks, []), errors));
        var all = errors.ToDictionary();
        Assert.Contains("不足40道", all["parts[0].count"][0]);
        Assert.True(all.ContainsKey("parts[1].laws"));
    }

    [Fact]
    public void Each_attempt_draws_its_own_shuffled_paper_whose_answers_follow_their_options()
    {
        var exam = ExamOf();
        var bank = Bank(10);
        var one = Paper.Draw(exam, bank, 1, new InputErrors());
        var two = Paper.Draw(exam, bank, 2, new InputErrors());
        Assert.Equal(8, one.Count);
        Assert.NotEqual(one.Select(q => q.QuestionId), two.Select(q => q.QuestionId));
        Assert.Equal(one.Select(q => q.QuestionId), Paper.Draw(exam, bank, 1, new InputErrors()).Select(q => q.QuestionId));
        foreach (var q in one)
        {
            var original = bank.Single(b => b.Id == q.QuestionId);
            Assert.Equal(original.Answer.Select(a => original.Options[a]).Order(), q.Correct.Select(c => q.Options[c]).Order());
            if (q.Kind == QuestionKind.TrueFalse)
            {
                Assert.Equal(Question.TrueFalseOptions, q.Options);
            }
        }

        var errors = new InputErrors();
        Paper.Draw(exam, Bank(1), 1, errors);
        Assert.True(errors.Has("exam"));
    }

    [Fact]
    public void A_partial_multiple_choice_earns_half_only_under_that_rule_and_a_wrong_option_earns_nothing()
    {
        var q = new PaperQuestion(1, Guid.NewGuid(), QuestionKind.Multiple, "民法典", "题", ["甲", "乙", "丙", "丁"], [0, 2], 4, null);
        Assert.Equal(4m, Paper.Points(q, [2, 0], MultipleScoring.AllOrNothing));
        Assert.Equal(0m, Paper.Points(q, [0], MultipleScoring.AllOrNothing));
        Assert.Equal(2m, Paper.Points(q, [0], MultipleScoring.HalfForPartial));
        Assert.Equal(0m, Paper.Points(q, [0, 1], MultipleScoring.HalfForPartial));
        Assert.Equal(0m, Paper.Points(q, [], MultipleScoring.HalfForPartial));
    }

    private static ExamAttempt Started(Exam exam, StaffMember member, DateTimeOffset at)
    {
        var errors = new InputErrors();
        var started = StartAttempt.Decide(exam, member, [], Bank(5), at, errors);
        Assert.False(errors.Any);
        return ExamAttempt.Create(started!);
    }

    [Fact]
    public void The_deadline_is_start_plus_the_limit_capped_by_the_window_and_an_answer_after_it_is_refused()
    {
        var exam = ExamOf(minutes: 60);
        var attempt = Started(exam, Member(), Now);
        Assert.Equal(Now.AddMinutes(60), attempt.DeadlineAt);
        Assert.Equal(exam.ClosesAt, Started(exam, Member(), exam.ClosesAt.AddMinutes(-10)).DeadlineAt);

        var errors = new InputErrors();
        var saved = SaveAnswers.Decide(attempt, new SaveAnswersInput { Answers = [new() { Question = 1, Choice = "A" }] }, attempt.DeadlineAt, errors);
        Assert.Empty(saved);
        Assert.Contains("答题时间已到", errors.ToDictionary()["deadline"][0]);

        attempt.Apply((AnswersSaved)SaveAnswers.Decide(attempt, new SaveAnswersInput { Answers = [new() { Question = 1, Choice = "B" }] }, Now.AddMinutes(5), new InputErrors())[0]);
        var late = Assert.IsType<AttemptSubmitted>(Assert.Single(SubmitAttempt.Decide(attempt, attempt.DeadlineAt.AddMinutes(3), "2345-6789-ABCD")));
        Assert.True(late.Auto);
        Assert.Equal(attempt.DeadlineAt, late.At);
    }

    [Fact]
    public void Saving_the_same_choice_again_changes_nothing_and_a_letter_the_question_lacks_is_refused()
    {
        var attempt = Started(ExamOf(), Member(), Now);
        var first = SaveAnswers.Decide(attempt, new SaveAnswersInput { Answers = [new() { Question = 1, Choice = "b" }] }, Now, new InputErrors());
        attempt.Apply((AnswersSaved)first[0]);
        Assert.Empty(SaveAnswers.Decide(attempt, new SaveAnswersInput { Answers = [new() { Question = 1, Choice = "B" }] }, Now, new InputErrors()));
        var errors = new InputErrors();
        SaveAnswers.Decide(attempt, new SaveAnswersInput { Answers = [new() { Question = 1, Choice = "H" }, new() { Question = 99, Choice = "A" }] }, Now, errors);
        Assert.True(errors.Has("answers[0].choice"));
        Assert.True(errors.Has("answers[1].question"));
    }

    [Fact]
    public void The_attempts_allowed_are_counted_and_someone_outside_the_departments_does_not_sit()
    {
        var exam = ExamOf(attempts: 1);
        var member = Member();
        var used = Started(exam, member, Now);
        var errors = new InputErrors();
        Assert.Null(StartAttempt.Decide(exam, member, [used], Bank(5), Now, errors));
        Assert.True(errors.Has("attempts"));

        exam.AllStaff = false;
        exam.Departments = ["党政办公室"];
        errors = new InputErrors();
        Assert.Null(StartAttempt.Decide(exam, member, [], Bank(5), Now, errors));
        Assert.True(errors.Has("exam"));
    }

    [Fact]
    public void Results_take_the_best_attempt_and_rank_departments_by_their_average()
    {
        var exam = ExamOf();
        var good = Member("司法所");
        var poor = Member("财政所");
        var absent = Member("财政所");
        ExamAttempt Scored(StaffMember m, decimal score)
        {
            var a = Started(exam, m, Now);
            a.Apply(new AttemptSubmitted(Now, score, 0, Paper.Band(score, exam.PassMark, exam.ExcellentMark), false, "2345-6789-ABCD"));
            return a;
        }

        var results = ExamResults.Compute(exam, [good, poor, absent], [Scored(good, 4), Scored(good, 10), Scored(poor, 5)]);
        Assert.Equal(3, results.Sitters);
        Assert.Equal(2, results.Sat);
        Assert.Equal(1, results.NotSat);
        Assert.Equal(10m, results.People[0].Best);
        Assert.Equal("司法所", results.Departments[0].Department);
        Assert.Equal(50m, results.PassRate);
    }

    [Fact]
    public void A_CSV_is_read_whether_Windows_saved_it_as_GBK_or_as_UTF8_with_a_mark()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "题库（法律）,题干\r\n民法典,\"第一条，立法目的\"\r\n";
        foreach (var bytes in new[] { Encoding.GetEncoding(936).GetBytes(text), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], Encoding.UTF8.GetBytes(text) })
        {
            var (rows, errors) = CsvLedger.Read(bytes, ["题库（法律）", "题干"], 10);
            Assert.Empty(errors);
            Assert.Equal("第一条，立法目的", Assert.Single(rows)["题干"]);
            Assert.Equal(2, rows[0].Number);
        }

        Assert.NotEmpty(CsvLedger.Read([0x89, 0x50, 0x4E, 0x47, 0, 0], ["题干"], 10).Errors);
    }
}
