using Marten;

namespace Modular.Kit.Steps;

/// <summary>
/// Numbers for many records in one unit of work (an import): each year's counter is read once and counted on in
/// memory, then stored with the records, so the batch continues the township's series without colliding with a
/// number already given. The batch holds the series' lock (<see cref="SeriesLocks"/>) from its first number until the
/// session saves, so a registration at the same moment waits for the import and takes the number after it (the
/// versioned counter stays the net: never two records with one number). Stage and save soon after the first number.
/// </summary>
public sealed class YearlyNumberBatch<TCounter>(IDocumentSession session, string? series = null)
    where TCounter : class, IYearCounter, new()
{
    private readonly Dictionary<int, TCounter> _counters = [];

    /// <summary>The next number of <paramref name="year"/> in this batch.</summary>
    public async Task<string> NextAsync(int year, CancellationToken ct)
    {
        if (!_counters.TryGetValue(year, out var counter))
        {
            if (_counters.Count == 0)
            {
                await SeriesLocks.HoldAsync<TCounter>(session, ct);
            }

            var key = YearlyNumbers.Key(year, series);
            _counters[year] = counter = await session.LoadAsync<TCounter>(key, ct) ?? new TCounter { Id = key };
        }

        return YearlyNumbers.Format(year, ++counter.Last);
    }

    /// <summary>Stages the counters as they now stand; the caller saves them with the records.</summary>
    public void Stage()
    {
        foreach (var counter in _counters.Values)
        {
            session.Store(counter);
        }
    }
}
