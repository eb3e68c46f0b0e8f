using System.IO.Compression;
using System.Text;
using Modular.Kit.Documents;
using Modular.Kit.Input;

namespace Modular.Kit.Tests;

/// <summary>Attachments that must be documents: judged by their bytes, never by the name alone.</summary>
public sealed class DocumentFilesTests
{
    private static readonly string PdfBase64 = Convert.ToBase64String("%PDF-1.4\n%%EOF"u8.ToArray());
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF");

    private static byte[] Package(string part)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(part);
        }

        return stream.ToArray();
    }

    [Theory]
    [InlineData("讲义.pdf", DocumentFiles.Pdf)]
    [InlineData(@"C:\材料\签到表.xlsx", DocumentFiles.Xlsx)]
    [InlineData("课件.PPTX", DocumentFiles.Pptx)]
    [InlineData("通知.docx", DocumentFiles.Docx)]
    public void A_document_is_taken_with_its_type_and_the_last_part_of_its_name(string name, string type)
    {
        var content = type switch
        {
            DocumentFiles.Pdf => Pdf,
            DocumentFiles.Xlsx => Package("xl/workbook.xml"),
            DocumentFiles.Pptx => Package("ppt/presentation.xml"),
            _ => Package("word/document.xml"),
        };
        var errors = new InputErrors();
        var file = DocumentFiles.Check(errors, "fileName", "content", name, content, 1024 * 1024);
        Assert.False(errors.Any);
        Assert.Equal(type, file!.Value.ContentType);
        Assert.DoesNotContain('\\', file.Value.Name);
    }

    [Fact]
    public void A_file_that_lies_about_its_type_is_empty_too_large_or_not_a_document_is_refused_naming_its_field()
    {
        void Refused(string? name, byte[] content, string field)
        {
            var errors = new InputErrors();
            Assert.Null(DocumentFiles.Check(errors, "fileName", "content", name, content, 64));
            Assert.True(errors.Has(field), field);
        }

        Refused("讲义.pdf", [0x4D, 0x5A, 0x90, 0x00], "content");
        Refused("讲义.pdf", Package("word/document.xml"), "content");
        Refused("签到表.xlsx", Encoding.UTF8.GetBytes("PK\u0003\u0004 broken"), "content");
        Refused("讲义.pdf", [], "content");
        Refused("讲义.pdf", [.. Pdf, .. new byte[100]], "content");
        Refused("照片.png", Pdf, "fileName");
        Refused("程序.exe", Pdf, "fileName");
        Refused("", Pdf, "fileName");
        Refused("a\u0000.pdf", Pdf, "fileName");
    }

    [Fact]
    public void A_pdf_is_taken_with_the_last_part_of_its_name()
    {
        var errors = new InputErrors();
        var file = DocumentFiles.Read(errors, "fileName", @"C:\送审\合同.pdf", "content", PdfBase64);
        Assert.False(errors.Any);
        Assert.Equal("合同.pdf", file!.Value.Name);
        Assert.Equal("application/pdf", file.Value.ContentType);
    }

    [Fact]
    public void A_word_file_is_told_by_its_parts_and_a_workbook_named_docx_is_refused()
    {
        var docx = Convert.ToBase64String(new WordDocument().Paragraph("正文").ToBytes());
        var errors = new InputErrors();
        Assert.Equal(WordDocument.ContentType, DocumentFiles.Read(errors, "fileName", "意见.docx", "content", docx)!.Value.ContentType);

        var xlsx = Convert.ToBase64String(Workbook.Write("表", ["列"], []));
        Assert.Null(DocumentFiles.Read(errors, "fileName", "意见.docx", "content", xlsx));
        Assert.True(errors.Has("content"));
    }

    [Theory]
    [InlineData("合同.pdf", "TVqQAAMAAAAEAAAA", "content")]
    [InlineData("合同.exe", null, "fileName")]
    [InlineData("照片.png", null, "fileName")]
    [InlineData("合同.pdf", "!!! not base64 ###", "content")]
    [InlineData("合同.pdf", "", "content")]
    [InlineData("", null, "fileName")]
    public void What_is_not_a_document_is_refused_under_its_field(string name, string? content, string field)
    {
        var errors = new InputErrors();
        Assert.Null(DocumentFiles.Read(errors, "fileName", name, "content", content ?? PdfBase64));
        Assert.True(errors.Has(field));
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_decoded()
    {
        var errors = new InputErrors();
        var big = Convert.ToBase64String(new byte[2048]);
        Assert.Null(DocumentFiles.Read(errors, "fileName", "合同.pdf", "content", big, maxBytes: 1024));
        Assert.Contains("1 KB", string.Join("", errors.ToDictionary()["content"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_that_is_no_office_package_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("x");
        }

        var errors = new InputErrors();
        Assert.Null(DocumentFiles.Read(errors, "fileName", "合同.docx", "content", Convert.ToBase64String(buffer.ToArray())));
        Assert.True(errors.Has("content"));
    }
}
