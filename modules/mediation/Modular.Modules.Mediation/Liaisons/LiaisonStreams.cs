using JasperFx.Events;
using Marten;
using Marten.Events;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>
/// Opens a liaison's or a lead's stream for one step: absent here (another township's id) is "not found", a missing
/// version a bad input, a stale one a Marten concurrency exception (409).
/// </summary>
internal sealed class LiaisonStreams(IDocumentSession session)
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
            ThrowIfAny(errors);
        }

        var stream = await session.Events.FetchForWriting<T>(id, version!.Value, ct);
        return stream.Aggregate is null ? null : stream;
    }

    public static void ThrowIfAny(Errors errors)
    {
        if (errors.Any)
        {
            throw new InputException(errors.ToDictionary());
        }
    }

    public Task SaveAsync(CancellationToken ct) => session.SaveChangesAsync(ct);

    /// <summary>Whether a save failed because someone else changed the record since it was read (the API's 409).</summary>
    public static bool IsConflict(Exception exception) =>
        exception is JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException;

    /// <summary>What a page says instead of the API's 409.</summary>
    public static Dictionary<string, string[]> ConflictErrors() =>
        new() { ["version"] = [Text.T("记录已被他人修改，请查看最新状态后重试。", "Someone else changed the record: check it and try again.")] };
}
