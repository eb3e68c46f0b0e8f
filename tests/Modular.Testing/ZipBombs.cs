using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Modular.Testing;

/// <summary>
/// Hostile .xlsx files, built in memory: a well-formed workbook whose one cell is <c>expandedBytes</c> of one letter,
/// which deflate packs about a thousand to one, honest about its size or lying about it in the zip's directory.
/// </summary>
public static class ZipBombs
{
    private const string Sheet = "xl/worksheets/sheet1.xml";

    /// <summary>A workbook whose first cell unpacks to <paramref name="expandedBytes"/>; with <paramref name="declareBytes"/>, its headers claim that size instead.</summary>
    public static byte[] OneHugeCell(long expandedBytes, uint? declareBytes = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            var entry = zip.CreateEntry(Sheet, CompressionLevel.SmallestSize);
            using var sheet = entry.Open();
            sheet.Write(Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"""));
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'A');
            for (var left = expandedBytes; left > 0; left -= chunk.Length)
            {
                sheet.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            }

            sheet.Write("</t></is></c></row></sheetData></worksheet>"u8);
        }

        var bytes = output.ToArray();
        if (declareBytes is { } claimed)
        {
            Declare(bytes, Sheet, claimed);
        }

        return bytes;
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Rewrites the uncompressed size of one part in its local header and in the central directory.</summary>
    private static void Declare(byte[] zip, string name, uint size)
    {
        var encoded = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i));
            if (signature == 0x04034b50 && NameAt(zip, i + 30, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 26))).SequenceEqual(encoded))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50 && NameAt(zip, i + 46, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28))).SequenceEqual(encoded))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(i + 24), size);
            }
        }
    }

    private static ReadOnlySpan<byte> NameAt(byte[] zip, int offset, int length) =>
        offset + length <= zip.Length ? zip.AsSpan(offset, length) : [];
}
