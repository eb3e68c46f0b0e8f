using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.LawStudy.Tests.Exams;

/// <summary>A township with an organiser (who also keeps the roster), a bank, and people on the roster who sign in to sit.</summary>
internal sealed record ExamTownship(HttpClient Admin, string Slug, HttpClient Organiser)
{
    public string Api => $"/api/t/{Slug}/law-study";
}

internal static class ExamScenario
{
    public static async Task<ExamTownship> TownshipAsync(PlatformFactory platform)
    {
        var (admin, slug, organiser) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.ExamOrganiser, LawStudyPlatform.StudyClerk, LawStudyPlatform.Head);
        return new ExamTownship(admin, slug, organiser);
    }

    /// <summary>Adds <paramref name="count"/> questions of each kind to the bank of <paramref name="law"/>.</summary>
    public static async Task BankAsync(ExamTownship t, string law, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await AddAsync(t, new { law, kind = "Single", text = $"{law} 单选题 {i}", options = new[] { "甲", "乙", "丙", "丁" }, answer = "B", explanation = "解析" });
            await AddAsync(t, new { law, kind = "Multiple", text = $"{law} 多选题 {i}", options = new[] { "甲", "乙", "丙", "丁" }, answer = "AC" });
            await AddAsync(t, new { law, kind = "TrueFalse", text = $"{law} 判断题 {i}", answer = "正确" });
        }
    }

    private static async Task AddAsync(ExamTownship t, object question)
    {
        var response = await t.Organiser.PostAsJsonAsync($"{t.Api}/questions", question);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static string Local(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static object Exam(DateTimeOffset now, int minutes = 60, int attempts = 3, int single = 4, int multiple = 2, int trueFalse = 2, string[]? departments = null) => new
    {
        title = "年度学法考试",
        year = now.Year,
        opensAt = Local(now.AddMinutes(-5)),
        closesAt = Local(now.AddDays(3)),
        timeLimitMinutes = minutes,
        attemptsAllowed = attempts,
        passMark = 6,
        excellentMark = 10,
        departments = departments ?? [],
        parts = new object[]
        {
            new { kind = "Single", count = single, points = 1 },
            new { kind = "Multiple", count = multiple, points = 2 },
            new { kind = "TrueFalse", count = trueFalse, points = 2 },
        },
    };

    public static async Task<Guid> SetExamAsync(ExamTownship t, object exam)
    {
        var response = await t.Organiser.PostAsJsonAsync($"{t.Api}/exams", exam);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A person on the roster whose user signs in with the staff-member role; returns their client and user name.</summary>
    public static async Task<(HttpClient Client, string UserName, Guid StaffId)> SitterAsync(PlatformFactory platform, ExamTownship t, string name, string department = "综合行政执法办公室")
    {
        var userName = await Scenario.CreateUserAsync(t.Admin, t.Slug, LawStudyPlatform.StaffMember);
        var entered = await t.Organiser.PostAsJsonAsync($"{t.Api}/staff", new
        {
            name,
            department,
            post = "城管执法",
            enforcementPost = true,
            userName,
            joinedOn = "2020-01-02",
        });
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        var staffId = (await entered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (await platform.SignedInClientAsync(userName, Scenario.Password), userName, staffId);
    }

    public static async Task<JsonElement> StartAsync(HttpClient sitter, ExamTownship t, Guid examId)
    {
        var response = await sitter.PostAsync($"{t.Api}/my-exams/{examId}/attempts", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> SaveAsync(HttpClient sitter, ExamTownship t, Guid attemptId, params (int Question, string Choice)[] answers) =>
        sitter.PostAsJsonAsync($"{t.Api}/attempts/{attemptId}/answers", new { answers = answers.Select(a => new { question = a.Question, choice = a.Choice }) });

    /// <summary>The letters of the right answer for the scenario's bank: single B, multiple AC, true/false 正确 — found by the option's text.</summary>
    public static string RightChoice(JsonElement question)
    {
        var options = question.GetProperty("options").EnumerateArray().Select(o => (Letter: o.GetProperty("letter").GetString()!, Text: o.GetProperty("text").GetString()!)).ToList();
        return question.GetProperty("kind").GetString() switch
        {
            "Single" => options.First(o => o.Text == "乙").Letter,
            "Multiple" => string.Concat(options.Where(o => o.Text is "甲" or "丙").Select(o => o.Letter).Order()),
            _ => options.First(o => o.Text == "正确").Letter,
        };
    }

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
