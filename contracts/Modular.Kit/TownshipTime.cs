using System.Globalization;

namespace Modular.Kit;

/// <summary>
/// The township's clock face: every date and deadline is a day in Beijing time (Asia/Shanghai), whatever the server's
/// zone. The one place that looks the zone up; a machine without tzdata falls back to UTC+8, which China has kept
/// without daylight saving since 1991, so nothing is lost.
/// </summary>
public static class TownshipTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    /// <summary>The instant as Beijing time.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The township's date of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Of(instant).DateTime);

    /// <summary>The instant a township clock shows <paramref name="time"/> on <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>Today in the township, by the platform's clock.</summary>
    public static DateOnly Today(TimeProvider time) => DayOf(time.GetUtcNow());

    /// <summary><c>yyyy-MM-dd HH:mm</c> in Beijing time: how a page shows when something was recorded.</summary>
    public static string Format(DateTimeOffset instant) => Of(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-dd</c>: how a page, a ledger and a letter show a day.</summary>
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day written out as a letter dates it: <c>2026年3月5日</c>.</summary>
    public static string Chinese(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}
