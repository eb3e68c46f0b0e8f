using MiniExcelLibs;
using Modular.Kit.Input;

namespace Modular.Kit.Documents;

/// <summary>One sheet of a workbook that holds several: its name, its columns in order, and its rows.</summary>
public sealed record WorkbookSheet(string Name, IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// A workbook of several sheets, as a report hands over its tables side by side. Every name and text cell passes
/// through <see cref="PlainText.ForXml"/>, as in <see cref="Workbook"/>; a sheet with no rows keeps its header row.
/// </summary>
public static class WorkbookSheets
{
    public static byte[] Write(IEnumerable<WorkbookSheet> sheets)
    {
        var book = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var sheet in sheets)
        {
            book[PlainText.ForXml(sheet.Name)] = Cells(sheet).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(book);
        return stream.ToArray();
    }

    private static IEnumerable<Dictionary<string, object?>> Cells(WorkbookSheet sheet)
    {
        var columns = sheet.Columns.Select(PlainText.ForXml).ToList();
        var written = false;
        foreach (var row in sheet.Rows)
        {
            written = true;
            yield return columns.Select((column, i) => (column, value: i < row.Count ? Safe(row[i]) : null))
                .ToDictionary(c => c.column, c => c.value, StringComparer.Ordinal);
        }

        if (!written)
        {
            yield return columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal);
        }
    }

    private static object? Safe(object? value) => value is string text ? PlainText.ForXml(text) : value;
}
