using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Modular.Host.Tests.Infrastructure;

/// <summary>The report's files read back as Word and Excel read them.</summary>
internal static class ReportFiles
{
    public static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    /// <summary>Every paragraph's text, one a line.</summary>
    public static string Text(byte[] docx)
    {
        using var document = Open(docx);
        return string.Join("\n", Paragraphs(document).Select(p => p.InnerText));
    }

    public static IReadOnlyList<Paragraph> Paragraphs(WordprocessingDocument document) => [.. document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()];

    /// <summary>The east-Asian font and the size (half-points) of a paragraph's first run.</summary>
    public static (string? Font, string? Size) Face(Paragraph paragraph)
    {
        var run = paragraph.Elements<Run>().First().RunProperties!;
        return (run.RunFonts?.EastAsia?.Value, run.FontSize?.Val?.Value);
    }

    /// <summary>The figures table: (数据项, 数值) per row.</summary>
    public static IReadOnlyList<(string Label, string Value)> Figures(byte[] xlsx)
    {
        var (rows, errors) = Modular.Kit.Documents.Workbook.Read(new MemoryStream(xlsx), ["数据项", "数值"], 1000);
        Assert.Empty(errors);
        return [.. rows.Select(r => (r["数据项"], r["数值"]))];
    }
}
