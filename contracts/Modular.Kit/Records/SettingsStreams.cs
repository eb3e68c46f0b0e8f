using Marten;
using Modular.Kit.Input;

namespace Modular.Kit.Records;

/// <summary>
/// A township's settings kept as one stream (its id from <see cref="StableIds"/>): the first change starts it, each
/// later one is appended at the version the page read. Until the first change the defaults apply and the version is 0.
/// </summary>
public static class SettingsStreams
{
    /// <summary>
    /// Saves <paramref name="change"/> (null when <paramref name="errors"/> hold the refusals) against the version the
    /// caller read: a missing version is a field error, another version is <see cref="VersionConflictException"/> (409).
    /// </summary>
    public static async Task SaveAsync<TSettings>(IDocumentSession session, Guid id, long? version, object? change, InputErrors errors, CancellationToken ct)
        where TSettings : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(errors);
        if (version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
        }

        errors.ThrowIfAny();
        var current = (await session.Events.FetchStreamStateAsync(id, ct))?.Version ?? 0;
        if (current != version)
        {
            throw new VersionConflictException(id, version!.Value, current);
        }

        if (current == 0)
        {
            session.Events.StartStream<TSettings>(id, change!);
        }
        else
        {
            session.Events.Append(id, current + 1, change!);
        }

        await session.SaveChangesAsync(ct);
    }
}
