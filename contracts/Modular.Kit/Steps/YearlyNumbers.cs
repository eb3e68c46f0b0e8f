using System.Globalization;
using Marten;

namespace Modular.Kit.Steps;

/// <summary>
/// The counter document of a yearly series of record numbers (2026-0001, 2026-0002…). Register it with optimistic
/// concurrency (<c>options.Schema.For&lt;TCounter&gt;().UseOptimisticConcurrency(true)</c>) so two records cannot
/// take one number.
/// </summary>
public interface IYearCounter
{
    string Id { get; set; }

    int Last { get; set; }
}

/// <summary>
/// Yearly record numbering that is safe when two clerks register at the same instant: the counter is versioned, and the
/// loser of a race draws again after a short random pause, so each gets a number of their own and nothing is lost.
/// </summary>
public static class YearlyNumbers
{
    public const int MaxAttempts = 8;

    /// <summary>The counter's key: the year, or <c>series-year</c> when one document type holds several series.</summary>
    public static string Key(int year, string? series = null) =>
        series is null ? year.ToString(CultureInfo.InvariantCulture) : $"{series}-{year.ToString(CultureInfo.InvariantCulture)}";

    public static string Format(int year, int sequence) => $"{year.ToString(CultureInfo.InvariantCulture)}-{sequence.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Takes the next number of the year and saves the unit of work <paramref name="record"/> builds with it (it appends
    /// the new record's events to the session); on a clash with another registration it starts again with the next
    /// number. <paramref name="record"/> must only stage changes in the session: it may run more than once.
    /// </summary>
    public static async Task<TResult> SaveWithNextAsync<TCounter, TResult>(IDocumentSession session, int year, Func<string, TResult> record,
        CancellationToken ct, string? series = null)
        where TCounter : class, IYearCounter, new()
    {
        for (var attempt = 1; ; attempt++)
        {
            var counter = await NextCounterAsync<TCounter>(session, year, series, ct);
            var result = record(Format(year, counter.Last));
            try
            {
                await session.SaveChangesAsync(ct);
                return result;
            }
            catch (Exception clash) when (attempt < MaxAttempts && IsClash(clash))
            {
                session.EjectAllPendingChanges();
                session.Eject(counter);
                // Racing registrations would collide in step again without a pause that differs between them.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }

    /// <summary>
    /// Takes the next number in the caller's unit of work, without saving: for work that cannot be started again here,
    /// such as an integration-event handler, whose transaction the daemon retries as a whole.
    /// </summary>
    public static async Task<string> NextAsync<TCounter>(IDocumentOperations operations, int year, CancellationToken ct, string? series = null)
        where TCounter : class, IYearCounter, new()
    {
        var counter = await NextCounterAsync<TCounter>(operations, year, series, ct);
        return Format(year, counter.Last);
    }

    private static async Task<TCounter> NextCounterAsync<TCounter>(IDocumentOperations operations, int year, string? series, CancellationToken ct)
        where TCounter : class, IYearCounter, new()
    {
        var key = Key(year, series);
        var counter = await operations.LoadAsync<TCounter>(key, ct) ?? new TCounter { Id = key };
        counter.Last++;
        operations.Store(counter);
        return counter;
    }

    private static bool IsClash(Exception e) =>
        e is JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException
        || e is Marten.Exceptions.MartenCommandException { InnerException: Npgsql.PostgresException { SqlState: "23505" } };
}
