using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Kit;
using Modular.Testing;
using static Modular.Host.Tests.Infrastructure.Reports;

namespace Modular.Host.Tests.Reports;

/// <summary>Publishing hands the report to open government, which files it on the township's portal, once.</summary>
public sealed class AnnualReportPublishingTests(AnnualReportPublishingTests.Platform platform) : IClassFixture<AnnualReportPublishingTests.Platform>
{
    public const string OpenGovernment = "open-government";

    public sealed class Platform() : PlatformFactory(TestPlugins.Set("report-open-government", "Modular.Modules.OpenGovernment"));

    [Fact]
    public async Task A_published_report_reaches_the_portal_under_plans_with_its_docx_once()
    {
        var year = TownshipTime.Today(platform.Clock).Year;
        var (_, slug, clerk, head) = await TownshipAsync(platform, OpenGovernment);
        var sent = await SentAsync(clerk, head, slug, year);
        Assert.True(sent.GetProperty("portalEnabled").GetBoolean());

        var published = await OkAsync(StepAsync(clerk, slug, year, "publish", Version(sent)));
        Assert.Equal("published", State(published));

        var visitor = platform.AnonymousClient();
        var listing = $"/api/t/{slug}/open-government/public/publications?category={Uri.EscapeDataString("规划计划")}";
        JsonElement[] items = [];
        for (var i = 0; i < 150 && items.Length == 0; i++)
        {
            await Task.Delay(200);
            // The filing lands when the daemon commits it; the portal's cached pages are emptied again then.
            items = [.. (await visitor.GetFromJsonAsync<JsonElement>(listing)).GetProperty("items").EnumerateArray()];
        }

        var item = Assert.Single(items);
        Assert.EndsWith($"{year}年法治政府建设工作报告", item.GetProperty("title").GetString());
        var id = item.GetProperty("id").GetGuid();
        var publication = await visitor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/public/publications/{id}");
        Assert.Equal("规划计划", publication.GetProperty("category").GetString());
        var body = publication.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<h2>一、主要举措和成效</h2>", body);
        Assert.Contains("执法过程记录还不够全面。", body);
        Assert.Contains($"截至{year}年12月31日", body); // the power list's figure, drafted from the records
        var attachment = Assert.Single(publication.GetProperty("attachments").EnumerateArray());
        var docx = await visitor.GetByteArrayAsync($"/api/t/{slug}/open-government/public/publications/{id}/attachments/{attachment.GetProperty("id").GetGuid()}");
        Assert.Contains("党政主要负责人召开专题会议研究法治建设。", Infrastructure.ReportFiles.Text(docx));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/t/{slug}/open-government/portal/publications/{id}")).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(2)); // a second delivery would show up as a second publication
        Assert.Single((await visitor.GetFromJsonAsync<JsonElement>($"{listing}&nocache={Guid.NewGuid():N}")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await StepAsync(clerk, slug, year, "publish", Version(published))).StatusCode);
    }

    [Fact]
    public async Task With_open_government_disabled_after_sending_publishing_is_refused_and_nothing_reaches_the_portal()
    {
        var year = TownshipTime.Today(platform.Clock).Year;
        var (admin, slug, clerk, head) = await TownshipAsync(platform, OpenGovernment);
        var sent = await SentAsync(clerk, head, slug, year);
        await Scenario.SetModuleAsync(admin, slug, OpenGovernment, enabled: false);

        var refused = await StepAsync(clerk, slug, year, "publish", Version(sent));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("政务公开", await refused.Content.ReadAsStringAsync());
        await Scenario.SetModuleAsync(admin, slug, OpenGovernment, enabled: true);
        var visitor = platform.AnonymousClient();
        Assert.Empty((await visitor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/public/publications")).GetProperty("items").EnumerateArray());
    }
}
