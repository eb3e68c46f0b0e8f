using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Modular.Testing;
using static Modular.Modules.LawStudy.Tests.Exams.ExamScenario;

namespace Modular.Modules.LawStudy.Tests.Exams;

/// <summary>Sitting the exam through the API: the server's paper and clock, saves that survive a reload, races, the deadline, the best of attempts.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class ExamSittingTests(LawStudyPlatform platform)
{
    [Fact]
    public async Task A_staff_member_sits_the_exam_loses_nothing_on_a_reload_is_scored_and_gets_a_certificate_anyone_can_check()
    {
        var t = await TownshipAsync(platform);
        await BankAsync(t, "民法典", 5);
        var examId = await SetExamAsync(t, Exam(platform.Clock.GetUtcNow()));
        var (sitter, _, _) = await SitterAsync(platform, t, "何军");

        var attempt = await StartAsync(sitter, t, examId);
        var id = attempt.GetProperty("id").GetGuid();
        var questions = attempt.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(8, questions.Count);
        Assert.All(questions, q => Assert.Equal(JsonValueKind.Null, q.GetProperty("correct").ValueKind));
        Assert.True(attempt.GetProperty("remainingSeconds").GetInt32() > 0);

        var half = questions.Take(4).Select(q => (q.GetProperty("no").GetInt32(), RightChoice(q))).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(sitter, t, id, half)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(sitter, t, id, half)).StatusCode); // the same save again changes nothing

        // A reload (or a start pressed again) gives the same paper with what was saved, and the time left.
        var again = await StartAsync(sitter, t, examId);
        Assert.Equal(id, again.GetProperty("id").GetGuid());
        var reloaded = await sitter.GetFromJsonAsync<JsonElement>($"{t.Api}/attempts/{id}");
        Assert.Equal(4, reloaded.GetProperty("answered").GetInt32());
        Assert.Equal(half.Select(h => h.Item2), reloaded.GetProperty("questions").EnumerateArray().Take(4).Select(q => q.GetProperty("chosen").GetString()));

        var rest = questions.Skip(4).Select(q => (q.GetProperty("no").GetInt32(), RightChoice(q))).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(sitter, t, id, rest)).StatusCode);
        var submitted = await (await sitter.PostAsync($"{t.Api}/attempts/{id}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", submitted.GetProperty("state").GetString());
        Assert.Equal(12m, submitted.GetProperty("score").GetDecimal());
        Assert.Equal("Excellent", submitted.GetProperty("band").GetString());
        Assert.False(submitted.GetProperty("autoSubmitted").GetBoolean());
        var twice = await (await sitter.PostAsync($"{t.Api}/attempts/{id}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(submitted.GetProperty("submittedAt").GetDateTimeOffset(), twice.GetProperty("submittedAt").GetDateTimeOffset());
        var late = await ErrorsAsync(await SaveAsync(sitter, t, id, half[0]));
        Assert.True(late.TryGetProperty("state", out _));

        var mine = await sitter.GetFromJsonAsync<JsonElement>($"{t.Api}/my-exams");
        var row = mine.GetProperty("exams")[0];
        Assert.Equal(12m, row.GetProperty("best").GetDecimal());
        Assert.True(row.GetProperty("certificateAvailable").GetBoolean());

        var docx = await sitter.GetByteArrayAsync($"{t.Api}/my-exams/{examId}/certificate.docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("何军", text);
        Assert.Contains("学法考试合格证书", text);
        var code = System.Text.RegularExpressions.Regex.Match(text, "[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}").Value;
        Assert.NotEmpty(code);

        var check = await platform.AnonymousClient().GetAsync($"/api/t/{t.Slug}/law-study/public/exam-certificates/{code}");
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var body = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("何军", body.GetProperty("name").GetString());
        Assert.Equal("Excellent", body.GetProperty("band").GetString());
        Assert.Equal(["code", "name", "exam", "year", "band", "bandLabel", "on"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await platform.AnonymousClient().GetAsync($"/api/t/{t.Slug}/law-study/public/exam-certificates/2345-6789-ABCD")).StatusCode);
    }

    [Fact]
    public async Task An_answer_after_the_deadline_is_refused_and_an_attempt_left_open_is_submitted_at_its_deadline_with_what_was_saved()
    {
        var t = await TownshipAsync(platform);
        await BankAsync(t, "行政处罚法", 4);
        var examId = await SetExamAsync(t, Exam(platform.Clock.GetUtcNow(), minutes: 5));
        var (late, _, _) = await SitterAsync(platform, t, "罗永红");
        var (away, _, awayId) = await SitterAsync(platform, t, "梁伟");
        var lateAttempt = await StartAsync(late, t, examId);
        var awayAttempt = await StartAsync(away, t, examId);
        var first = lateAttempt.GetProperty("questions")[0];
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(late, t, lateAttempt.GetProperty("id").GetGuid(), (1, RightChoice(first)))).StatusCode);
        var awayFirst = awayAttempt.GetProperty("questions")[0];
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(away, t, awayAttempt.GetProperty("id").GetGuid(), (1, RightChoice(awayFirst)))).StatusCode);

        platform.Clock.Advance(TimeSpan.FromMinutes(6));

        var refused = await ErrorsAsync(await SaveAsync(late, t, lateAttempt.GetProperty("id").GetGuid(), (2, "A")));
        Assert.Contains("答题时间已到", refused.GetProperty("deadline")[0].GetString());
        var settled = await late.GetFromJsonAsync<JsonElement>($"{t.Api}/attempts/{lateAttempt.GetProperty("id").GetGuid()}");
        Assert.Equal("Submitted", settled.GetProperty("state").GetString());
        Assert.True(settled.GetProperty("autoSubmitted").GetBoolean());
        Assert.Equal(settled.GetProperty("deadlineAt").GetDateTimeOffset(), settled.GetProperty("submittedAt").GetDateTimeOffset());
        Assert.Equal(first.GetProperty("points").GetInt32(), settled.GetProperty("score").GetDecimal());

        // The one who walked away never comes back: the organiser's results submit the attempt at its deadline.
        var results = await t.Organiser.GetFromJsonAsync<JsonElement>($"{t.Api}/exams/{examId}/results");
        var row = results.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("staffId").GetGuid() == awayId);
        Assert.True(row.GetProperty("sat").GetBoolean());
        Assert.Equal(awayFirst.GetProperty("points").GetInt32(), row.GetProperty("best").GetDecimal());
        var awayView = await away.GetFromJsonAsync<JsonElement>($"{t.Api}/attempts/{awayAttempt.GetProperty("id").GetGuid()}");
        Assert.True(awayView.GetProperty("autoSubmitted").GetBoolean());
    }

    [Fact]
    public async Task The_attempts_allowed_are_enforced_and_the_best_attempt_counts()
    {
        var t = await TownshipAsync(platform);
        await BankAsync(t, "信访工作条例", 4);
        var examId = await SetExamAsync(t, Exam(platform.Clock.GetUtcNow(), attempts: 2));
        var (sitter, _, staffId) = await SitterAsync(platform, t, "宋平");

        var first = await StartAsync(sitter, t, examId);
        await sitter.PostAsync($"{t.Api}/attempts/{first.GetProperty("id").GetGuid()}/submit", null);
        var second = await StartAsync(sitter, t, examId);
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        var answers = second.GetProperty("questions").EnumerateArray().Select(q => (q.GetProperty("no").GetInt32(), RightChoice(q))).ToArray();
        await SaveAsync(sitter, t, second.GetProperty("id").GetGuid(), answers);
        await sitter.PostAsync($"{t.Api}/attempts/{second.GetProperty("id").GetGuid()}/submit", null);

        var third = await sitter.PostAsync($"{t.Api}/my-exams/{examId}/attempts", null);
        Assert.True((await ErrorsAsync(third)).TryGetProperty("attempts", out _));
        var results = await t.Organiser.GetFromJsonAsync<JsonElement>($"{t.Api}/exams/{examId}/results");
        var row = results.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("staffId").GetGuid() == staffId);
        Assert.Equal(2, row.GetProperty("attemptsUsed").GetInt32());
        Assert.Equal(12m, row.GetProperty("best").GetDecimal());
    }

    [Fact]
    public async Task Two_tabs_saving_and_starting_at_once_never_lose_an_answer_nor_spend_a_second_attempt()
    {
        var t = await TownshipAsync(platform);
        await BankAsync(t, "宪法", 4);
        var examId = await SetExamAsync(t, Exam(platform.Clock.GetUtcNow()));
        var (sitter, userName, _) = await SitterAsync(platform, t, "谢飞");
        var tab = await platform.SignedInClientAsync(userName, Scenario.Password);

        var started = await Races.AtOnceAsync(6, i => (i % 2 == 0 ? sitter : tab).PostAsync($"{t.Api}/my-exams/{examId}/attempts", null));
        var ids = await Task.WhenAll(started.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        var id = ids[0];
        var paper = (await sitter.GetFromJsonAsync<JsonElement>($"{t.Api}/attempts/{id}")).GetProperty("questions").EnumerateArray().ToList();

        for (var round = 0; round < 5; round++)
        {
            var saves = await Races.AtOnceAsync(paper.Count, i => SaveAsync(i % 2 == 0 ? sitter : tab, t, id, (paper[i].GetProperty("no").GetInt32(), RightChoice(paper[i]))));
            Assert.All(saves, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
        }

        var view = await tab.GetFromJsonAsync<JsonElement>($"{t.Api}/attempts/{id}");
        Assert.Equal(paper.Count, view.GetProperty("answered").GetInt32());
        var mine = await sitter.GetFromJsonAsync<JsonElement>($"{t.Api}/my-exams");
        Assert.Equal(1, mine.GetProperty("exams")[0].GetProperty("attemptsUsed").GetInt32());
        var submitted = await (await tab.PostAsync($"{t.Api}/attempts/{id}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12m, submitted.GetProperty("score").GetDecimal());
    }

    [Fact]
    public async Task An_exam_is_refused_when_a_bank_holds_too_few_questions_for_its_part_and_changes_only_until_someone_starts()
    {
        var t = await TownshipAsync(platform);
        await BankAsync(t, "民法典", 3);
        var now = platform.Clock.GetUtcNow();
        var refused = await ErrorsAsync(await t.Organiser.PostAsJsonAsync($"{t.Api}/exams", Exam(now, single: 40)));
        Assert.Contains("不足40道", refused.GetProperty("parts[0].count")[0].GetString());

        var examId = await SetExamAsync(t, Exam(now, single: 3, multiple: 3, trueFalse: 3));
        var change = new Dictionary<string, object?>(JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Exam(now, single: 2)))!) { ["version"] = 1 };
        Assert.Equal(HttpStatusCode.OK, (await t.Organiser.PostAsJsonAsync($"{t.Api}/exams/{examId}/change", change)).StatusCode);
        var (sitter, _, _) = await SitterAsync(platform, t, "韩冬");
        await StartAsync(sitter, t, examId);
        change["version"] = 2;
        Assert.True((await ErrorsAsync(await t.Organiser.PostAsJsonAsync($"{t.Api}/exams/{examId}/change", change))).TryGetProperty("state", out _));
    }

    [Fact]
    public async Task Another_townships_staff_and_another_sitter_find_none_of_the_exam_or_the_attempt()
    {
        var a = await TownshipAsync(platform);
        await BankAsync(a, "民法典", 3);
        var examId = await SetExamAsync(a, Exam(platform.Clock.GetUtcNow(), single: 3));
        var (sitter, _, _) = await SitterAsync(platform, a, "胡志强");
        var attemptId = (await StartAsync(sitter, a, examId)).GetProperty("id").GetGuid();
        var (neighbour, _, _) = await SitterAsync(platform, a, "朱光辉");
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"{a.Api}/attempts/{attemptId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(neighbour, a, attemptId, (1, "A"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PostAsync($"{a.Api}/attempts/{attemptId}/submit", null)).StatusCode);

        var b = await TownshipAsync(platform);
        var (foreign, _, _) = await SitterAsync(platform, b, "高俊");
        // Another township's route answers 404; in their own township the ids are nobody's.
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"{a.Api}/my-exams")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.PostAsync($"{b.Api}/my-exams/{examId}/attempts", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"{b.Api}/attempts/{attemptId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Organiser.GetAsync($"{b.Api}/exams/{examId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Organiser.GetAsync($"{a.Api}/exams/{examId}")).StatusCode);
    }
}
