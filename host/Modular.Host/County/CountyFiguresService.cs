using Modular.Host.Extensions;
using Modular.Host.Townships;

namespace Modular.Host.County;

/// <summary>
/// The county's year from its townships: the platform's directory names them (a township of another county is never
/// asked about), each module answers for all of them at once, and only aggregates come back.
/// </summary>
internal sealed class CountyFiguresService(TownshipDirectory directory, CountyExtensions extensions)
{
    public async Task<CountyYear?> ForYearAsync(string countyCode, int year, CancellationToken cancellationToken)
    {
        var townships = (await directory.AllAsync(cancellationToken)).Where(t => t.CountyCode == countyCode).ToList();
        if (townships.Count == 0)
        {
            return null;
        }

        var columns = new List<CountyColumn>();
        var cells = townships.ToDictionary(t => t.Slug, _ => new Dictionary<string, CountyCell>(), StringComparer.Ordinal);
        foreach (var (module, figures) in await extensions.FiguresAsync(townships, year, cancellationToken))
        {
            foreach (var figure in figures)
            {
                var key = $"{module.Id}.{figure.Key}";
                if (columns.Any(c => c.Key == key))
                {
                    continue;
                }

                columns.Add(new CountyColumn(key, figure.Label, module.Manifest.Name));
                foreach (var (township, value) in figure.ByTownship)
                {
                    if (cells.TryGetValue(township, out var row))
                    {
                        row[key] = CountyCell.Number(value, figure.Decimals);
                    }
                }
            }
        }

        var rows = townships.Select(t => new CountyRow(t.Slug, t.Name, t.Code, cells[t.Slug])).ToList();
        return new CountyYear(countyCode, townships[0].CountyName, year, columns, rows);
    }
}
