using System.Net;
using System.Net.Http.Json;
using Modular.Testing;
using static Modular.Modules.OpenGovernment.Tests.Publications.Publishing;

namespace Modular.Modules.OpenGovernment.Tests.Publications;

[Collection(OpenGovernmentCollection.Name)]
public sealed class TownshipIsolationTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task Staff_of_another_township_can_neither_read_nor_change_a_townships_publications()
    {
        var (admin, slug, clerk, reviewer) = await TownshipAsync(platform);
        var published = await PublishAsync(clerk, reviewer, slug, Draft("本镇已发布信息"));
        var draft = await DraftAsync(clerk, slug, Draft("本镇草稿"));
        await AttachmentTests.AttachAsync(clerk, slug, draft, 1, "附件.pdf", AttachmentTests.Pdf);
        var attachment = (await GetAsync(clerk, slug, draft)).GetProperty("attachments")[0].GetProperty("id").GetGuid();
        var normative = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/normative-documents", new { number = "野政规〔2026〕1号", title = "村规民约备案办法", issuedOn = "2026-03-02" });
        var normativeId = (await normative.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        var (_, other, otherClerk, otherReviewer) = await TownshipAsync(platform);
        var theirs = Api(other);

        Assert.Equal(HttpStatusCode.NotFound, (await otherClerk.GetAsync($"{theirs}/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClerk.GetAsync($"{theirs}/{published}/versions/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClerk.GetAsync($"{theirs}/{draft}/attachments/{attachment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClerk.PutAsJsonAsync($"{theirs}/{draft}", Draft("篡改", expectedVersion: 2))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(otherClerk, other, draft, 2)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AttachmentTests.AttachAsync(otherClerk, other, draft, 2, "x.pdf", AttachmentTests.Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClerk.PostAsJsonAsync($"{theirs}/{published}/withdraw", new { expectedVersion = 4, reason = "篡改" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherReviewer.PostAsJsonAsync($"{theirs}/{published}/return", new { expectedVersion = 4, reason = "篡改" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClerk.PostAsJsonAsync($"/api/t/{other}/open-government/normative-documents/{normativeId}/repeal", new { expectedVersion = 1, repealedOn = "2026-05-01", reason = "篡改" })).StatusCode);
        Assert.Empty((await otherClerk.GetFromJsonAsync<System.Text.Json.JsonElement>(theirs)).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.AnonymousClient().GetAsync($"/api/t/{other}/open-government/public/publications/{published}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClerk.GetAsync($"/t/{other}/open-government/publications/{draft}")).StatusCode);

        // Using the township's own address is refused too: they are not its staff.
        Assert.NotEqual(HttpStatusCode.OK, (await otherClerk.GetAsync($"{Api(slug)}/{draft}")).StatusCode);
        var item = await GetAsync(clerk, slug, draft);
        Assert.Equal("本镇草稿", item.GetProperty("content").GetProperty("title").GetString());
        Assert.Equal(2, item.GetProperty("version").GetInt32());
        Assert.Equal("published", (await GetAsync(clerk, slug, published)).GetProperty("state").GetString());
        _ = admin;
    }
}
