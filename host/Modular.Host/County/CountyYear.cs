using System.Globalization;
using Modular.Contracts.Modules;

namespace Modular.Host.County;

/// <summary>A column of the county's table: a module's figure, or one the host adds (a report's status).</summary>
/// <param name="Key">Unique in the table: <c>&lt;module&gt;.&lt;figure&gt;</c> for a module's figure.</param>
/// <param name="Chartable">Whether the column is a number a bar chart can draw.</param>
public sealed record CountyColumn(string Key, LocalizedText Label, LocalizedText Group, bool Chartable = true);

/// <summary>One cell: what sorts it (null sorts last) and what is shown.</summary>
public sealed record CountyCell(decimal? Value, string Shown)
{
    public static readonly CountyCell None = new(null, "—");

    public static CountyCell Number(decimal value, int decimals) =>
        new(value, value.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture));
}

/// <summary>A township's line: its name and code (never a person), and a cell per column key.</summary>
public sealed record CountyRow(string Township, string Name, string Code, IReadOnlyDictionary<string, CountyCell> Cells)
{
    public CountyCell this[string key] => Cells.TryGetValue(key, out var cell) ? cell : CountyCell.None;
}

/// <summary>
/// A county's year: every township's figures side by side. The columns are open: <see cref="WithColumn"/> adds one
/// (the report's status, from the report workflow) without the page, the chart or the workbook changing.
/// </summary>
public sealed record CountyYear(string CountyCode, string CountyName, int Year, IReadOnlyList<CountyColumn> Columns, IReadOnlyList<CountyRow> Rows)
{
    /// <summary>The sort key of the township's name.</summary>
    public const string TownshipKey = "township";

    public CountyYear WithColumn(CountyColumn column, IReadOnlyDictionary<string, CountyCell> byTownship) => this with
    {
        Columns = [.. Columns, column],
        Rows = [.. Rows.Select(r => r with { Cells = new Dictionary<string, CountyCell>(r.Cells) { [column.Key] = byTownship.GetValueOrDefault(r.Township, CountyCell.None) } })],
    };

    /// <summary>Sorted by a column (unknown keys: by township code); townships without a value last either way.</summary>
    public CountyYear SortedBy(string? key, bool descending)
    {
        if (key is null || key == TownshipKey || Columns.All(c => c.Key != key))
        {
            var byName = Rows.OrderBy(r => r.Code, StringComparer.Ordinal);
            return this with { Rows = key == TownshipKey && descending ? [.. byName.Reverse()] : [.. byName] };
        }

        var withValue = Rows.Where(r => r[key].Value is not null);
        var sorted = descending ? withValue.OrderByDescending(r => r[key].Value) : withValue.OrderBy(r => r[key].Value);
        return this with { Rows = [.. sorted.ThenBy(r => r.Code, StringComparer.Ordinal), .. Rows.Where(r => r[key].Value is null).OrderBy(r => r.Code, StringComparer.Ordinal)] };
    }
}
