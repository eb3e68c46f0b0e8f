using JasperFx.Events;
using Marten;
using Marten.Events;
using Modular.Kit.Input;

namespace Modular.Kit.Steps;

/// <summary>
/// Opening a record's stream for one step of its workflow, and running the step. A record absent here (another
/// township's id) is "not found", never a conflict; a missing version is a field error; a version that is not the
/// record's latest is <see cref="VersionConflictException"/> (409 with the current version).
/// </summary>
public static class StepStreams
{
    /// <summary>The stream at the version the caller read, or null when the record is not this township's.</summary>
    public static async Task<IEventStream<T>?> OpenForStepAsync<T>(this IDocumentSession session, Guid id, long? version, InputErrors errors, CancellationToken ct)
        where T : class
    {
        var state = await session.Events.FetchStreamStateAsync(id, ct);
        if (state is null || await session.LoadAsync<T>(id, ct) is null)
        {
            return null;
        }

        if (version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
            errors.ThrowIfAny();
        }

        if (version != state.Version)
        {
            throw new VersionConflictException(id, version!.Value, state.Version);
        }

        var stream = await session.Events.FetchForWriting<T>(id, version!.Value, ct);
        return stream.Aggregate is null ? null : stream;
    }

    /// <summary>
    /// One step: opens the stream, lets <paramref name="decide"/> (a pure function of the record, adding every problem to
    /// the errors) return the events, refuses them all at once when anything is wrong, and saves. False when the record
    /// is not this township's.
    /// </summary>
    public static async Task<bool> RunStepAsync<T>(this IDocumentSession session, Guid id, long? version, InputErrors errors,
        Func<T, IReadOnlyList<object>> decide, CancellationToken ct)
        where T : class
    {
        var stream = await session.OpenForStepAsync<T>(id, version, errors, ct);
        if (stream is null)
        {
            return false;
        }

        var events = decide(stream.Aggregate!);
        errors.ThrowIfAny();
        stream.AppendMany([.. events]);
        await session.SaveChangesAsync(ct);
        return true;
    }
}
