using System.Text;

namespace Modular.Kit.Documents;

/// <summary>
/// A ledger saved as CSV the way Windows writes it: Excel's "CSV (逗号分隔)" in the system's code page (GBK on a
/// Chinese Windows, read here as GB18030, its superset), "CSV UTF-8" with a byte-order mark, or UTF-8 without one from
/// other tools; Excel's "Unicode 文本" (UTF-16 with a mark, tab-separated) too. The encoding is detected, never asked:
/// a clerk does not know which one their Excel chose. Rows come back as <see cref="Workbook.Read"/> gives them (the
/// header is row 1, a quoted cell may hold commas and line breaks), so an area reads both files with one row reader.
/// </summary>
public static class CsvLedger
{
    private const int Gb18030 = 54936;

    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    // An old .xls or an encrypted workbook: the workbook reader names it as such.
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Reads an upload that is either an .xlsx workbook or a CSV file, by what its bytes are, not its name.</summary>
    public static (IReadOnlyList<WorkbookRow> Rows, IReadOnlyList<ImportRowError> Errors) ReadWorkbookOrCsv(
        Stream file, IReadOnlyList<string> requiredColumns, int maxRows, WorkbookLimits? limits = null)
    {
        var bytes = ReadAll(file);
        return LooksLikeWorkbook(bytes)
            ? Workbook.Read(new MemoryStream(bytes, writable: false), requiredColumns, maxRows, limits)
            : Read(bytes, requiredColumns, maxRows, limits);
    }

    /// <summary>Reads CSV bytes: the header's columns checked, every non-empty row returned, or the file's problems.</summary>
    public static (IReadOnlyList<WorkbookRow> Rows, IReadOnlyList<ImportRowError> Errors) Read(
        byte[] bytes, IReadOnlyList<string> requiredColumns, int maxRows, WorkbookLimits? limits = null)
    {
        limits ??= WorkbookLimits.Default;
        if (Decode(bytes) is not { } text)
        {
            return ([], [new ImportRowError(0, "文件", "无法识别该文件，请使用 .xlsx 模板或 CSV 文件 / The file is neither an .xlsx workbook nor a CSV text file.")]);
        }

        var records = new List<List<string>>();
        var cells = 0;
        foreach (var record in Records(text, Delimiter(text)))
        {
            if (record.Any(c => c.Length > limits.MaxCellCharacters))
            {
                return ([], [new ImportRowError(records.Count + 1, "文件", $"单元格超过{limits.MaxCellCharacters}个字符 / A cell is longer than {limits.MaxCellCharacters} characters.")]);
            }

            if (record.Count > limits.MaxColumns || (cells += record.Count) > limits.MaxCells)
            {
                return ([], [new ImportRowError(records.Count + 1, "文件", "文件的列数或单元格过多 / The file has too many columns or cells.")]);
            }

            records.Add(record);
            if (records.Count > maxRows + 1)
            {
                return ([], [new ImportRowError(maxRows + 2, "文件", $"一次最多导入{maxRows}行 / At most {maxRows} rows at once.")]);
            }
        }

        if (records.Count == 0)
        {
            return ([], [new ImportRowError(1, "文件", "文件为空 / The file is empty.")]);
        }

        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records[0].Count; i++)
        {
            var name = records[0][i].Trim();
            if (name.Length > 0)
            {
                header.TryAdd(name, i);
            }
        }

        var missing = requiredColumns.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], [new ImportRowError(1, "表头", $"缺少列：{string.Join("、", missing)} / Missing columns: {string.Join(", ", missing)}.")]);
        }

        var rows = new List<WorkbookRow>();
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            var row = header.ToDictionary(h => h.Key, h => h.Value < record.Count ? record[h.Value].Trim() : "", StringComparer.Ordinal);
            if (row.Values.Any(v => v.Length > 0))
            {
                rows.Add(new WorkbookRow(r + 1, row));
            }
        }

        return rows.Count == 0 ? ([], [new ImportRowError(2, "文件", "没有可导入的记录 / The file has no records.")]) : (rows, []);
    }

    /// <summary>The text of the file, or null when it is not text (a NUL outside UTF-16, a zip, an image…).</summary>
    public static string? Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Utf8Mark))
        {
            return Strict(new UTF8Encoding(false, true), bytes.AsSpan(3));
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var utf16 = bytes[0] == 0xFF ? new UnicodeEncoding(false, false, true) : new UnicodeEncoding(true, false, true);
            return Strict(utf16, bytes.AsSpan(2));
        }

        if (bytes.AsSpan().Contains((byte)0) || LooksLikeWorkbook(bytes))
        {
            return null;
        }

        // No mark: UTF-8 when every byte sequence is valid UTF-8 (GBK text almost never is), otherwise the Chinese
        // Windows code page. GB18030 decodes any byte string, so control characters decide whether it was text at all.
        var text = Strict(new UTF8Encoding(false, true), bytes) ?? GbCodePage().GetString(bytes);
        return text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')) ? null : text;
    }

    private static Encoding GbCodePage()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Gb18030);
    }

    private static string? Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool LooksLikeWorkbook(byte[] bytes) =>
        bytes.AsSpan().StartsWith("PK\u0003\u0004"u8) || bytes.AsSpan().StartsWith(OleSignature);

    // Excel's "Unicode 文本" separates by tabs; every other CSV by commas.
    private static char Delimiter(string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length));
        return firstLine.Contains('\t') && !firstLine.Contains(',') ? '\t' : ',';
    }

    /// <summary>RFC 4180 records: quoted cells keep commas, quotes doubled, and line breaks; a blank line is skipped.</summary>
    private static IEnumerable<List<string>> Records(string text, char delimiter)
    {
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            if (c == '"' && cell.Length == 0)
            {
                quoted = any = true;
            }
            else if (c == delimiter)
            {
                record.Add(cell.ToString());
                cell.Clear();
                any = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (any || cell.Length > 0)
                {
                    record.Add(cell.ToString());
                    yield return record;
                }

                record = [];
                cell.Clear();
                any = false;
            }
            else
            {
                cell.Append(c);
                any = true;
            }
        }

        if (any || cell.Length > 0)
        {
            record.Add(cell.ToString());
            yield return record;
        }
    }

    private static byte[] ReadAll(Stream file)
    {
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }
}
