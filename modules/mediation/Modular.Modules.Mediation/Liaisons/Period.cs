using System.Globalization;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>The days the leads are counted over, both ends included; a calendar year unless the reader says otherwise.</summary>
internal readonly record struct Period(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Reads <c>from</c> and <c>to</c> (yyyy-MM-dd, either may be left out); a bad value is a named error.</summary>
    public static Period Read(string? from, string? to, DateOnly today, Errors errors)
    {
        var start = Day(errors, "from", from) ?? new DateOnly(today.Year, 1, 1);
        var end = Day(errors, "to", to) ?? new DateOnly(start.Year, 12, 31);
        if (end < start)
        {
            errors.Add("to", "结束日期不能早于开始日期", "The end cannot precede the start.");
        }

        return new Period(start, end);
    }

    private static DateOnly? Day(Errors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, "日期应为 yyyy-MM-dd", "A date must be yyyy-MM-dd.");
        return null;
    }
}
