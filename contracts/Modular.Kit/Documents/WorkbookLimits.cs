using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Modular.Kit.Documents;

/// <summary>
/// How much an imported workbook may hold once unpacked. An .xlsx is a zip: a 400 KB upload can unpack to 400 MB of
/// one cell, and a reader holds several times that in memory. These bounds are checked on the zip's directory and
/// then while streaming every part (counting what really comes out, so a part that lies about its size is caught at
/// its declared size), before any reader builds a cell.
/// </summary>
/// <param name="MaxExpandedBytes">All parts together, unpacked (32 MB: a 5,000-row, 20-column ledger of long Chinese text is about 15 MB).</param>
/// <param name="MaxCells">Cells holding a value, over every sheet.</param>
/// <param name="MaxColumns">The last column any cell or the sheet's dimension may name (CV = 100; ledgers use about 20).</param>
/// <param name="MaxCellCharacters">One cell's text (32,767, Excel's own limit).</param>
public sealed record WorkbookLimits(long MaxExpandedBytes = 32 * 1024 * 1024, int MaxCells = 200_000, int MaxColumns = 100, int MaxCellCharacters = 32_767)
{
    public static WorkbookLimits Default { get; } = new();

    private const int MaxParts = 2_000;

    /// <summary>Why the file cannot be imported, in both languages; null when it may be read.</summary>
    public string? Refusal(Stream file)
    {
        Span<byte> signature = stackalloc byte[8];
        file.Position = 0;
        var read = file.ReadAtLeast(signature, signature.Length, throwOnEndOfStream: false);
        file.Position = 0;
        if (read == 8 && BinaryPrimitives.ReadUInt64BigEndian(signature) == 0xD0CF11E0A1B11AE1)
        {
            return "文件已加密或为旧版 .xls 格式，请另存为不加密码的 .xlsx / The file is encrypted or an old .xls workbook: save it as an .xlsx without a password.";
        }

        if (read < 4 || !signature[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            return NotXlsx;
        }

        var budget = new Budget(MaxExpandedBytes);
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            return Inspect(zip, budget);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or XmlException or NotSupportedException)
        {
            return budget.Refusal ?? NotXlsx;
        }
        finally
        {
            file.Position = 0;
        }
    }

    private const string NotXlsx = "无法读取该文件，请使用 .xlsx 模板 / The file is not a readable .xlsx workbook.";

    private string? Inspect(ZipArchive zip, Budget budget)
    {
        var entries = zip.Entries;
        if (entries.Count > MaxParts)
        {
            return NotXlsx;
        }

        if (!entries.Any(e => e.FullName == "[Content_Types].xml") || !entries.Any(e => e.FullName == "xl/workbook.xml"))
        {
            return NotXlsx;
        }

        if (entries.Any(e => e.IsEncrypted))
        {
            return "文件已加密，请另存为不加密码的 .xlsx / The workbook is encrypted: save it without a password.";
        }

        var declared = entries.Sum(e => Math.Max(e.Length, 0));
        if (declared > MaxExpandedBytes)
        {
            return TooLarge(declared);
        }

        var cells = 0;
        foreach (var entry in entries)
        {
            using var content = new CountingStream(entry.Open(), entry.Length, budget, this);
            var refusal = entry.FullName switch
            {
                var n when n.StartsWith("xl/worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal) => Sheet(content, ref cells),
                "xl/sharedStrings.xml" => SharedStrings(content),
                _ => Drain(content),
            };
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    private string? Sheet(Stream content, ref int cells)
    {
        using var xml = XmlReader.Create(content, Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "dimension" when xml.GetAttribute("ref") is { } range && LastColumn(range) > MaxColumns:
                        return TooWide(LastColumn(range));
                    case "c" when xml.GetAttribute("r") is { } reference && LastColumn(reference) > MaxColumns:
                        return TooWide(LastColumn(reference));
                    case "v" or "is":
                        if (++cells > MaxCells)
                        {
                            return string.Create(CultureInfo.InvariantCulture, $"文件的单元格超过{MaxCells}个 / The workbook holds more than {MaxCells} cells.");
                        }

                        if (!xml.IsEmptyElement && TextLength(xml, xml.Depth) > MaxCellCharacters)
                        {
                            return TooLong();
                        }

                        break;
                }
            }
        }

        return null;
    }

    private string? SharedStrings(Stream content)
    {
        using var xml = XmlReader.Create(content, Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && !xml.IsEmptyElement && TextLength(xml, xml.Depth) > MaxCellCharacters)
            {
                return TooLong();
            }
        }

        return null;
    }

    /// <summary>The text under the current element, counted in chunks, never built into one string; leaves the reader at its end.</summary>
    private long TextLength(XmlReader xml, int depth)
    {
        var chunk = new char[4096];
        long length = 0;
        while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                int n;
                while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    length += n;
                    if (length > MaxCellCharacters)
                    {
                        return length;
                    }
                }
            }
        }

        return length;
    }

    private static string? Drain(Stream content)
    {
        var buffer = new byte[16 * 1024];
        while (content.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        return null;
    }

    /// <summary>The column number of a reference's last column: A1 → 1, B2:CV10 → 100.</summary>
    private static int LastColumn(string reference)
    {
        var last = reference[(reference.LastIndexOf(':') + 1)..];
        var column = 0;
        foreach (var c in last)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = Math.Min(column * 26 + (c - 'A' + 1), 1 << 20);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = Math.Min(column * 26 + (c - 'a' + 1), 1 << 20);
            }
            else if (c != '$')
            {
                break;
            }
        }

        return column;
    }

    private string TooLarge(long bytes) => string.Create(CultureInfo.InvariantCulture,
        $"文件解压后超过 {MaxExpandedBytes / 1024 / 1024} MB 的上限（{Math.Max(bytes / 1024 / 1024, 1)} MB 以上）/ The workbook unpacks to more than the {MaxExpandedBytes / 1024 / 1024} MB limit ({Math.Max(bytes / 1024 / 1024, 1)} MB or more).");

    private string TooWide(int column) => string.Create(CultureInfo.InvariantCulture,
        $"工作表有{column}列，超过{MaxColumns}列的上限 / The sheet reaches column {column}, beyond the {MaxColumns}-column limit.");

    private string TooLong() => string.Create(CultureInfo.InvariantCulture,
        $"有单元格超过{MaxCellCharacters}字 / A cell holds more than {MaxCellCharacters} characters.");

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, CloseInput = false };

    private sealed class Budget(long remaining)
    {
        public long Remaining { get; set; } = remaining;

        /// <summary>Why streaming stopped, when it was a limit and not a broken file.</summary>
        public string? Refusal { get; set; }
    }

    /// <summary>Counts what a part really unpacks to: past its declared size, or past the whole budget, it stops.</summary>
    private sealed class CountingStream(Stream inner, long declared, Budget budget, WorkbookLimits limits) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            budget.Remaining -= n;
            if (_read > declared)
            {
                budget.Refusal = "文件中的部件比声明的更大（可能是压缩炸弹）/ A part of the file unpacks to more than it declares (a zip bomb?).";
                throw new InvalidDataException(budget.Refusal);
            }

            if (budget.Remaining < 0)
            {
                budget.Refusal = limits.TooLarge(limits.MaxExpandedBytes + 1);
                throw new InvalidDataException(budget.Refusal);
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
