using static Modular.Kit.Text;

namespace Modular.Kit.Input;

/// <summary>
/// A step written against a version of the record that is no longer its latest: someone else changed it since it was
/// read. The host answers 409 problem details with <c>currentVersion</c>; a page says so and shows the record again.
/// </summary>
public sealed class VersionConflictException(Guid id, long expected, long? current)
    : Exception($"记录已被他人修改 / The record {id} is at version {current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, not {expected}.")
{
    public Guid Id { get; } = id;

    public long Expected { get; } = expected;

    /// <summary>The record's version now, when it is known.</summary>
    public long? Current { get; } = current;
}

/// <summary>Recognises a version conflict however it surfaced (ours, or Marten's at save time).</summary>
public static class VersionConflict
{
    public static bool Is(Exception exception) =>
        exception is VersionConflictException or JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException;

    /// <summary>The record's current version, where the exception carries it.</summary>
    public static long? CurrentVersion(Exception exception) => exception switch
    {
        VersionConflictException conflict => conflict.Current,
        _ => null,
    };

    /// <summary>The page's message, under the <c>version</c> field.</summary>
    public static Dictionary<string, string[]> Errors() =>
        new() { ["version"] = [T("记录已被他人修改，请查看最新状态后重试。", "Someone else changed the record: check it and try again.")] };
}
