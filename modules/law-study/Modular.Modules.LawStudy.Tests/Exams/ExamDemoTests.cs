using System.Net.Http.Json;
using System.Text.Json;

namespace Modular.Modules.LawStudy.Tests.Exams;

/// <summary>The demo township's 2020 exam, sat by all 38 on the roster, in its results, figures and annual report.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class ExamDemoTests(LawStudyPlatform platform)
{
    [Fact]
    public async Task The_demo_townships_2020_exam_was_sat_by_all_38_staff_with_the_same_scores_every_run()
    {
        var admin = await platform.AdminClientAsync();
        var reader = await platform.SignedInClientAsync(await Modular.Testing.Scenario.CreateUserAsync(admin, "yemachuan", LawStudyPlatform.Head), Modular.Testing.Scenario.Password);
        var exams = await reader.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/law-study/exams?year=2020");
        var exam = Assert.Single(exams.EnumerateArray());
        Assert.Equal(100, exam.GetProperty("total").GetInt32());
        var results = await reader.GetFromJsonAsync<JsonElement>($"/api/t/yemachuan/law-study/exams/{exam.GetProperty("id").GetGuid()}/results");
        Assert.Equal(38, results.GetProperty("sitters").GetInt32());
        Assert.Equal(38, results.GetProperty("sat").GetInt32());
        Assert.Equal(7, results.GetProperty("people").EnumerateArray().Count(p => p.GetProperty("attemptsUsed").GetInt32() == 2));
        Assert.Equal(10, results.GetProperty("departments").GetArrayLength());

        var report = await reader.GetStringAsync("/t/yemachuan/annual-report?year=2020");
        Assert.Contains("应参考38人，实际参考38人", report);
    }
}
