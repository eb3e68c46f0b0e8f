namespace Modular.Host.Time;

/// <summary>The township's time zone: every date and deadline is shown in Beijing time.</summary>
public static class ShanghaiTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string Format(DateTimeOffset instant) => Of(instant).ToString("yyyy-MM-dd HH:mm");
}
