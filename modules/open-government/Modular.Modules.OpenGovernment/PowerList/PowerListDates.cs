using System.Globalization;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>Dates as the list's API and pages take them: yyyy-MM-dd, in the township's calendar.</summary>
internal static class PowerListDates
{
    public static DateOnly? Parse(string? text, string field, IDictionary<string, string[]> errors, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = ["请填写日期（yyyy-MM-dd） / The date is required (yyyy-MM-dd)."];
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1949 and <= 2999)
        {
            return date;
        }

        errors[field] = [$"日期格式应为 yyyy-MM-dd：{text} / Not a date in the form yyyy-MM-dd."];
        return null;
    }

    public static string Show(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Show(DateOnly? date) => date is { } d ? Show(d) : "";
}
