using System.Globalization;
using MiniExcelLibs;
using Modular.Kit.Input;

namespace Modular.Kit.Documents;

/// <summary>A row of an imported workbook that cannot be taken: its row number as Excel shows it, the column, and why.</summary>
public sealed record ImportRowError(int Row, string Column, string Message);

/// <summary>One data row of a workbook: its number as Excel shows it, and its cells by column header.</summary>
public sealed class WorkbookRow(int number, IReadOnlyDictionary<string, string> cells)
{
    public int Number { get; } = number;

    /// <summary>The cell under <paramref name="column"/>, trimmed; empty when the column or the cell is absent.</summary>
    public string this[string column] => cells.TryGetValue(column, out var value) ? value : "";

    public IReadOnlyDictionary<string, string> Cells => cells;
}

/// <summary>
/// The ledgers as townships keep them in Excel: one sheet, a header row of Chinese column names, one record per row.
/// Reading checks the file and the header and hands back the rows; the area checks each row's cells as its form
/// checks them (<see cref="RowErrors"/>), and an import takes nothing when any row is bad. Writing streams the rows
/// and keeps every cell safe for XML whatever is stored.
/// </summary>
public static class Workbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// Reads the first sheet. Returns the non-empty rows, or the problems with the file or its header. The file is
    /// checked against <paramref name="limits"/> (<see cref="WorkbookLimits.Default"/>) before a cell is read.
    /// </summary>
    public static (IReadOnlyList<WorkbookRow> Rows, IReadOnlyList<ImportRowError> Errors) Read(Stream file, IReadOnlyList<string> requiredColumns, int maxRows, WorkbookLimits? limits = null)
    {
        if (!file.CanSeek)
        {
            var copy = new MemoryStream();
            file.CopyTo(copy);
            file = copy;
        }

        if ((limits ?? WorkbookLimits.Default).Refusal(file) is { } refusal)
        {
            return ([], [new ImportRowError(0, "文件", refusal)]);
        }

        List<IDictionary<string, object?>> raw;
        try
        {
            raw = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Take(maxRows + 2).ToList();
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or InvalidOperationException or NotSupportedException
            or FormatException or System.Xml.XmlException or ArgumentException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return ([], [new ImportRowError(0, "文件", "无法读取该文件，请使用 .xlsx 模板 / The file is not a readable .xlsx workbook.")]);
        }

        if (raw.Count == 0)
        {
            return ([], [new ImportRowError(1, "文件", "工作表为空 / The sheet is empty.")]);
        }

        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in raw[0])
        {
            var name = Cell(value);
            if (name.Length > 0)
            {
                header.TryAdd(name, key);
            }
        }

        var missing = requiredColumns.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return ([], [new ImportRowError(1, "表头", $"缺少列：{string.Join("、", missing)} / Missing columns: {string.Join(", ", missing)}.")]);
        }

        if (raw.Count > maxRows + 1)
        {
            return ([], [new ImportRowError(maxRows + 2, "文件", $"一次最多导入{maxRows}行 / At most {maxRows} rows at once.")]);
        }

        var rows = new List<WorkbookRow>();
        for (var i = 1; i < raw.Count; i++)
        {
            var cells = header.ToDictionary(h => h.Key, h => raw[i].TryGetValue(h.Value, out var v) ? Cell(v) : "", StringComparer.Ordinal);
            if (cells.Values.All(v => v.Length == 0))
            {
                continue;
            }

            rows.Add(new WorkbookRow(i + 1, cells)); // the header is row 1
        }

        return rows.Count == 0 ? ([], [new ImportRowError(2, "文件", "没有可导入的记录 / The sheet has no records.")]) : (rows, []);
    }

    /// <summary>
    /// The problems of one row as import errors: each field's messages under the column the field is read from (a field
    /// with no column of its own is reported under <paramref name="fallbackColumn"/>).
    /// </summary>
    public static IEnumerable<ImportRowError> RowErrors(int row, IReadOnlyDictionary<string, string[]> errors, Func<string, string?> columnOf, string fallbackColumn = "行") =>
        errors.SelectMany(e => e.Value.Select(m => new ImportRowError(row, columnOf(e.Key) ?? fallbackColumn, m)));

    /// <summary>Writes one sheet with the columns in order, streaming the rows; an empty ledger still gets its header row.</summary>
    public static void Write(Stream output, string sheetName, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows) =>
        output.SaveAs(Records(columns, rows), sheetName: sheetName);

    public static byte[] Write(string sheetName, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        Write(stream, sheetName, columns, rows);
        return stream.ToArray();
    }

    private static IEnumerable<Dictionary<string, object?>> Records(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            yield return Record(columns, row);
        }

        if (!any)
        {
            yield return Record(columns, []);
        }
    }

    private static Dictionary<string, object?> Record(IReadOnlyList<string> columns, IReadOnlyList<object?> row)
    {
        var record = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var value = i < row.Count ? row[i] : null;
            record[PlainText.ForXml(columns[i])] = value is string text ? PlainText.ForXml(text) : value;
        }

        return record;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
