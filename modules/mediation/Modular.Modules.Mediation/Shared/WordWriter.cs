using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Modular.Modules.Mediation.Shared;

/// <summary>A plain Word document built paragraph by paragraph: what townships print, sign and seal.</summary>
internal sealed class WordWriter
{
    private readonly Body _body = new();

    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public WordWriter Title(string text) => Add(text, bold: true, size: 36, JustificationValues.Center);

    public WordWriter Heading(string text) => Add(text, bold: true, size: 28, JustificationValues.Left);

    public WordWriter Paragraph(string text, bool indent = true) => Add(text, bold: false, size: 24, JustificationValues.Both, indent);

    public WordWriter Right(string text) => Add(text, bold: false, size: 24, JustificationValues.Right);

    public WordWriter Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(header, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }

        _body.Append(table);
        _body.Append(new Paragraph());
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(_body.CloneNode(true));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(new Paragraph(Run(c, bold, 21)))));

    private WordWriter Add(string text, bool bold, int size, JustificationValues justification, bool indent = false)
    {
        var properties = new ParagraphProperties(new Justification { Val = justification });
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        _body.Append(new Paragraph(properties, Run(text, bold, size)));
        return this;
    }

    private static Run Run(string text, bool bold, int size)
    {
        var properties = new RunProperties(
            new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman", HighAnsi = "Times New Roman" },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.Append(new Bold());
        }

        return new Run(properties, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
