using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Wordprocessing;
using Modular.Host.Tests.Infrastructure;
using Modular.Kit;
using Modular.Testing;
using static Modular.Host.Tests.Infrastructure.Reports;

namespace Modular.Host.Tests.Reports;

/// <summary>The report's .docx and .xlsx, read back with the OpenXml SDK and the kit's workbook reader.</summary>
[Collection(NotebookPlatformCollection.Name)]
public sealed class AnnualReportDocumentTests(NotebookPlatform platform)
{
    [Fact]
    public async Task The_docx_is_set_after_GB_T_9704_with_the_five_contents_the_chapters_and_the_figures_written_in()
    {
        var year = TownshipTime.Today(platform.Clock).Year;
        var (admin, slug, clerk, head) = await TownshipAsync(platform, Notebook.Id);
        await RecordMatterAsync(platform, admin, slug, "一件事项");
        await ApprovedAsync(clerk, head, slug, year);

        using var document = ReportFiles.Open(await clerk.GetByteArrayAsync($"{Api(slug, year)}/docx"));

        var section = document.MainDocumentPart!.Document!.Body!.Elements<SectionProperties>().Single();
        Assert.Equal((11906u, 16838u), (section.GetFirstChild<PageSize>()!.Width!.Value, section.GetFirstChild<PageSize>()!.Height!.Value));
        Assert.Equal(DocGridValues.LinesAndChars, section.GetFirstChild<DocGrid>()!.Type!.Value);
        var paragraphs = ReportFiles.Paragraphs(document).Where(p => p.InnerText.Length > 0).ToList();
        var title = paragraphs[0];
        Assert.EndsWith($"{year}年法治政府建设工作报告", title.InnerText);
        Assert.Equal(("方正小标宋简体", "44"), ReportFiles.Face(title));
        var headings = paragraphs.Where(p => ReportFiles.Face(p).Font == "黑体").Select(p => p.InnerText).ToList();
        Assert.Equal(["一、主要举措和成效", "二、党政主要负责人履行推进法治建设第一责任人职责情况", "三、存在的不足和原因", "四、下一年度工作计划", "五、其他需要报告的情况"], headings);
        Assert.All(paragraphs.Where(p => ReportFiles.Face(p).Font == "黑体"), p => Assert.Equal("32", ReportFiles.Face(p).Size));
        var subheadings = paragraphs.Where(p => ReportFiles.Face(p).Font == "楷体_GB2312").Select(p => p.InnerText).ToList();
        Assert.Equal(["（一）强化组织保障，推动工作落实", "（二）依法全面履行政府职能", "（三）推进行政决策科学化、民主化、法治化", "（四）强化对行政权力的制约和监督", "（五）健全矛盾纠纷多元化解机制", "（六）全面提高政府工作人员和广大群众的法治思维和依法行政能力"], subheadings);
        var body = paragraphs.Where(p => ReportFiles.Face(p).Font == "仿宋_GB2312").ToList();
        Assert.All(body, p => Assert.Equal("32", ReportFiles.Face(p).Size));
        var text = string.Join("\n", body.Select(p => p.InnerText));
        Assert.Contains($"{year}年登记事项1件，办结0件", text);
        Assert.Contains("执法过程记录还不够全面。", text);
        var footer = document.MainDocumentPart.FooterParts.Single().Footer!;
        Assert.Equal("— 1 —", string.Concat(footer.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)));
        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
    }

    [Fact]
    public async Task The_xlsx_holds_the_same_figures_as_the_version()
    {
        var year = TownshipTime.Today(platform.Clock).Year;
        var (admin, slug, clerk, _) = await TownshipAsync(platform, Notebook.Id);
        await RecordMatterAsync(platform, admin, slug, "一件事项");
        await OkAsync(SaveAsync(clerk, slug, year, 0, AllParts()));
        var version = await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug, year)}/versions/1");

        var figures = ReportFiles.Figures(await clerk.GetByteArrayAsync($"{Api(slug, year)}/xlsx?version=1"));

        var expected = version.GetProperty("facts").GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("figures").EnumerateArray())
            .Select(f => (f.GetProperty("label").GetString()!, f.GetProperty("value").GetString()!)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, figures);
        Assert.Contains(("登记事项", "1"), figures);
    }
}
