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
}
