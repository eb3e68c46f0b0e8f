using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.OpenGovernment.Tests.Publications.Publishing;

namespace Modular.Modules.OpenGovernment.Tests.Publications;

[Collection(OpenGovernmentCollection.Name)]
public sealed class SanitisationTests(OpenGovernmentPlatform platform)
{
    private const string Hostile = """
        <p onclick="steal()">关于<strong>秸秆禁烧</strong>的<em>通告</em></p>
        <script>alert('x')</script>
        <img src="x.png" onerror="alert(1)" alt="图">
        <a href="javascript:alert(2)">点此</a>
        <a href="https://www.gov.cn/zhengce/">国务院政策</a>
        <ul><li>第一条</li></ul>
        <iframe src="https://evil.example"></iframe>
        <div style="background:url(javascript:alert(3))">样式</div>
        """;

    [Fact]
    public async Task Hostile_html_is_cleaned_when_saved_and_the_portal_serves_only_the_clean_markup()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await PublishAsync(clerk, reviewer, slug, Draft("秸秆禁烧通告", Hostile));

        var stored = (await GetAsync(clerk, slug, id)).GetProperty("content").GetProperty("bodyHtml").GetString()!;
        var page = await platform.AnonymousClient().GetStringAsync($"/t/{slug}/open-government/portal/publications/{id}");
        var api = (await platform.AnonymousClient().GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/public/publications/{id}")).GetProperty("bodyHtml").GetString()!;

        foreach (var html in new[] { stored, api, Body(page) })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<strong>秸秆禁烧</strong>", html);
            Assert.Contains("<em>通告</em>", html);
            Assert.Contains("<li>第一条</li>", html);
            Assert.Contains("href=\"https://www.gov.cn/zhengce/\"", html);
            Assert.Contains("src=\"x.png\"", html);
        }
    }

    /// <summary>The publication's body as the portal page renders it (the layout around it is the host's).</summary>
    private static string Body(string page)
    {
        var start = page.IndexOf("id=\"publication-body\"", StringComparison.Ordinal);
        Assert.True(start > 0, "the portal page shows the body");
        return page[start..page.IndexOf("</article>", start, StringComparison.Ordinal)];
    }
}
