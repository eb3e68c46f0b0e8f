using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.LawStudy.Tests.Exams.ExamScenario;

namespace Modular.Modules.LawStudy.Tests.Exams;

/// <summary>The exam's share of the township's home page: exams open, who has not sat, and the window's end on the due list.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class ExamFiguresTests(LawStudyPlatform platform)
{
    [Fact]
    public async Task The_home_page_counts_the_open_exam_and_those_yet_to_sit_and_lists_its_window_end_as_due()
    {
        var t = await TownshipAsync(platform);
        await BankAsync(t, "民法典", 4);
        var examId = await SetExamAsync(t, Exam(platform.Clock.GetUtcNow()));
        var (sat, _, _) = await SitterAsync(platform, t, "彭丽", "财政所");
        await SitterAsync(platform, t, "曾祥云", "财政所");
        var attempt = await StartAsync(sat, t, examId);
        await sat.PostAsync($"{t.Api}/attempts/{attempt.GetProperty("id").GetGuid()}/submit", null);

        var home = await t.Organiser.GetFromJsonAsync<JsonElement>($"/api/t/{t.Slug}/home");
        string Figure(string label) => home.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("label").GetString() == label).GetProperty("value").GetString()!;
        Assert.Equal("1", Figure("进行中的学法考试"));
        Assert.Equal("1", Figure("尚未参加学法考试的工作人员"));
        Assert.Contains(home.GetProperty("dueItems").EnumerateArray(), d => d.GetProperty("item").GetProperty("title").GetProperty("chinese").GetString()!.EndsWith("1人尚未参考", StringComparison.Ordinal));
    }
}
