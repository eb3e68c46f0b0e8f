using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.LawStudy.Tests.Enforcement;

/// <summary>The demo township's 2020 enforcement: certified planning and urban-management officers, a year of tasks in pairs, one refused assignment.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class EnforcementDemoTests(LawStudyPlatform platform)
{
    private const string Demo = "yemachuan";

    [Fact]
    public async Task The_demo_shows_its_certified_officers_a_year_of_tasks_in_pairs_and_one_refused_assignment()
    {
        var admin = await platform.AdminClientAsync();
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, Demo, LawStudyPlatform.Head), Scenario.Password);

        var figures = await head.GetFromJsonAsync<JsonElement>($"/api/t/{Demo}/law-study/enforcement/tasks/figures?year=2020");
        int Kind(string key) => figures.GetProperty("byKind").EnumerateArray().Single(k => k.GetProperty("key").GetString() == key).GetProperty("count").GetInt32();
        Assert.Equal(12, Kind("Inspection"));
        Assert.Equal(5, Kind("Penalty"));
        Assert.Equal(2, Kind("Coercion"));
        Assert.Equal(1, figures.GetProperty("assignmentsRefused").GetInt32());
        Assert.Equal(8, figures.GetProperty("certifiedOfficers").GetInt32());
        Assert.Equal(10, figures.GetProperty("enforcementPosts").GetInt32());

        var tasks = await head.GetFromJsonAsync<JsonElement>($"/api/t/{Demo}/law-study/enforcement/tasks?from=2020-01-01&to=2020-12-31");
        Assert.All(tasks.EnumerateArray(), t => Assert.Equal(2, t.GetProperty("officers").GetArrayLength()));

        var visitor = platform.AnonymousClient();
        var officers = await visitor.GetFromJsonAsync<JsonElement>($"/api/t/{Demo}/law-study/public/officers");
        Assert.Equal(10, officers.GetArrayLength());
        var xie = await visitor.GetFromJsonAsync<JsonElement>($"/api/t/{Demo}/law-study/public/certificates/verify?number=黔G0527180205");
        Assert.Equal("Suspended", xie.GetProperty("standing").GetString());

        var report = await head.GetStringAsync($"/t/{Demo}/annual-report?year=2020");
        Assert.Contains("开展行政检查12次", report);
        Assert.Contains("拒绝不符合条件的执法人员指派1次", report);
        Assert.Contains("年末持有有效行政执法证8名", report);
    }
}
