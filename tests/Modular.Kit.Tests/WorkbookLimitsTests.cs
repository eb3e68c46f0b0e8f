using System.Diagnostics;
using Modular.Kit.Documents;
using Modular.Testing;
using Xunit.Abstractions;

namespace Modular.Kit.Tests;

/// <summary>An import reads a workbook only after its unpacked size, cells, columns and cell lengths are known to be within bounds.</summary>
public sealed class WorkbookLimitsTests(ITestOutputHelper output)
{
    private static readonly string[] Columns = ["户号", "户主"];

    [Fact]
    public void A_zip_bomb_of_400_MB_in_a_few_hundred_KB_is_refused_before_a_cell_is_read_and_costs_almost_no_memory()
    {
        var bomb = ZipBombs.OneHugeCell(400L * 1024 * 1024);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var (rows, errors) = Workbook.Read(new MemoryStream(bomb), Columns, maxRows: 10);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"bomb {bomb.Length / 1024} KB, allocated while refusing it {allocated / 1024} KB");
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.Empty(rows);
        Assert.Contains("32 MB", Assert.Single(errors).Message);
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_bomb_that_lies_about_its_size_is_caught_at_the_size_it_declares()
    {
        var liar = ZipBombs.OneHugeCell(100L * 1024 * 1024, declareBytes: 4096);
        var clock = Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var (rows, errors) = Workbook.Read(new MemoryStream(liar), Columns, maxRows: 10);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"liar {liar.Length / 1024} KB refused in {clock.ElapsedMilliseconds} ms, allocated {allocated / 1024} KB");
        Assert.Empty(rows);
        Assert.Equal(0, Assert.Single(errors).Row);
        Assert.True(allocated < 16 * 1024 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_cell_longer_than_excel_allows_a_sheet_wider_than_the_limit_or_too_many_cells_is_refused_with_a_message_saying_so()
    {
        var longCell = Workbook.Write("台账", Columns, [["0001", new string('长', 40_000)]]);
        var wide = Workbook.Write("台账", [.. Enumerable.Range(1, 120).Select(i => $"列{i}")], [[.. Enumerable.Range(1, 120).Select(i => (object?)"x")]]);
        var many = Workbook.Write("台账", Columns, Enumerable.Range(1, 60).Select(i => (IReadOnlyList<object?>)["0001", "张三"]));

        Assert.Contains("32767", Refusal(longCell));
        Assert.Contains("100", Refusal(wide));
        Assert.Contains("100", Refusal(many, new WorkbookLimits(MaxCells: 100)));
    }

    [Fact]
    public void An_encrypted_or_old_xls_file_a_word_document_or_a_zip_of_something_else_is_refused_as_not_an_xlsx()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        var word = new WordDocument().Title("通知").Paragraph("正文").ToBytes();
        using var other = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(other, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("readme.txt").Open();
            entry.Write("hello"u8);
        }

        Assert.Contains("加密", Refusal(ole));
        Assert.Contains(".xlsx", Refusal(word));
        Assert.Contains(".xlsx", Refusal(other.ToArray()));
        Assert.Contains(".xlsx", Refusal([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
    }

    [Fact]
    public void The_largest_ledger_a_township_imports_fits_the_default_limits()
    {
        var text = new string('村', 50);
        var columns = Enumerable.Range(1, 20).Select(i => $"列{i}").ToList();
        var ledger = Workbook.Write("台账", columns, Enumerable.Range(1, 5000).Select(r => (IReadOnlyList<object?>)[.. columns.Select(c => (object?)(text + r))]));

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(ledger));
        output.WriteLine($"5,000 rows × 20 columns of 50 characters: {ledger.Length / 1024} KB packed, {zip.Entries.Sum(e => e.Length) / 1024 / 1024} MB unpacked");
        Assert.Null(WorkbookLimits.Default.Refusal(new MemoryStream(ledger)));
    }

    private static string Refusal(byte[] file, WorkbookLimits? limits = null) => (limits ?? WorkbookLimits.Default).Refusal(new MemoryStream(file)) ?? "(accepted)";
}
