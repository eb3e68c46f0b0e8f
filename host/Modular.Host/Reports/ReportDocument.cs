using System.Globalization;
using Modular.Contracts.Reports;
using Modular.Kit;
using Modular.Kit.Documents;

namespace Modular.Host.Reports;

/// <summary>A line of the report as it is printed: the title, a heading of either level, a paragraph, or a line set right.</summary>
public enum BlockKind
{
    Title,
    Heading,
    Subheading,
    Paragraph,
    Right,
}

public sealed record Block(BlockKind Kind, string Text);

/// <summary>
/// The report of one version as a document: its title, the five contents as first-level headings, the summary's
/// chapters under the first with the facts drafted from the records (figures written into the text) and what people
/// wrote beside them, then the signature. One text for the .docx, the portal and the page, so they never disagree.
/// </summary>
public static class ReportDocument
{
    public static string Title(string townshipName, int year) => $"{townshipName}{year}年法治政府建设工作报告";

    public static string IssuingOffice(string townshipName) => $"{townshipName}人民政府";

    public static IReadOnlyList<Block> Blocks(string townshipName, int year, ReportVersion version, DateOnly signedOn)
    {
        var blocks = new List<Block> { new(BlockKind.Title, Title(townshipName, year)) };
        blocks.AddRange(Written(version, ReportStructure.Opening));
        var number = 0;
        foreach (var (heading, parts) in ReportStructure.Contents)
        {
            blocks.Add(new(BlockKind.Heading, $"{ReportStructure.Ordinal(++number)}、{heading.Chinese}"));
            if (parts is [var only] && ReportStructure.Part(only)!.Chapter is null)
            {
                blocks.AddRange(Written(version, only));
                continue;
            }

            var sub = 0;
            foreach (var key in parts)
            {
                var part = ReportStructure.Part(key)!;
                blocks.Add(new(BlockKind.Subheading, $"（{ReportStructure.Ordinal(++sub)}）{part.Title.Chinese}"));
                foreach (var section in version.Facts.In(part.Chapter!))
                {
                    blocks.AddRange(section.Paragraphs.Select(p => new Block(BlockKind.Paragraph, p)));
                    // A figure the module's own text does not already state is written in as a sentence of its own.
                    var stated = string.Concat(section.Paragraphs);
                    var unstated = section.Figures.Where(f => !stated.Contains(f.Value, StringComparison.Ordinal)).ToList();
                    if (unstated.Count > 0)
                    {
                        blocks.Add(new(BlockKind.Paragraph, string.Join("；", unstated.Select(f => $"{f.Label}{f.Value}")) + "。"));
                    }
                }

                blocks.AddRange(Written(version, key));
            }
        }

        blocks.Add(new(BlockKind.Right, IssuingOffice(townshipName)));
        blocks.Add(new(BlockKind.Right, TownshipTime.Chinese(signedOn)));
        return blocks;
    }

    // What people wrote: one paragraph per line they typed, blank lines dropped.
    private static IEnumerable<Block> Written(ReportVersion version, string key) =>
        version.Parts.TryGetValue(key, out var text)
            ? text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => new Block(BlockKind.Paragraph, l))
            : [];

    /// <summary>The .docx in the format of GB/T 9704-2012, through the kit's writer.</summary>
    public static byte[] Docx(IReadOnlyList<Block> blocks)
    {
        var document = new WordDocument();
        foreach (var block in blocks)
        {
            _ = block.Kind switch
            {
                BlockKind.Title => document.Title(block.Text),
                BlockKind.Heading => document.Heading(block.Text),
                BlockKind.Subheading => document.Subheading(block.Text),
                BlockKind.Right => document.Right(block.Text),
                _ => document.Paragraph(block.Text),
            };
        }

        return document.ToBytes();
    }

    public static string DocxFileName(string townshipName, int year, int version) =>
        $"{Title(townshipName, year)}（第{version.ToString(CultureInfo.InvariantCulture)}版）.docx";

    public static string XlsxFileName(string townshipName, int year, int version) =>
        $"{Title(townshipName, year)}数据（第{version.ToString(CultureInfo.InvariantCulture)}版）.xlsx";

    /// <summary>The version's figures as a table: chapter, label, value, and the page of the records behind each.</summary>
    public static byte[] Xlsx(ReportVersion version, string townshipRoot) =>
        Workbook.Write("报告数据", ["章节", "数据项", "数值", "记录"],
            version.Facts.Figures.Select(f => (IReadOnlyList<object?>)
            [
                ReportStructure.Chapters.FirstOrDefault(c => c.Chapter == f.Section.Chapter)?.Title.Chinese ?? f.Section.Heading,
                f.Figure.Label,
                f.Figure.Value,
                f.Figure.Source is { } source ? $"{townshipRoot}/{source}" : "",
            ]));

    /// <summary>The text handed to the portal: headings by level, paragraphs as level 0.</summary>
    public static IReadOnlyList<ReportBlock> ForPortal(IReadOnlyList<Block> blocks) =>
        [.. blocks.Where(b => b.Kind != BlockKind.Title).Select(b => new ReportBlock(b.Kind switch { BlockKind.Heading => 1, BlockKind.Subheading => 2, BlockKind.Right => -1, _ => 0 }, b.Text))];
}
