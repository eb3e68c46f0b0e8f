namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>Instants shown as the township's calendar day (Asia/Shanghai), whatever the server's zone.</summary>
internal static class PortalDates
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Shanghai).DateTime);

    public static string Show(DateTimeOffset instant) => Day(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
