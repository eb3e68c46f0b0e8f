using System.Net.Http.Json;
using System.Text.Json;
using Modular.Modules.LegalServices.Tests.LegalAid;
using Modular.Testing;

namespace Modular.Modules.LegalServices.Tests.Counsel;

/// <summary>野马川镇's 2020 counsel, as its summary counts it, from the demo records: the figures and the annual report.</summary>
public sealed class CounselDemoTests(LegalServicesDemoPlatform platform) : IClassFixture<LegalServicesDemoPlatform>
{
    [Fact]
    public async Task The_demo_townships_counsel_attended_5_meetings_gave_10_opinions_revised_8_documents_and_represented_4_cases_in_2020()
    {
        var admin = await platform.AdminClientAsync();
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", CounselScenario.Head), Scenario.Password);

        var figures = await head.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/legal-services/counsel/figures?from=2020-01-01&to=2020-12-31");
        var report = await head.GetStringAsync("/t/yemachuan/annual-report?year=2020");

        Assert.Equal(5, figures.GetProperty("meetingsAttended").GetInt32());
        Assert.Equal(10, figures.GetProperty("opinions").GetInt32());
        Assert.Equal(8, figures.GetProperty("documentsRevised").GetInt32());
        Assert.Equal(4, figures.GetProperty("casesRepresented").GetInt32());
        Assert.Equal(1, figures.GetProperty("gateRefusals").GetInt32());
        Assert.Contains("贵州万驰律师事务所", report);
        Assert.Contains("伍猛麟、杜浪2名律师", report);
        Assert.Contains("全年法律顾问共参与相关决策会议5次，提供法律意见10条，参与讨论修订了各类合同、方案8个，代理行政案件和民事案件共计4件", report);
        Assert.Contains("未予列入会议议题1项", report);
        var meetings = await head.GetFromJsonAsync<JsonElement>("/api/t/yemachuan/legal-services/counsel/meetings?year=2020");
        Assert.Equal(5, meetings.GetArrayLength());
    }

    [Fact]
    public async Task Every_counsel_page_of_the_demo_township_shows_its_records()
    {
        var admin = await platform.AdminClientAsync();
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", CounselScenario.Head), Scenario.Password);
        var api = "/api/t/yemachuan/legal-services/counsel";
        var meeting = (await head.GetFromJsonAsync<JsonElement>($"{api}/meetings?year=2020"))[0].GetProperty("id").GetGuid();
        var review = (await head.GetFromJsonAsync<JsonElement>($"{api}/reviews")).GetProperty("rows")[0].GetProperty("id").GetGuid();
        var @case = (await head.GetFromJsonAsync<JsonElement>($"{api}/cases"))[0].GetProperty("id").GetGuid();
        var root = "/t/yemachuan/legal-services/counsel";

        Assert.Contains("贵州万驰律师事务所", await head.GetStringAsync(root));
        Assert.Contains("2020-0010", await head.GetStringAsync($"{root}/reviews"));
        Assert.Contains("第14次党政联席会议", await head.GetStringAsync($"{root}/meetings?year=2020"));
        Assert.Contains("第14次党政联席会议", await head.GetStringAsync($"{root}/meetings/{meeting}"));
        Assert.Contains("审查意见书", await head.GetStringAsync($"{root}/reviews/{review}"));
        Assert.Contains("黔0527行初15号", await head.GetStringAsync($"{root}/cases"));
        Assert.Contains("结果", await head.GetStringAsync($"{root}/cases/{@case}"));
        Assert.Contains("data-figure=\"opinions\"", await head.GetStringAsync($"{root}/figures?year=2020"));
        Assert.Contains("野马川镇森林防火及信访工作专题会议", System.Text.Encoding.UTF8.GetString(await head.GetByteArrayAsync($"{api}/meetings/{meeting}/pack.docx")) + await head.GetStringAsync($"{root}/meetings"));
    }
}
