using System.Text;
using Modular.Kit.Documents;

namespace Modular.Kit.Tests;

/// <summary>CSV as Windows saves it: the encoding found from the bytes, quoted cells kept whole, anything else refused.</summary>
public sealed class CsvLedgerTests
{
    private const string Text = "姓名,事由\r\n张三,\"借款，未还\"\r\n李四,\"两行\r\n说明\"\r\n\r\n";

    private static readonly string[] Columns = ["姓名", "事由"];

    public static TheoryData<string> Encodings => ["GBK", "UTF-8 with a mark", "UTF-8", "UTF-16 tab-separated"];

    private static byte[] Bytes(string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return encoding switch
        {
            "GBK" => Encoding.GetEncoding(936).GetBytes(Text),
            "UTF-8 with a mark" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)],
            "UTF-8" => Encoding.UTF8.GetBytes(Text),
            _ => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text.Replace(",\"借款，未还\"", "\t\"借款，未还\"").Replace(",\"两行", "\t\"两行").Replace("姓名,", "姓名\t"))],
        };
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_file_reads_the_same_whichever_encoding_Excel_saved_it_in(string encoding)
    {
        var (rows, errors) = CsvLedger.Read(Bytes(encoding), Columns, 10);
        Assert.Empty(errors);
        Assert.Equal(2, rows.Count);
        Assert.Equal("借款，未还", rows[0]["事由"]);
        Assert.Equal("两行\r\n说明", rows[1]["事由"]);
        Assert.Equal(3, rows[1].Number);
    }

    [Fact]
    public void A_binary_file_a_missing_column_and_too_many_rows_are_refused_by_name()
    {
        Assert.Contains("CSV", CsvLedger.Read([0x89, 0x50, 0x4E, 0x47, 0, 1, 2], Columns, 10).Errors.Single().Message);
        Assert.Equal("表头", CsvLedger.Read(Encoding.UTF8.GetBytes("姓名\r\n张三\r\n"), Columns, 10).Errors.Single().Column);
        Assert.Equal(3, CsvLedger.Read(Encoding.UTF8.GetBytes(Text), Columns, 1).Errors.Single().Row);
    }

    [Fact]
    public void An_upload_that_is_a_workbook_is_read_as_one_whatever_its_name()
    {
        var workbook = Workbook.Write("表", Columns, [["张三", "借款"]]);
        var (rows, errors) = CsvLedger.ReadWorkbookOrCsv(new MemoryStream(workbook), Columns, 10);
        Assert.Empty(errors);
        Assert.Equal("借款", Assert.Single(rows)["事由"]);
    }
}
