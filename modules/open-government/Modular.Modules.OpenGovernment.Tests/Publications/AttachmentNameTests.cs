using System.Net;
using System.Text;
using Modular.Testing;
using static Modular.Modules.OpenGovernment.Tests.Publications.Publishing;

namespace Modular.Modules.OpenGovernment.Tests.Publications;

/// <summary>An attachment keeps only the last part of the name the browser sent, at most 255 characters, with no control character.</summary>
[Collection(OpenGovernmentCollection.Name)]
public sealed class AttachmentNameTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task A_name_over_255_characters_or_with_a_nul_is_refused_and_a_path_is_cut_to_its_last_part()
    {
        var (_, slug, clerk, _) = await TownshipAsync(platform);
        var id = await DraftAsync(clerk, slug, Draft("附件名称测试"));

        var tooLong = await AttachmentTests.AttachAsync(clerk, slug, id, 1, new string('名', 5000) + ".pdf", AttachmentTests.Pdf);
        var nul = await clerk.PostAsync($"{Api(slug)}/{id}/attachments", new StringContent(
            $"{{\"expectedVersion\":1,\"fileName\":\"a\\u0000.pdf\",\"contentBase64\":\"{Convert.ToBase64String(AttachmentTests.Pdf)}\"}}", Encoding.UTF8, "application/json"));
        var path = await AttachmentTests.AttachAsync(clerk, slug, id, 1, "C:\\Users\\clerk\\..\\桌面\\实施方案.pdf", AttachmentTests.Pdf);
        var exactly = await AttachmentTests.AttachAsync(clerk, slug, id, 2, new string('名', 251) + ".pdf", AttachmentTests.Pdf);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("255", (await ProblemAsync(tooLong)).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.True((await ProblemAsync(nul)).GetProperty("errors").TryGetProperty("$.fileName", out _));
        Assert.True(path.IsSuccessStatusCode, await path.Content.ReadAsStringAsync());
        Assert.True(exactly.IsSuccessStatusCode, await exactly.Content.ReadAsStringAsync());
        var names = (await GetAsync(clerk, slug, id)).GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()).ToList();
        Assert.Contains("实施方案.pdf", names);
        Assert.Contains(new string('名', 251) + ".pdf", names);
    }
}
