using System.Globalization;
using JasperFx.Events;
using Marten;
using Marten.Events;

namespace Modular.Modules.Mediation.Shared;

/// <summary>A yearly tracking-number counter document (信访 2026-0001, 调 2026-0001), versioned so two records cannot take one number.</summary>
internal interface IYearCounter
{
    string Id { get; set; }

    int Last { get; set; }
}

/// <summary>
/// Opens a record's stream for one step: absent here (another township's id) is "not found", a missing version a
/// field error, a stale one Marten's concurrency error (the API answers 409).
/// </summary>
internal sealed class Streams(IDocumentSession session)
{
    public async Task<IEventStream<T>?> OpenAsync<T>(Guid id, long? version, Errors errors, CancellationToken ct)
        where T : class
    {
        // Loaded first: FetchForWriting with a version would call a foreign id a concurrency clash, not a 404.
        if (await session.LoadAsync<T>(id, ct) is null)
        {
            return null;
        }

        if (version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
            throw new InputException(errors.ToDictionary());
        }

        var stream = await session.Events.FetchForWriting<T>(id, version.Value, ct);
        return stream.Aggregate is null ? null : stream;
    }

    public Task SaveAsync(CancellationToken ct) => session.SaveChangesAsync(ct);

    public static void ThrowIfAny(Errors errors)
    {
        if (errors.Any)
        {
            throw new InputException(errors.ToDictionary());
        }
    }

    /// <summary>Takes the next number of the year from the counter, in the caller's unit of work: <c>2026-0001</c>.</summary>
    public static async Task<string> NextNumberAsync<TCounter>(IDocumentOperations operations, int year, CancellationToken ct)
        where TCounter : class, IYearCounter, new()
    {
        var key = year.ToString(CultureInfo.InvariantCulture);
        var counter = await operations.LoadAsync<TCounter>(key, ct) ?? new TCounter { Id = key };
        counter.Last++;
        operations.Store(counter);
        return $"{year}-{counter.Last:D4}";
    }
}
