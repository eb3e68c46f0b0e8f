using Modular.Kit.Documents;

namespace Modular.Kit.Tests;

public sealed class WorkbookTests
{
    private static readonly string[] Columns = ["户号", "户主", "村组"];

    [Fact]
    public void A_written_ledger_reads_back_row_by_row_with_Excel_s_row_numbers()
    {
        var bytes = Workbook.Write("分户台账", Columns, [["0012", "张三", "街上村"], ["0013", "李\u0000四", "河边村"]]);

        var (rows, errors) = Workbook.Read(new MemoryStream(bytes), Columns, maxRows: 10);

        Assert.Empty(errors);
        Assert.Equal([2, 3], rows.Select(r => r.Number));
        Assert.Equal(("0012", "张三", "街上村"), (rows[0]["户号"], rows[0]["户主"], rows[0]["村组"]));
        Assert.Equal("李四", rows[1]["户主"]);
        Assert.Equal("", rows[1]["没有的列"]);
    }

    [Fact]
    public void An_empty_ledger_still_has_its_header_row()
    {
        var bytes = Workbook.Write("分户台账", Columns, []);

        var (rows, errors) = Workbook.Read(new MemoryStream(bytes), Columns, maxRows: 10);

        Assert.Empty(rows);
        Assert.Equal((2, "文件"), (Assert.Single(errors).Row, errors[0].Column));
    }

    [Fact]
    public void A_file_that_is_not_an_xlsx_is_refused_as_a_whole()
    {
        var (rows, errors) = Workbook.Read(new MemoryStream("户号,户主\n0012,张三"u8.ToArray()), Columns, maxRows: 10);

        Assert.Empty(rows);
        Assert.Equal((0, "文件"), (Assert.Single(errors).Row, errors[0].Column));
    }

    [Fact]
    public void Missing_columns_are_named()
    {
        var bytes = Workbook.Write("分户台账", ["户号"], [["0012"]]);

        var error = Assert.Single(Workbook.Read(new MemoryStream(bytes), Columns, maxRows: 10).Errors);

        Assert.Equal((1, "表头"), (error.Row, error.Column));
        Assert.Contains("户主、村组", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_rows_than_allowed_are_refused_before_any_is_taken()
    {
        var bytes = Workbook.Write("分户台账", Columns, Enumerable.Range(1, 6).Select(i => (IReadOnlyList<object?>)[$"{i:D4}", "张三", "街上村"]));

        var (rows, errors) = Workbook.Read(new MemoryStream(bytes), Columns, maxRows: 5);

        Assert.Empty(rows);
        Assert.Equal(7, Assert.Single(errors).Row);
    }

    [Fact]
    public void A_row_s_problems_are_reported_under_their_columns()
    {
        var errors = Workbook.RowErrors(4, new Dictionary<string, string[]> { ["headName"] = ["请填写户主 / Head is required."], ["other"] = ["?"] },
            field => field == "headName" ? "户主" : null).ToList();

        Assert.Equal([new ImportRowError(4, "户主", "请填写户主 / Head is required."), new ImportRowError(4, "行", "?")], errors);
    }
}
