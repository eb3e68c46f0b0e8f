using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Modular.Kit.Input;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace Modular.Kit.Documents;

/// <summary>
/// A Word document built paragraph by paragraph, set as a township office prints its documents (党政机关公文格式,
/// GB/T 9704-2012): A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the title in 2号 小标宋; headings in
/// 3号 黑体 (first level) and 楷体 (second level); the body in 3号 仿宋 at a fixed 28.95 pt line on a grid of 22 lines of
/// 28 characters, first lines indented two characters; page numbers at the foot. The font table names for each font the ones a machine
/// without it substitutes (宋体, 黑体, 楷体, 仿宋 and their Windows and Linux names), so Chinese never renders as boxes.
/// Every text passes through <see cref="PlainText.ForXml"/>: what is stored can never break the file.
/// </summary>
public sealed class WordDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The fonts, by the name a township's Windows office has, and what stands in for each where it is missing.</summary>
    public static class Fonts
    {
        public const string Title = "方正小标宋简体";
        public const string Body = "仿宋_GB2312";
        public const string Heading = "黑体";
        public const string Subheading = "楷体_GB2312";
        public const string Latin = "Times New Roman";

        internal static readonly IReadOnlyDictionary<string, string> Substitutes = new Dictionary<string, string>
        {
            [Title] = "宋体,SimSun,Noto Serif CJK SC,Source Han Serif SC,AR PL UMing CN",
            [Body] = "仿宋,FangSong,STFangsong,Noto Serif CJK SC,AR PL UMing CN",
            [Heading] = "SimHei,STHeiti,Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Zen Hei",
            [Subheading] = "楷体,KaiTi,STKaiti,Noto Serif CJK SC,AR PL UKai CN",
        };
    }

    // Sizes in half-points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt, 小四 = 12 pt, 五号 = 10.5 pt.
    private const int TitleSize = 44;
    private const int BodySize = 32;
    private const int TableSize = 24;
    private const int FooterSize = 28;
    private const int LineTwips = 579; // 28.95 pt: 22 lines in the type area

    /// <summary>Lines a page and characters a line in the type area (GB/T 9704-2012 §5.2.2).</summary>
    public const int LinesPerPage = 22;

    public const int CharactersPerLine = 28;

    // The type area is 156 mm wide (210 − 28 − 26): 28 characters of 3号 (16 pt) need 448 pt, the area holds 442.2 pt, so
    // the grid narrows each character's pitch a little. Word counts docGrid charSpace in 1/4096 pt beyond the font size.
    internal static readonly int CharacterSpace = (int)Math.Round(((MmTwips(156) / 20.0 / CharactersPerLine) - (BodySize / 2.0)) * 4096);

    private static int MmTwips(double mm) => (int)Math.Round(mm / 25.4 * 1440);

    private readonly Body _body = new();

    /// <summary>The document's title, centred, in 2号 小标宋.</summary>
    public WordDocument Title(string text) => Add(text, Fonts.Title, TitleSize, JustificationValues.Center, indent: false, bold: false, spaceAfterLines: 1);

    /// <summary>A first-level heading (一、…) in 3号 黑体.</summary>
    public WordDocument Heading(string text) => Add(text, Fonts.Heading, BodySize, JustificationValues.Left, indent: true, bold: false);

    /// <summary>A second-level heading ((一)…) in 3号 楷体.</summary>
    public WordDocument Subheading(string text) => Add(text, Fonts.Subheading, BodySize, JustificationValues.Left, indent: true, bold: false);

    /// <summary>A body paragraph in 3号 仿宋, justified, its first line indented two characters unless told otherwise.</summary>
    public WordDocument Paragraph(string text, bool indent = true) => Add(text, Fonts.Body, BodySize, JustificationValues.Both, indent, bold: false);

    /// <summary>A line set to the right: the issuing office, the date, a signature line.</summary>
    public WordDocument Right(string text) => Add(text, Fonts.Body, BodySize, JustificationValues.Right, indent: false, bold: false);

    /// <summary>A ruled table, its header row bold, in 小四 仿宋.</summary>
    public WordDocument Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
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
            AddStyles(main);
            AddFontTable(main);
            var footer = AddFooter(main);
            var body = (Body)_body.CloneNode(true);
            body.Append(Section(main.GetIdOfPart(footer)));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static SectionProperties Section(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = (UInt32Value)(uint)MmTwips(210), Height = (UInt32Value)(uint)MmTwips(297) },
        new PageMargin
        {
            Top = MmTwips(37),
            Bottom = MmTwips(35),
            Left = (UInt32Value)(uint)MmTwips(28),
            Right = (UInt32Value)(uint)MmTwips(26),
            Header = (UInt32Value)(uint)MmTwips(15),
            Footer = (UInt32Value)(uint)MmTwips(24), // the page number 7 mm below the type area
            Gutter = 0,
        },
        new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = LineTwips, CharacterSpace = CharacterSpace });

    // The document's default run and paragraph: 仿宋 3号 at the fixed line, so anything without its own formatting
    // (an empty paragraph, a table's spacing) keeps the body's measure.
    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(RunFontsFor(Fonts.Body), new FontSize { Val = BodySize.ToString(CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = BodySize.ToString(CultureInfo.InvariantCulture) }, new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines
            {
                Line = LineTwips.ToString(CultureInfo.InvariantCulture),
                LineRule = LineSpacingRuleValues.Exact,
                Before = "0",
                After = "0",
            }))));
        styles.Styles.Save();
    }

    private static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        var fonts = new DocumentFormat.OpenXml.Wordprocessing.Fonts();
        foreach (var (name, substitutes) in Fonts.Substitutes)
        {
            fonts.Append(new Font(
                new AltName { Val = substitutes.Split(',')[0] },
                new FontCharSet { Val = "86" }, // GB2312: a machine without the font picks a Chinese one
                new FontFamily { Val = name == Fonts.Heading ? FontFamilyValues.Modern : FontFamilyValues.Roman },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = name });
        }

        fonts.Append(new Font(new FontCharSet { Val = "00" }, new FontFamily { Val = FontFamilyValues.Roman }, new Pitch { Val = FontPitchValues.Variable }) { Name = Fonts.Latin });
        part.Fonts = fonts;
        part.Fonts.Save();
    }

    // 4号 page numbers, "— 1 —", at the foot.
    private static FooterPart AddFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        var properties = () => new RunProperties(RunFontsFor("宋体"), new FontSize { Val = FooterSize.ToString(CultureInfo.InvariantCulture) });
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(properties(), new WordText("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(properties(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(properties(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(properties(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(properties(), new WordText("1")),
            new Run(properties(), new FieldChar { FieldCharType = FieldCharValues.End }),
            new Run(properties(), new WordText(" —") { Space = SpaceProcessingModeValues.Preserve })));
        part.Footer.Save();
        return part;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto }),
            Run(c, Fonts.Body, TableSize, bold)))));

    private WordDocument Add(string text, string font, int size, JustificationValues justification, bool indent, bool bold, int spaceAfterLines = 0)
    {
        var properties = new ParagraphProperties(new Justification { Val = justification });
        if (spaceAfterLines > 0)
        {
            properties.Append(new SpacingBetweenLines { AfterLines = spaceAfterLines * 100 });
        }

        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        // A stored line break is a new line of the same paragraph, as the clerk typed it.
        var paragraph = new Paragraph(properties);
        var lines = PlainText.ForXml(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new Run(new Break()));
            }

            paragraph.Append(Run(lines[i], font, size, bold));
        }

        _body.Append(paragraph);
        return this;
    }

    private static RunFonts RunFontsFor(string eastAsia) => new() { EastAsia = eastAsia, Ascii = Fonts.Latin, HighAnsi = Fonts.Latin, ComplexScript = Fonts.Latin };

    private static Run Run(string text, string font, int size, bool bold)
    {
        var properties = new RunProperties(RunFontsFor(font), new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.Append(new Bold());
        }

        return new Run(properties, new WordText(PlainText.ForXml(text)) { Space = SpaceProcessingModeValues.Preserve });
    }
}
