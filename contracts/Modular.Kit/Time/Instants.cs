using System.Globalization;
using Modular.Kit.Input;

namespace Modular.Kit.Time;

/// <summary>
/// An instant as a township's form or API gives it: the township's wall-clock time (Asia/Shanghai) to the minute, as
/// a <c>datetime-local</c> field posts it (<c>2020-01-24T09:30</c>), or an ISO 8601 instant with its offset.
/// </summary>
public static class Instants
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>
    /// An instant not after <paramref name="now"/> (what is recorded has happened); bad or future text is a named error.
    /// </summary>
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

        if (!TryParse(value.Trim(), out var instant))
        {
            errors.Add(field, $"{chinese}应为 yyyy-MM-dd HH:mm", $"{english} must be a time yyyy-MM-dd HH:mm.");
            return null;
        }

        if (instant > now)
        {
            errors.Add(field, $"{chinese}不能晚于现在", $"{english} cannot be in the future.");
            return null;
        }

        return instant;
    }

    /// <summary>The value of a <c>datetime-local</c> field for <paramref name="instant"/>, in the township's time.</summary>
    public static string ForInput(DateTimeOffset instant) => TownshipTime.Of(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static bool TryParse(string value, out DateTimeOffset instant)
    {
        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = new DateTimeOffset(local, TownshipTime.Zone.GetUtcOffset(local));
            return true;
        }

        // Only a full ISO instant with its offset: a bare date would silently mean midnight.
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
            && (value.EndsWith('Z') || value.Contains('+') || value.LastIndexOf('-') > 9);
    }
}
