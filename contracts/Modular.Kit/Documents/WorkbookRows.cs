using Modular.Kit.Input;

namespace Modular.Kit.Documents;

/// <summary>Reading a register row by row, all or nothing, every bad row named by its row and column.</summary>
public static class WorkbookRows
{
    /// <summary>
    /// Reads the file (<see cref="Workbook.Read"/>: its size, shape and required columns) and each row through
    /// <paramref name="read"/>, which adds a row's problems to the errors it is given by field (what it answers for a row with problems is dropped); a field is named by its
    /// column through <paramref name="columnOf"/>. Any bad row and no row comes back, with every bad row's errors.
    /// </summary>
    public static (IReadOnlyList<T> Rows, IReadOnlyList<ImportRowError> Errors) ReadAll<T>(
        Stream file, IReadOnlyList<string> requiredColumns, int maxRows, IReadOnlyDictionary<string, string> columnOf, Func<WorkbookRow, InputErrors, T> read)
    {
        ArgumentNullException.ThrowIfNull(columnOf);
        ArgumentNullException.ThrowIfNull(read);
        var (rows, fileErrors) = Workbook.Read(file, requiredColumns, maxRows);
        if (fileErrors.Count > 0)
        {
            return ([], fileErrors);
        }

        var taken = new List<T>();
        var errors = new List<ImportRowError>();
        foreach (var row in rows)
        {
            var rowErrors = new InputErrors();
            var value = read(row, rowErrors);
            if (rowErrors.Any)
            {
                errors.AddRange(Workbook.RowErrors(row.Number, rowErrors.ToDictionary(), f => columnOf.GetValueOrDefault(f)));
            }
            else
            {
                taken.Add(value);
            }
        }

        return errors.Count > 0 ? ([], errors) : (taken, []);
    }
}
