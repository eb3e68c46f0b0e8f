using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Modular.Testing;

namespace Modular.Modules.OpenGovernment.Tests.AnnualReport;

/// <summary>Parts 五 and 六 of the annual disclosure report are what the office wrote, saved as versions; never a placeholder.</summary>
[Collection(OpenGovernmentCollection.Name)]
public sealed class ReportTextTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task The_word_report_prints_what_the_office_wrote_in_parts_five_and_six_and_says_plainly_when_nothing_is()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var api = $"/api/t/{slug}/open-government/annual-report/2026";

        var empty = await PartsAsync(clerk, api);
        Assert.Equal(["本部分尚未填写。"], empty["五、存在的主要问题及改进情况"]);
        Assert.Equal(["本部分尚未填写。"], empty["六、其他需要报告的事项"]);
        Assert.DoesNotContain(empty.Values.SelectMany(p => p), p => p.Contains("由政务公开工作机构填写", StringComparison.Ordinal) || p.Contains("请据实修改", StringComparison.Ordinal));

        var problems = "一是主动公开的及时性有待提高。\n二是依申请公开答复文书不够规范。\n\n下一步，我镇将加强培训。";
        var first = await clerk.PutAsJsonAsync($"{api}/text", new { version = 0, problems, other = "本年度未收取信息处理费。" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var saved = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, saved.GetProperty("version").GetInt64());
        Assert.False(string.IsNullOrEmpty(saved.GetProperty("writtenBy").GetString()));

        var written = await PartsAsync(clerk, api);
        Assert.Equal(["一是主动公开的及时性有待提高。", "二是依申请公开答复文书不够规范。", "下一步，我镇将加强培训。"], written["五、存在的主要问题及改进情况"]);
        Assert.Equal(["本年度未收取信息处理费。"], written["六、其他需要报告的事项"]);
        Assert.Equal(problems, (await clerk.GetFromJsonAsync<JsonElement>(api)).GetProperty("text").GetProperty("problems").GetString());

        // A second first entry, a stale version, and text over its bound are refused, nothing half-written.
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PutAsJsonAsync($"{api}/text", new { version = 0, problems = "另一稿" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PutAsJsonAsync($"{api}/text", new { version = 5, problems = "另一稿" })).StatusCode);
        var tooLong = await clerk.PutAsJsonAsync($"{api}/text", new { version = 1, problems = new string('问', 20_001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("problems", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var second = await clerk.PutAsJsonAsync($"{api}/text", new { version = 1, problems = "已整改。", other = (string?)null });
        Assert.Equal(2, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Equal(["本部分尚未填写。"], (await PartsAsync(clerk, api))["六、其他需要报告的事项"]);

        var page = await clerk.GetStringAsync($"/t/{slug}/open-government/annual-report?year=2026");
        Assert.Contains("已整改。", page, StringComparison.Ordinal);
    }

    /// <summary>The .docx read back: the paragraphs under each heading of parts 五 and 六.</summary>
    private static async Task<Dictionary<string, List<string>>> PartsAsync(HttpClient clerk, string api)
    {
        var bytes = await clerk.GetByteArrayAsync($"{api}/report.docx");
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var parts = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var paragraph in document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>())
        {
            var text = paragraph.InnerText.Trim();
            if (text.StartsWith("五、", StringComparison.Ordinal) || text.StartsWith("六、", StringComparison.Ordinal))
            {
                parts[text] = current = [];
            }
            else if (current is not null && text.Length > 0)
            {
                current.Add(text);
            }
        }

        return parts;
    }
}
