using Marten;

namespace Modular.Contracts.Caching;

/// <summary>
/// Values a module keeps in memory for the current township (a list that costs a pass over every record to build), that
/// every host instance forgets together when the module says the data behind them changed. Use it instead of an
/// <c>IMemoryCache</c> of the module's own, which only the instance that made the change would forget.
/// </summary>
public interface ITownshipCache
{
    /// <summary>The current township's value under <paramref name="key"/>, built by <paramref name="create"/> and kept at most <paramref name="lifetime"/>.</summary>
    Task<T> GetOrCreateAsync<T>(string key, TimeSpan lifetime, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken);

    /// <summary>
    /// Says, in <paramref name="session"/>'s transaction, that the current township's <paramref name="key"/> changed: once
    /// it commits, every instance forgets it (within a second); if it rolls back, nothing is announced.
    /// </summary>
    void Changed(IDocumentSession session, string key);
}
