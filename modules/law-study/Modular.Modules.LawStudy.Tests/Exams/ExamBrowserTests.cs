using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Modular.Testing;
using static Modular.Modules.LawStudy.Tests.Exams.ExamScenario;

namespace Modular.Modules.LawStudy.Tests.Exams;

/// <summary>The module alone on a real socket, for Chromium.</summary>
public sealed class LawStudyBrowserPlatform() : PlatformFactory(LawStudyPlatform.Plugins, kestrel: true);

/// <summary>A staff member sits the exam in Chromium: answers saved as chosen, a reload mid-way that loses nothing, the score.</summary>
public sealed class ExamBrowserTests(LawStudyBrowserPlatform platform, Chromium chromium) : IClassFixture<LawStudyBrowserPlatform>, IClassFixture<Chromium>
{
    private HttpClient Client() => platform.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = platform.ServerAddress, HandleCookies = true, AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = Client();
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password })).EnsureSuccessStatusCode();
        return client;
    }

    [Fact]
    public async Task A_staff_member_sits_the_exam_in_the_browser_reloads_mid_way_without_losing_answers_and_gets_the_score()
    {
        var admin = await SignedInAsync("admin", PlatformFactory.AdminPassword);
        var slug = await Scenario.CreateTownshipAsync(admin, LawStudyPlatform.Module);
        var organiser = await SignedInAsync(await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.ExamOrganiser, LawStudyPlatform.StudyClerk), Scenario.Password);
        var t = new ExamTownship(admin, slug, organiser);
        await BankAsync(t, "民法典", 4);
        await SetExamAsync(t, Exam(platform.Clock.GetUtcNow()));
        var userName = await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StaffMember);
        (await organiser.PostAsJsonAsync($"{t.Api}/staff", new { name = "李晓燕", department = "党政办公室", post = "综合文秘", enforcementPost = false, userName, joinedOn = "2020-01-02" })).EnsureSuccessStatusCode();

        var page = await chromium.NewPageAsync(platform.ServerAddress);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        await Chromium.SignInAsync(page, userName, Scenario.Password);
        await page.GotoAsync($"/t/{slug}/law-study/my-exams");
        await page.ClickAsync("button.start-button");
        await Assertions.Expect(page.Locator("#paper fieldset.question")).ToHaveCountAsync(8);
        Assert.True(int.Parse(await page.Locator("#timer").GetAttributeAsync("data-remaining") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);

        var questions = page.Locator("#paper fieldset.question");
        async Task AnswerAsync(int index)
        {
            var fieldset = questions.Nth(index);
            var texts = (await fieldset.GetAttributeAsync("data-kind")) switch
            {
                "Single" => new[] { "乙" },
                "Multiple" => ["甲", "丙"],
                _ => ["正确"],
            };
            foreach (var text in texts)
            {
                await fieldset.Locator("label.option", new() { HasText = $". {text}" }).Locator("input").CheckAsync();
            }

            var letters = string.Concat((await fieldset.Locator("input:checked").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)")).Order());
            await Assertions.Expect(fieldset).ToHaveAttributeAsync("data-saved", letters);
        }

        for (var i = 0; i < 4; i++)
        {
            await AnswerAsync(i);
        }

        // A reload mid-way: the answers come back from the server, and so does the time left.
        await page.ReloadAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.NotEqual("", await questions.Nth(i).GetAttributeAsync("data-chosen"));
            Assert.True(await questions.Nth(i).Locator("input:checked").CountAsync() > 0);
        }

        Assert.Equal("", await questions.Nth(4).GetAttributeAsync("data-chosen"));
        await Assertions.Expect(page.Locator("#timer")).ToHaveAttributeAsync("data-left", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));

        for (var i = 4; i < 8; i++)
        {
            await AnswerAsync(i);
        }

        await page.ClickAsync("#submit-button");
        await Assertions.Expect(page.Locator("#attempt-result")).ToHaveAttributeAsync("data-score", "12");
        await Assertions.Expect(page.Locator("#attempt-result")).ToHaveAttributeAsync("data-band", "Excellent");
        await page.GotoAsync($"/t/{slug}/law-study/my-exams");
        await Assertions.Expect(page.Locator(".my-exam .best")).ToHaveAttributeAsync("data-band", "Excellent");
        Assert.Empty(violations);
    }
}
