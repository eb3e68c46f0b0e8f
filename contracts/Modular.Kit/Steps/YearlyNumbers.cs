using System.Globalization;
using Marten;

namespace Modular.Kit.Steps;

/// <summary>
/// The counter document of a yearly series of record numbers (2026-0001, 2026-0002…). Register it with optimistic
/// concurrency (<c>options.Schema.For&lt;TCounter&gt;().UseOptimisticConcurrency(true)</c>), as
/// <see cref="IRecordCounter"/> says.
/// </summary>
public interface IYearCounter : IRecordCounter;

/// <summary>
/// Yearly record numbering that is safe when many clerks register at the same instant: a <see cref="RecordNumbers"/>
/// series per year, drawn under the series' lock in the saving transaction, so each gets the next number of their own
/// and the year's numbers have no gaps.
/// </summary>
public static class YearlyNumbers
{
    public const int MaxAttempts = RecordNumbers.MaxAttempts;

    /// <summary>The counter's key: the year, or <c>series-year</c> when one document type holds several series.</summary>
    public static string Key(int year, string? series = null) =>
        series is null ? year.ToString(CultureInfo.InvariantCulture) : $"{series}-{year.ToString(CultureInfo.InvariantCulture)}";

    public static string Format(int year, int sequence) => $"{year.ToString(CultureInfo.InvariantCulture)}-{sequence.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Takes the next number of the year and saves the unit of work <paramref name="record"/> builds with it (it appends
    /// the new record's events to the session); on a clash with another registration it starts again with the next
    /// number. <paramref name="record"/> must only stage changes in the session: it may run more than once.
    /// </summary>
    public static Task<TResult> SaveWithNextAsync<TCounter, TResult>(IDocumentSession session, int year, Func<string, TResult> record,
        CancellationToken ct, string? series = null)
        where TCounter : class, IYearCounter, new() =>
        RecordNumbers.SaveWithNextAsync<TCounter, TResult>(session, Key(year, series), n => Format(year, n), record, ct);

    /// <summary>
    /// Takes the next number in the session's unit of work, without saving, holding the series' lock until the
    /// session's save: for a step that numbers a record before running its decision.
    /// </summary>
    public static Task<string> NextAsync<TCounter>(IDocumentSession session, int year, CancellationToken ct, string? series = null)
        where TCounter : class, IYearCounter, new() =>
        RecordNumbers.NextAsync<TCounter>(session, Key(year, series), n => Format(year, n), ct);

    /// <summary>
    /// Takes the next number in the caller's unit of work, without saving or locking: for work that cannot be started
    /// again here, such as an integration-event handler, whose transaction the daemon retries as a whole.
    /// </summary>
    public static Task<string> NextAsync<TCounter>(IDocumentOperations operations, int year, CancellationToken ct, string? series = null)
        where TCounter : class, IYearCounter, new() =>
        RecordNumbers.NextAsync<TCounter>(operations, Key(year, series), n => Format(year, n), ct);
}
