using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Modular.Kit.Documents;

namespace Modular.Kit.Tests;

/// <summary>The .docx read back as Word reads it: GB/T 9704-2012's page, fonts and sizes, and text that cannot break it.</summary>
public sealed class WordDocumentTests
{
    private static WordprocessingDocument Written(out byte[] bytes)
    {
        bytes = new WordDocument()
            .Title("人民调解协议书")
            .Heading("一、纠纷简要情况")
            .Subheading("（一）当事人")
            .Paragraph("申请人张三\u0000与被申请人李四\u0007因宅基地边界发生纠纷。")
            .Table(["姓名", "住址"], [["张三", "野马川镇\u0001街上村"]])
            .Right("野马川镇人民调解委员会")
            .ToBytes();
        return WordprocessingDocument.Open(new MemoryStream(bytes), false);
    }

    [Fact]
    public void The_page_is_A4_with_the_margins_of_GB_T_9704()
    {
        using var document = Written(out _);
        var section = document.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();

        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        // 37 mm top, 35 mm bottom, 28 mm left (the binding side), 26 mm right.
        Assert.Equal((2098, 1984, 1587u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
    }

    [Fact]
    public void The_grid_sets_22_lines_of_28_characters_in_the_type_area()
    {
        using var document = Written(out _);
        var section = document.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();
        var grid = section.GetFirstChild<DocGrid>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        var size = section.GetFirstChild<PageSize>()!;

        Assert.Equal(DocGridValues.LinesAndChars, grid.Type!.Value);
        // 22 lines: the type area's height (297 − 37 − 35 mm) over the line pitch.
        var typeHeight = size.Height!.Value - margin.Top!.Value - margin.Bottom!.Value;
        Assert.Equal(22, (int)(typeHeight / grid.LinePitch!.Value));
        // 28 characters: the body's 16 pt plus the grid's extra pitch (1/4096 pt), into the type area's width.
        var typeWidthPoints = (size.Width!.Value - margin.Left!.Value - margin.Right!.Value) / 20.0;
        var pitch = 16 + (grid.CharacterSpace!.Value / 4096.0);
        Assert.Equal(28, (int)Math.Floor(typeWidthPoints / pitch));
    }

    [Fact]
    public void The_title_is_xiaobiaosong_2hao_and_the_body_fangsong_3hao_with_heiti_and_kaiti_headings()
    {
        using var document = Written(out _);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();

        (string Font, string Size) Look(string startsWith)
        {
            var run = paragraphs.Single(p => p.InnerText.StartsWith(startsWith, StringComparison.Ordinal)).Descendants<Run>().First();
            return (run.RunProperties!.RunFonts!.EastAsia!.Value!, run.RunProperties.FontSize!.Val!.Value!);
        }

        Assert.Equal(("方正小标宋简体", "44"), Look("人民调解协议书"));
        Assert.Equal(("黑体", "32"), Look("一、"));
        Assert.Equal(("楷体_GB2312", "32"), Look("（一）"));
        Assert.Equal(("仿宋_GB2312", "32"), Look("申请人"));
        Assert.Equal(
            JustificationValues.Center,
            paragraphs.Single(p => p.InnerText == "人民调解协议书").ParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void The_font_table_names_a_Chinese_alternate_for_every_font()
    {
        using var document = Written(out _);
        var fonts = document.MainDocumentPart!.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!);

        foreach (var (name, alternate) in new[] { ("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"), ("黑体", "SimHei"), ("楷体_GB2312", "楷体") })
        {
            Assert.Equal(alternate, fonts[name].AltName!.Val!.Value);
            Assert.Equal("86", fonts[name].FontCharSet!.Val!.Value);
        }
    }

    [Fact]
    public void Control_characters_in_stored_text_do_not_break_the_file()
    {
        using var document = Written(out var bytes);
        Assert.NotEmpty(bytes);

        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("申请人张三与被申请人李四因宅基地边界发生纠纷。", text, StringComparison.Ordinal);
        Assert.Contains("野马川镇街上村", text, StringComparison.Ordinal);
        // What Word does first: parse the part as XML 1.0, which a stray control character would make fail.
        using var xml = document.MainDocumentPart.GetStream();
        Assert.NotNull(System.Xml.Linq.XDocument.Load(xml).Root);
    }
}
