using System.IO.Compression;
using Modular.Kit.Documents;
using Modular.Kit.Input;

namespace Modular.Kit.Tests;

public sealed class DocumentFilesTests
{
    private static readonly string Pdf = Convert.ToBase64String("%PDF-1.4\n%%EOF"u8.ToArray());

    [Fact]
    public void A_pdf_is_taken_with_the_last_part_of_its_name()
    {
        var errors = new InputErrors();
        var file = DocumentFiles.Read(errors, "fileName", @"C:\送审\合同.pdf", "content", Pdf);
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
        Assert.Null(DocumentFiles.Read(errors, "fileName", name, "content", content ?? Pdf));
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
