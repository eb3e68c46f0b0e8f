using Marten;
using Modular.Kit.Input;

namespace Modular.Kit.Records;

/// <summary>
/// A township's settings kept as one stream with a name-based id (<see cref="StableIds"/>): the first change starts it,
/// every later one appends at the version the page read, so two heads changing the settings at once get one change and
/// one version conflict (409).
/// </summary>
public static class SettingsStreams
{
    /// <summary>The stream's version: 0 while the defaults still apply.</summary>
    public static async Task<long> VersionAsync(IQuerySession session, Guid id, CancellationToken ct) =>
        (await session.Events.FetchStreamStateAsync(id, ct))?.Version ?? 0;

    /// <summary>
    /// Appends <paramref name="change"/> (null when <paramref name="errors"/> hold the refusals) at the version the
    /// caller read and saves: a missing version is a field error, another version is <see cref="VersionConflictException"/> (409).
    /// </summary>
    public static async Task SetAsync<T>(IDocumentSession session, Guid id, long? version, object? change, InputErrors errors, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(errors);
        if (version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
        }

        errors.ThrowIfAny();
        var current = await VersionAsync(session, id, ct);
        if (current != version)
        {
            throw new VersionConflictException(id, version!.Value, current);
        }

        if (current == 0)
        {
            session.Events.StartStream<T>(id, change!);
        }
        else
        {
            session.Events.Append(id, current + 1, change!);
        }

        await session.SaveChangesAsync(ct);
    }
}
