using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.OpenGovernment.Tests.Publications.Publishing;

namespace Modular.Modules.OpenGovernment.Tests.Publications;

[Collection(OpenGovernmentCollection.Name)]
public sealed class NormativeDocumentTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task The_register_keeps_documents_with_review_and_filing_and_a_recorded_none_made_year()
    {
        var (admin, slug, clerk, reviewer) = await TownshipAsync(platform);
        var api = $"/api/t/{slug}/open-government/normative-documents";
        var bad = await clerk.PostAsJsonAsync(api, new { number = "", title = "", issuedOn = "2026-03-10", legalityReviewedOn = "2026-03-12", filedOn = "2026-03-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await ProblemAsync(bad)).GetProperty("errors");
        foreach (var field in new[] { "number", "title", "legalityReviewedOn", "filedOn" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var created = await clerk.PostAsJsonAsync(api, new { number = "野政规〔2026〕1号", title = "集镇环境卫生管理办法", issuedOn = "2026-03-10", legalityReviewedOn = "2026-03-05", filedOn = "2026-03-20" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"{api}/none-made", new { year = 2026 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"{api}/{id}/repeal", new { expectedVersion = 1, repealedOn = "2026-10-01", reason = "上位法修改" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"{api}/none-made", new { year = 2025 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"{api}/none-made", new { year = 2025 })).StatusCode);
        var intoEmptyYear = await clerk.PostAsJsonAsync(api, new { number = "野政规〔2025〕1号", title = "补登文件", issuedOn = "2025-05-10" });
        Assert.Equal(HttpStatusCode.BadRequest, intoEmptyYear.StatusCode);
        Assert.True((await ProblemAsync(intoEmptyYear)).GetProperty("errors").TryGetProperty("issuedOn", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync($"{api}/none-made", new { year = 2024 })).StatusCode);

        var year2026 = await clerk.GetFromJsonAsync<JsonElement>($"{api}?year=2026");
        var document = Assert.Single(year2026.GetProperty("documents").EnumerateArray());
        Assert.True(document.GetProperty("repealed").GetBoolean());
        Assert.Equal("2026-03-20", document.GetProperty("filedOn").GetString());
        var year2025 = await clerk.GetFromJsonAsync<JsonElement>($"{api}?year=2025");
        Assert.Empty(year2025.GetProperty("documents").EnumerateArray());
        Assert.Equal(2025, year2025.GetProperty("noneMadeStatement").GetProperty("year").GetInt32());

        Assert.Contains("本年度未制定规范性文件", await clerk.GetStringAsync($"/t/{slug}/open-government/normative-documents?year=2025"));
        Assert.Contains("集镇环境卫生管理办法", await clerk.GetStringAsync($"/t/{slug}/open-government/normative-documents?year=2026"));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/t/{slug}/open-government/normative-documents?year=abc")).StatusCode); // shows this year
        Assert.Contains("本年度未制定规范性文件", await admin.GetStringAsync($"/t/{slug}/annual-report?year=2025"));
        Assert.Contains("制定规范性文件1件（野政规〔2026〕1号）", await admin.GetStringAsync($"/t/{slug}/annual-report?year=2026"));
    }

    [Fact]
    public async Task The_annual_report_counts_the_years_publications_by_category()
    {
        var (admin, slug, clerk, reviewer) = await TownshipAsync(platform);
        await PublishAsync(clerk, reviewer, slug, Draft("2026年财政预算公开", category: "财政信息"));
        await PublishAsync(clerk, reviewer, slug, Draft("2026年三公经费决算", category: "财政信息"));
        await PublishAsync(clerk, reviewer, slug, Draft("便民服务事项清单", category: "公共服务"));

        var report = await admin.GetStringAsync($"/t/{slug}/annual-report?year=2026");

        Assert.Contains("主动公开政府信息3条，其中财政信息2条，公共服务1条", report);
    }
}
