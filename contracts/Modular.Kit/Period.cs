using Modular.Kit.Input;

namespace Modular.Kit;

/// <summary>The days figures are counted over, both ends included; a calendar year unless the reader says otherwise.</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Reads <c>from</c> and <c>to</c> (yyyy-MM-dd, either may be left out); a bad value is a named error.</summary>
    public static Period Read(string? from, string? to, DateOnly today, InputErrors errors)
    {
        var start = errors.Day("from", from) ?? new DateOnly(today.Year, 1, 1);
        var end = errors.Day("to", to) ?? new DateOnly(start.Year, 12, 31);
        if (end < start)
        {
            errors.Add("to", "结束日期不能早于开始日期", "The end cannot precede the start.");
        }

        return new Period(start, end);
    }
}
