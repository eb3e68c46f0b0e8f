using Modular.Contracts.Modules;

namespace Modular.Contracts.Extensions;

/// <summary>
/// One figure of the county's view, for each of the townships asked about: a count or an average, never a record.
/// </summary>
/// <param name="Key">Stable within the module (<c>disputes-screened</c>); the host prefixes the module's id.</param>
/// <param name="ByTownship">The value per township slug; a township with no records has 0, never a missing key.</param>
/// <param name="Decimals">How many decimals the value is shown with (an average of hours: 1).</param>
public sealed record CountyFigure(string Key, LocalizedText Label, IReadOnlyDictionary<string, decimal> ByTownship, int Decimals = 0);

/// <summary>
/// A module's figures of a year for several townships of one county at once (县级法治办's view). Each figure is computed
/// with one query across the townships' tenants, never one per township, and equals the figure the township's own
/// dashboard or annual report shows for that year. Called with only the townships where the module is enabled.
/// </summary>
public interface ICountyFigures
{
    Task<IReadOnlyList<CountyFigure>> GetAsync(IReadOnlyCollection<string> townships, int year, CancellationToken cancellationToken);
}
