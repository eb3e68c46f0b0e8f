using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Modular.Testing;
using static Modular.Modules.OpenGovernment.Tests.Publications.Publishing;

namespace Modular.Modules.OpenGovernment.Tests.Publications;

[Collection(OpenGovernmentCollection.Name)]
public sealed class AttachmentTests(OpenGovernmentPlatform platform)
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Package(string part)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using (var writer = new StreamWriter(zip.CreateEntry(part).Open()))
            {
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }

    public static Task<HttpResponseMessage> AttachAsync(HttpClient clerk, string slug, Guid id, int version, string fileName, byte[] content) =>
        clerk.PostAsJsonAsync($"{Api(slug)}/{id}/attachments", new { expectedVersion = version, fileName, contentBase64 = Convert.ToBase64String(content) });

    [Theory]
    [InlineData("公示名单.pdf", "png")] // a PNG calling itself a PDF
    [InlineData("方案.docx", "text")] // a text file calling itself a Word document
    [InlineData("统计表.docx", "xlsx")] // a workbook calling itself a Word document
    [InlineData("照片.jpg", "pdf")]
    [InlineData("脚本.exe", "pdf")]
    public async Task A_file_whose_name_lies_about_its_content_is_refused(string fileName, string really)
    {
        var (_, slug, clerk, _) = await TownshipAsync(platform);
        var id = await DraftAsync(clerk, slug, Draft("附件测试"));
        var content = really switch
        {
            "png" => Png,
            "xlsx" => Package("xl/workbook.xml"),
            "pdf" => Pdf,
            _ => Encoding.UTF8.GetBytes("这只是一个文本文件"),
        };

        var response = await AttachAsync(clerk, slug, id, 1, fileName, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await ProblemAsync(response)).GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Empty((await GetAsync(clerk, slug, id)).GetProperty("attachments").EnumerateArray());
    }

    [Fact]
    public async Task Files_that_are_what_they_say_are_kept_and_served_with_safe_headers_to_staff_and_the_public()
    {
        var (_, slug, clerk, reviewer) = await TownshipAsync(platform);
        var id = await DraftAsync(clerk, slug, Draft("带附件的通知"));
        Assert.Equal(HttpStatusCode.OK, (await AttachAsync(clerk, slug, id, 1, "实施方案.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AttachAsync(clerk, slug, id, 2, "报名表.docx", Package("word/document.xml"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AttachAsync(clerk, slug, id, 3, "预算表.xlsx", Package("xl/workbook.xml"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AttachAsync(clerk, slug, id, 4, "现场.png", Png)).StatusCode);
        var attachments = (await GetAsync(clerk, slug, id)).GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(4, attachments.Count);
        var docx = attachments.Single(a => a.GetProperty("fileName").GetString() == "报名表.docx").GetProperty("id").GetGuid();
        var pdf = attachments.Single(a => a.GetProperty("fileName").GetString() == "实施方案.pdf").GetProperty("id").GetGuid();

        var staff = await clerk.GetAsync($"{Api(slug)}/{id}/attachments/{docx}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", staff.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", staff.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", staff.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("default-src 'none'", staff.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(Package("word/document.xml").Length, (await staff.Content.ReadAsByteArrayAsync()).Length);

        var portalUrl = $"/api/t/{slug}/open-government/public/publications/{id}/attachments/{pdf}";
        Assert.Equal(HttpStatusCode.NotFound, (await platform.AnonymousClient().GetAsync(portalUrl)).StatusCode); // not published yet
        await SubmitAsync(clerk, slug, id, 5);
        await ApproveAsync(reviewer, slug, id, 6);
        var publicFile = await platform.AnonymousClient().GetAsync(portalUrl);
        Assert.Equal(HttpStatusCode.OK, publicFile.StatusCode);
        Assert.Equal("application/pdf", publicFile.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await publicFile.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", publicFile.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

/// <summary>A host whose attachment limit is configured down to 1 KB, to show the limit comes from configuration.</summary>
public sealed class SmallAttachmentsPlatform() : PlatformFactory(OpenGovernmentPlatform.Plugins)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Modular:OpenGovernment:MaxAttachmentBytes", "1024");
    }
}

public sealed class AttachmentSizeTests(SmallAttachmentsPlatform platform) : IClassFixture<SmallAttachmentsPlatform>
{
    [Fact]
    public async Task A_file_over_the_configured_size_limit_is_refused()
    {
        var (_, slug, clerk, _) = await TownshipAsync(platform);
        var id = await DraftAsync(clerk, slug, Draft("大附件"));
        var small = AttachmentTests.Pdf.Concat(new byte[1024 - AttachmentTests.Pdf.Length]).ToArray();
        var large = AttachmentTests.Pdf.Concat(new byte[1025 - AttachmentTests.Pdf.Length]).ToArray();

        var refused = await AttachmentTests.AttachAsync(clerk, slug, id, 1, "扫描件.pdf", large);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("1 KB", (await ProblemAsync(refused)).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await AttachmentTests.AttachAsync(clerk, slug, id, 1, "扫描件.pdf", small)).StatusCode);
    }
}
