using Marten;

namespace Modular.Kit.Steps;

/// <summary>
/// The counter document of a series of record numbers: its key and the last number it gave. Register it with
/// optimistic concurrency (<c>options.Schema.For&lt;TCounter&gt;().UseOptimisticConcurrency(true)</c>): the series'
/// lock keeps registrations in turn, the version keeps a writer that does not lock (an event handler) from taking a
/// number twice.
/// </summary>
public interface IRecordCounter
{
    string Id { get; set; }

    int Last { get; set; }
}

/// <summary>
/// Record numbering that is safe when many clerks register at the same instant, for any series: a running one (户号
/// 0001, 0002…) or a yearly one (<see cref="YearlyNumbers"/>). The saving transaction holds the series' lock
/// (<see cref="SeriesLocks"/>) from reading the counter to committing, so registrations take their turns, each gets
/// the next number, and a failed save gives its number back (no gaps). The counter is also versioned: a clash with
/// a writer that does not lock, or on a number's claim, draws again after a short random pause.
/// </summary>
public static class RecordNumbers
{
    public const int MaxAttempts = 8;

    /// <summary>
    /// Takes the next number of the series <paramref name="key"/> and saves the unit of work <paramref name="record"/>
    /// builds with it (it stages the new record's events in the session); on a clash with another registration it starts
    /// again with the next number. <paramref name="record"/> must only stage changes in the session: it may run more than
    /// once.
    /// </summary>
    /// <param name="format">The number as people write it, from the counter's value.</param>
    /// <param name="taken">Whether a number is held already by a record that did not draw it (one brought in by an import): passed over.</param>
    /// <param name="numberScope">
    /// When numbers also arrive another way (an import brings its own 户号), the scope of the <see cref="UniqueKey"/> by
    /// which every record claims its number (<paramref name="record"/> stages the claim, as the import does): a number
    /// claimed already is passed over, and a clash on that claim (an import saving the same number at the same
    /// instant) draws again, like a clash on the counter. The database, not a query, keeps the number once.
    /// </param>
    public static async Task<TResult> SaveWithNextAsync<TCounter, TResult>(IDocumentSession session, string key, Func<int, string> format,
        Func<string, TResult> record, CancellationToken ct, Func<string, CancellationToken, Task<bool>>? taken = null, string? numberScope = null)
        where TCounter : class, IRecordCounter, new()
    {
        if (numberScope is not null)
        {
            var query = taken;
            taken = async (number, token) => await session.LoadAsync<UniqueKeyClaim>(new UniqueKey(numberScope, number).Id, token) is not null
                || (query is not null && await query(number, token));
        }

        for (var attempt = 1; ; attempt++)
        {
            await SeriesLocks.HoldAsync<TCounter>(session, ct);
            var (counter, number) = await NextCounterAsync<TCounter>(session, key, format, taken, ct);
            var result = record(number);
            try
            {
                await session.SaveChangesAsync(ct);
                return result;
            }
            catch (Exception clash) when (attempt < MaxAttempts && IsClash(clash, numberScope))
            {
                session.EjectAllPendingChanges();
                session.Eject(counter);
                // Racing registrations would collide in step again without a pause that differs between them.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }

    /// <summary>
    /// Takes the next number in the session's unit of work, without saving, holding the series' lock until the
    /// session's save (a step that numbers a record and then runs its decision): the caller saves soon after.
    /// </summary>
    public static async Task<string> NextAsync<TCounter>(IDocumentSession session, string key, Func<int, string> format, CancellationToken ct,
        Func<string, CancellationToken, Task<bool>>? taken = null)
        where TCounter : class, IRecordCounter, new()
    {
        await SeriesLocks.HoldAsync<TCounter>(session, ct);
        return (await NextCounterAsync<TCounter>(session, key, format, taken, ct)).Number;
    }

    /// <summary>
    /// Takes the next number in the caller's unit of work, without saving or locking: for work that cannot be started
    /// again here, such as an integration-event handler, whose transaction the daemon retries as a whole when the
    /// versioned counter clashes.
    /// </summary>
    public static async Task<string> NextAsync<TCounter>(IDocumentOperations operations, string key, Func<int, string> format, CancellationToken ct,
        Func<string, CancellationToken, Task<bool>>? taken = null)
        where TCounter : class, IRecordCounter, new() =>
        (await NextCounterAsync<TCounter>(operations, key, format, taken, ct)).Number;

    private static async Task<(TCounter Counter, string Number)> NextCounterAsync<TCounter>(IDocumentOperations operations, string key,
        Func<int, string> format, Func<string, CancellationToken, Task<bool>>? taken, CancellationToken ct)
        where TCounter : class, IRecordCounter, new()
    {
        var counter = await operations.LoadAsync<TCounter>(key, ct) ?? new TCounter { Id = key };
        string number;
        do
        {
            number = format(++counter.Last);
        }
        while (taken is not null && await taken(number, ct));

        operations.Store(counter);
        return (counter, number);
    }

    // A clash on a claimed key (UniqueKeys) is the record's own refusal, not a number taken: drawing again cannot help,
    // unless the key is the number's own claim. Marten reports the failed operations of one batch together.
    private static bool IsClash(Exception e, string? numberScope) =>
        (e is AggregateException all ? all.Flatten().InnerExceptions : [e]) is var failures
        && failures.All(f => IsNumberClaim(f, numberScope) || !UniqueKeys.IsClash(f) && IsNumberClash(f));

    private static bool IsNumberClaim(Exception e, string? numberScope) =>
        numberScope is not null && e is JasperFx.DocumentAlreadyExistsException { DocumentType: var type, Id: string id }
        && type == typeof(UniqueKeyClaim) && id.StartsWith(numberScope + ":", StringComparison.Ordinal);

    private static bool IsNumberClash(Exception e) =>
        e is JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException
        || e is Marten.Exceptions.MartenCommandException { InnerException: Npgsql.PostgresException { SqlState: "23505" } };
}
