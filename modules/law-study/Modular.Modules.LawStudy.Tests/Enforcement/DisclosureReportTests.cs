using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Kit;
using Modular.Testing;
using static Modular.Modules.LawStudy.Tests.Certificates.CertificateScenario;
using static Modular.Modules.LawStudy.Tests.Enforcement.TaskScenario;

namespace Modular.Modules.LawStudy.Tests.Enforcement;

/// <summary>Law study and open government installed: a concluded penalty case reaches the annual disclosure report's table.</summary>
public sealed class LawStudyAndOpenGovernmentPlatform() : PlatformFactory(TestPlugins.Set("law-study-and-open-government", "Modular.Modules.LawStudy", "Modular.Modules.OpenGovernment"));

public sealed class DisclosureReportTests(LawStudyAndOpenGovernmentPlatform platform) : IClassFixture<LawStudyAndOpenGovernmentPlatform>
{
    [Fact]
    public async Task A_decided_penalty_case_and_a_coercive_measure_are_counted_once_in_the_annual_disclosure_report()
    {
        var (_, slug, supervisor) = await platform.TownshipWithUserAsync(["law-study", "open-government"],
            LawStudyPlatform.StudyClerk, LawStudyPlatform.EnforcementSupervisor, "open-government.clerk");
        var today = TownshipTime.Today(platform.Clock);
        var day = TownshipTime.Format(today);
        var he = await OfficerAsync(supervisor, slug, "何军");
        var luo = await OfficerAsync(supervisor, slug, "罗永红");
        await IssuedAsync(supervisor, slug, he, Number(), day);
        await IssuedAsync(supervisor, slug, luo, Number(), day);
        foreach (var kind in new[] { "Penalty", "Coercion", "Inspection" })
        {
            var task = await RecordAsync(supervisor, slug, kind, "市容环境卫生", day);
            var assigned = await AssignAsync(supervisor, slug, task, he, luo);
            Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
            var concluded = await supervisor.PostAsJsonAsync($"/api/t/{slug}/law-study/enforcement/tasks/{task.GetProperty("id")}/conclusion",
                new { version = 2, on = day, conclusion = "作出处理决定" });
            Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
        }

        var rows = await EventuallyAsync(async () =>
        {
            var report = await supervisor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/annual-report/{today.Year}");
            return report.GetProperty("decisions").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("counts")[0].GetInt32());
        }, r => r["penalty"] == 1 && r["coercion"] == 1);
        Assert.Equal(0, rows["licensing"]);
        var page = await supervisor.GetStringAsync($"/t/{slug}/open-government/annual-report?year={today.Year}");
        Assert.Contains("proactive-decisions", page);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 120 && !done(value); i++)
        {
            await Task.Delay(250);
            value = await read();
        }

        Assert.True(done(value), "the integration event was not handled in 30 seconds");
        return value;
    }
}
