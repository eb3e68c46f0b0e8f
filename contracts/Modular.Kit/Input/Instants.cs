using System.Globalization;

namespace Modular.Kit.Input;

/// <summary>
/// An instant as a clerk types it: Beijing wall-clock time to the minute (<c>yyyy-MM-dd HH:mm</c>, or the
/// <c>yyyy-MM-ddTHH:mm</c> of a browser's datetime-local field). For rules counted in hours, such as a 24-hour relay,
/// where a day alone says too little.
/// </summary>
public static class Instants
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>The instant typed, read in Asia/Shanghai; not after <paramref name="now"/>: a step is recorded once it has happened.</summary>
    public static DateTimeOffset? Instant(this InputErrors errors, string field, string? value, string chinese, string english, DateTimeOffset now, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"请填写{chinese}", $"{english} is required.");
            }

            return null;
        }

        if (!DateTime.TryParseExact(value.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            errors.Add(field, $"{chinese}应为 yyyy-MM-dd HH:mm", $"{english} must be yyyy-MM-dd HH:mm.");
            return null;
        }

        var instant = new DateTimeOffset(local, TownshipTime.Zone.GetUtcOffset(local));
        if (instant > now)
        {
            errors.Add(field, $"{chinese}不能晚于现在", $"{english} cannot be in the future.");
            return null;
        }

        return instant;
    }

    /// <summary>The instant as a datetime-local field shows it (Beijing time).</summary>
    public static string ForInput(DateTimeOffset instant) => TownshipTime.Of(instant).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
