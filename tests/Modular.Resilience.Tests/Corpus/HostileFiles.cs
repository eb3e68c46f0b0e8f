using System.IO.Compression;
using System.Text;

namespace Modular.Resilience.Tests.Corpus;

/// <summary>Files an attacker or a careless clerk uploads where a workbook or an attachment is expected.</summary>
internal static class HostileFiles
{
    /// <summary>How far the zip bomb expands: the size that cost the host 2.2–3.2 GB before the workbook reader was bounded.</summary>
    public const long BombExpandedBytes = 400L * 1024 * 1024;

    private static readonly Lazy<byte[]> CellBomb = new(() => Workbook(sheet => WriteCellBomb(sheet, BombExpandedBytes)));
    private static readonly Lazy<byte[]> RowBomb = new(() => Workbook(sheet => WriteRows(sheet, 1_000_000)));

    /// <summary>Each file with its name; the content type the client claims is the workbook's, whatever the bytes are.</summary>
    public static IEnumerable<(string Case, string FileName, byte[] Bytes)> Imports()
    {
        yield return ("zip bomb: one cell expanding to 400 MB", "ledger.xlsx", CellBomb.Value);
        yield return ("zip bomb: a million rows", "ledger.xlsx", RowBomb.Value);
        yield return ("PNG bytes named .xlsx", "ledger.xlsx", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[512]]);
        yield return ("CSV text named .xlsx", "ledger.xlsx", Encoding.UTF8.GetBytes("编号,受理日期\n1,2026-01-05\n"));
        yield return ("truncated zip", "ledger.xlsx", CellBomb.Value[..200]);
        yield return ("a Word document, not a workbook", "ledger.xlsx", Zip(("word/document.xml", "<w:document/>")));
        yield return ("a zip without a sheet", "ledger.xlsx", Zip(("xl/workbook.xml", "<workbook/>")));
        yield return ("empty file", "ledger.xlsx", []);
        yield return ("11 MB of noise", "ledger.xlsx", Noise(11 * 1024 * 1024));
        yield return ("NUL in the file name", "led\0ger.xlsx", Encoding.UTF8.GetBytes("x"));
        yield return ("a 5,000-character file name", new string('名', 5000) + ".xlsx", Encoding.UTF8.GetBytes("x"));
    }

    /// <summary>Attachment bodies: (case, file name, base64 content) for JSON attachment endpoints.</summary>
    public static IEnumerable<(string Case, string? FileName, string? Base64)> Attachments()
    {
        var small = Convert.ToBase64String(Encoding.UTF8.GetBytes("公告正文"));
        yield return ("an executable named .pdf", "公告.pdf", Convert.ToBase64String([0x4D, 0x5A, 0x90, 0x00, .. new byte[256]]));
        yield return ("12 MB attachment", "大文件.pdf", Convert.ToBase64String(Noise(12 * 1024 * 1024)));
        yield return ("content that is not base64", "公告.pdf", "!!! not base64 ###");
        yield return ("empty content", "公告.pdf", "");
        yield return ("null content", "公告.pdf", null);
        yield return ("null file name", null, small);
        yield return ("a 5,000-character file name", new string('名', 5000) + ".pdf", small);
        yield return ("NUL in the file name", "公\0告.pdf", small);
        yield return ("control characters in the file name", "公\u0001告\u001b.pdf", small);
        yield return ("a path in the file name", "../../../etc/passwd", small);
        yield return ("script in the file name", "<script>alert(1)</script>.pdf", small);
    }

    public static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(12).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A minimal, valid .xlsx whose one sheet is written by <paramref name="writeSheet"/>.</summary>
    private static byte[] Workbook(Action<Stream> writeSheet)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }

            Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            writeSheet(sheet);
        }

        return buffer.ToArray();
    }

    private static void WriteCellBomb(Stream sheet, long expandedBytes)
    {
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"""u8);
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)'A');
        for (long written = 0; written < expandedBytes; written += chunk.Length)
        {
            sheet.Write(chunk);
        }

        sheet.Write("</t></is></c></row></sheetData></worksheet>"u8);
    }

    private static void WriteRows(Stream sheet, int rows)
    {
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""u8);
        var row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"u8.ToArray();
        for (var i = 0; i < rows; i++)
        {
            sheet.Write(row);
        }

        sheet.Write("</sheetData></worksheet>"u8);
    }
}
