namespace Modular.Host.Time;

/// <summary>The township's time zone: every date and deadline is shown in Beijing time.</summary>
public static class ShanghaiTime
{
    // China has kept UTC+8 without daylight saving since 1991, so a machine without tzdata loses nothing by the fallback.
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string Format(DateTimeOffset instant) => Of(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
