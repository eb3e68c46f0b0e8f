using Marten;
using Modular.Modules.Mediation.Petitions;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>A stream's events with who recorded them and when, each described in the township's words (no phone numbers).</summary>
internal static class Timelines
{
    public static async Task<IReadOnlyList<TimelineEntry>?> ReadAsync<T>(IQuerySession session, Guid id, Func<object, string> describe, CancellationToken ct)
        where T : class
    {
        if (await session.LoadAsync<T>(id, ct) is null)
        {
            return null;
        }

        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return events.Select(e => new TimelineEntry(e.Version, e.EventTypeName, describe(e.Data), e.Timestamp, e.UserName)).ToList();
    }
}
