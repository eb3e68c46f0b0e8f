using static Modular.Modules.Mediation.Shared.Text;

namespace Modular.Modules.Mediation.Shared;

/// <summary>A save that failed because someone else changed the record since it was read: the API's 409, a page's message.</summary>
internal static class VersionConflict
{
    public static bool Is(Exception exception) =>
        exception is JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException;

    public static Dictionary<string, string[]> Errors() =>
        new() { ["version"] = [T("记录已被他人修改，请查看最新状态后重试。", "Someone else changed the record: check it and try again.")] };
}
