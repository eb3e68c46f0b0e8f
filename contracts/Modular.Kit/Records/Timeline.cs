using JasperFx.Events;
using Marten;

namespace Modular.Kit.Records;

/// <summary>One event of a record's history: what happened, in the township's words, who recorded it and when.</summary>
public sealed record TimelineEntry(long Version, string Event, string Label, DateTimeOffset RecordedAt, string? By);

/// <summary>
/// A record's history for its page and its API: every event of its stream, described by the area (never with personal
/// data in the words), or null when the record is not this township's.
/// </summary>
public static class Timeline
{
    public static Task<IReadOnlyList<TimelineEntry>?> ReadAsync<T>(IQuerySession session, Guid id, Func<object, string> describe, CancellationToken ct)
        where T : class =>
        ReadAsync<T>(session, id, (data, _) => describe(data), ct);

    /// <param name="describe">The label of an event's data; it may look at the whole stream (a member named earlier).</param>
    public static async Task<IReadOnlyList<TimelineEntry>?> ReadAsync<T>(
        IQuerySession session, Guid id, Func<object, IReadOnlyList<IEvent>, string> describe, CancellationToken ct)
        where T : class
    {
        if (await session.LoadAsync<T>(id, ct) is null)
        {
            return null;
        }

        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return [.. events.Select(e => new TimelineEntry(e.Version, e.EventTypeName, describe(e.Data, events), e.Timestamp, e.UserName))];
    }
}
