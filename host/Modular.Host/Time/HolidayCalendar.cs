using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Modular.Host.Time;

/// <summary>
/// The official holiday calendar, bound from configuration section <c>Modular:Holidays</c>: one entry per year, keyed by
/// the year (<c>Modular:Holidays:2027:Off:0 = 01-01</c>), as the State Council publishes it each November.
/// </summary>
public sealed class HolidayCalendarOptions
{
    public const string SectionName = "Modular:Holidays";

    public Dictionary<string, YearSchedule> Years { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// One year's notice. <see cref="Off"/> lists the rest days of the holidays and <see cref="Work"/> the make-up workdays
/// (调休上班). An entry is <c>MM-dd</c> (in the notice's year), <c>yyyy-MM-dd</c> (a notice may reach into the
/// neighbouring year, as 2023's begins on 2022-12-31), or an inclusive range <c>FROM..TO</c> of either.
/// </summary>
public sealed class YearSchedule
{
    public string? Notice { get; set; }

    public List<string> Off { get; set; } = [];

    public List<string> Work { get; set; } = [];
}

internal sealed class HolidayCalendarOptionsValidator : IValidateOptions<HolidayCalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, HolidayCalendarOptions options)
    {
        var errors = HolidayCalendar.TryCreate(options, out _);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Thrown when the holiday configuration cannot be read; the message lists every faulty entry.</summary>
public sealed class HolidayCalendarConfigurationException(IReadOnlyList<string> errors)
    : Exception("The official holiday calendar (" + HolidayCalendarOptions.SectionName + ") is invalid:"
        + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Which days are working days: weekdays that are not holiday rest days, plus make-up workdays. Each year is kept as a
/// running count of its working days, so counting across a span is a subtraction and finding the n-th working day a
/// binary search.
/// </summary>
internal sealed class HolidayCalendar
{
    // Years no notice covers are built on demand from weekends alone; the callers are told which (see StatutoryDate).
    private readonly ConcurrentDictionary<int, YearTable> _weekendOnly = new();
    private readonly Dictionary<int, YearTable> _known;

    private HolidayCalendar(Dictionary<int, YearTable> known, int[] configuredYears)
    {
        _known = known;
        ConfiguredYears = configuredYears;
    }

    /// <summary>The years that have a notice, in order.</summary>
    public IReadOnlyCollection<int> ConfiguredYears { get; }

    public static HolidayCalendar Create(HolidayCalendarOptions options)
    {
        var errors = TryCreate(options, out var calendar);
        return errors.Count == 0 ? calendar! : throw new HolidayCalendarConfigurationException(errors);
    }

    /// <summary>Builds the calendar, or returns every fault found (empty when the calendar was built).</summary>
    public static IReadOnlyList<string> TryCreate(HolidayCalendarOptions options, out HolidayCalendar? calendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        calendar = null;
        var errors = new List<string>();
        var off = new Dictionary<DateOnly, int>();
        var work = new Dictionary<DateOnly, int>();
        var configured = new List<int>();

        foreach (var (key, schedule) in options.Years.OrderBy(y => y.Key, StringComparer.Ordinal))
        {
            var where = HolidayCalendarOptions.SectionName + ":" + key;
            if (key.Length != 4 || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                || year < 1)
            {
                errors.Add($"{where}: the key must be a year such as 2027.");
                continue;
            }

            if (schedule is null)
            {
                errors.Add($"{where}: the year has no schedule.");
                continue;
            }

            configured.Add(year);
            if (schedule.Off.Count == 0)
            {
                // Every notice has rest days; an empty list means a misspelt key, and counting that year on weekends
                // alone while calling it configured would hide the mistake.
                errors.Add($"{where}:Off: the year lists no rest days.");
            }

            Collect(schedule.Off, year, $"{where}:Off", off, errors);
            Collect(schedule.Work, year, $"{where}:Work", work, errors);
        }

        foreach (var (date, year) in work)
        {
            if (off.TryGetValue(date, out var offYear))
            {
                errors.Add($"{date:yyyy-MM-dd} is both a rest day ({HolidayCalendarOptions.SectionName}:{offYear}:Off) "
                    + $"and a make-up workday ({HolidayCalendarOptions.SectionName}:{year}:Work).");
            }
            else if (!IsWeekend(date))
            {
                errors.Add($"{HolidayCalendarOptions.SectionName}:{year}:Work: {date:yyyy-MM-dd} is a {date.DayOfWeek}; "
                    + "a make-up workday falls on a weekend.");
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // A year without a notice of its own may still hold a date from its neighbour's (2022-12-31 is in 2023's): the
        // date is honoured, but the rest of that year is known from weekends alone, so the year stays unconfigured.
        var tableYears = new SortedSet<int>(configured);
        tableYears.UnionWith(off.Keys.Select(d => d.Year));
        tableYears.UnionWith(work.Keys.Select(d => d.Year));
        var configuredSet = configured.ToHashSet();
        var known = tableYears.ToDictionary(
            y => y,
            y => YearTable.Build(y, configuredSet.Contains(y), d => work.ContainsKey(d) || (!off.ContainsKey(d) && !IsWeekend(d))));
        calendar = new HolidayCalendar(known, [.. configured.Order()]);
        return errors;
    }

    public bool IsConfigured(int year) => _known.TryGetValue(year, out var table) && table.IsConfigured;

    public bool IsWorkingDay(DateOnly date, List<int>? unconfigured = null) =>
        Table(date.Year, unconfigured).IsWorkingDay(date.DayOfYear);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to, List<int>? unconfigured = null)
    {
        if (to <= from)
        {
            return 0;
        }

        var first = from.AddDays(1);
        var count = 0;
        for (var year = first.Year; year <= to.Year; year++)
        {
            var table = Table(year, unconfigured);
            var low = year == first.Year ? first.DayOfYear : 1;
            var high = year == to.Year ? to.DayOfYear : table.DaysInYear;
            count += table.WorkingDaysThrough(high) - table.WorkingDaysThrough(low - 1);
        }

        return count;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="after"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly after, int count, List<int>? unconfigured = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var first = after.AddDays(1);
        var year = first.Year;
        var remaining = count + Table(year, unconfigured).WorkingDaysThrough(first.DayOfYear - 1);
        while (true)
        {
            var table = Table(year, unconfigured);
            if (remaining <= table.WorkingDaysInYear)
            {
                return new DateOnly(year, 1, 1).AddDays(table.DayOfWorkingDay(remaining) - 1);
            }

            remaining -= table.WorkingDaysInYear;
            year++;
            if (year > DateOnly.MaxValue.Year)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "The period runs past the last representable date.");
            }
        }
    }

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date, List<int>? unconfigured = null) =>
        IsWorkingDay(date, unconfigured) ? date : AddWorkingDays(date, 1, unconfigured);

    private YearTable Table(int year, List<int>? unconfigured)
    {
        if (!_known.TryGetValue(year, out var table))
        {
            table = _weekendOnly.GetOrAdd(year, static y => YearTable.Build(y, configured: false, d => !IsWeekend(d)));
        }

        if (!table.IsConfigured && unconfigured is not null && !unconfigured.Contains(year))
        {
            unconfigured.Add(year);
        }

        return table;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static void Collect(List<string> entries, int year, string where, Dictionary<DateOnly, int> into, List<string> errors)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]?.Trim() ?? "";
            var at = $"{where}:{i} '{entries[i]}'";
            var separator = entry.IndexOf("..", StringComparison.Ordinal);
            var startText = separator < 0 ? entry : entry[..separator];
            var endText = separator < 0 ? entry : entry[(separator + 2)..];
            if (!TryParseDate(startText.Trim(), year, out var start, out var startError))
            {
                errors.Add($"{at}: {startError}");
                continue;
            }

            if (!TryParseDate(endText.Trim(), year, out var end, out var endError))
            {
                errors.Add($"{at}: {endError}");
                continue;
            }

            if (end < start)
            {
                errors.Add($"{at}: the range ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
                continue;
            }

            for (var day = start; day <= end; day = day.AddDays(1))
            {
                into.TryAdd(day, year);
            }
        }
    }

    private static bool TryParseDate(string text, int noticeYear, out DateOnly date, out string error)
    {
        date = default;
        int year = noticeYear, month, day;
        if (text.Length == 5 && text[2] == '-')
        {
            if (!TryDigits(text[..2], out month) || !TryDigits(text[3..], out day))
            {
                error = Expected(text);
                return false;
            }
        }
        else if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            if (!TryDigits(text[..4], out year) || !TryDigits(text[5..7], out month) || !TryDigits(text[8..], out day))
            {
                error = Expected(text);
                return false;
            }

            if (year < 1 || Math.Abs(year - noticeYear) > 1)
            {
                error = $"{text} is not in {noticeYear} or a year next to it.";
                return false;
            }
        }
        else
        {
            error = Expected(text);
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"{text} is not a day of {year}.";
            return false;
        }

        date = new DateOnly(year, month, day);
        error = "";
        return true;

        static string Expected(string text) =>
            $"'{text}' is not a date; expected MM-dd, yyyy-MM-dd, or a range FROM..TO of them.";

        static bool TryDigits(string digits, out int value) =>
            int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private sealed class YearTable
    {
        // _through[d] is the number of working days among the year's first d days, so _through[0] is 0.
        private readonly ushort[] _through;

        private YearTable(bool isConfigured, ushort[] through)
        {
            IsConfigured = isConfigured;
            _through = through;
        }

        public bool IsConfigured { get; }

        public int DaysInYear => _through.Length - 1;

        public int WorkingDaysInYear => _through[^1];

        public static YearTable Build(int year, bool configured, Func<DateOnly, bool> isWorkingDay)
        {
            var first = new DateOnly(year, 1, 1);
            var through = new ushort[(DateTime.IsLeapYear(year) ? 366 : 365) + 1];
            for (var d = 1; d < through.Length; d++)
            {
                through[d] = (ushort)(through[d - 1] + (isWorkingDay(first.AddDays(d - 1)) ? 1 : 0));
            }

            return new YearTable(configured, through);
        }

        public int WorkingDaysThrough(int dayOfYear) => _through[dayOfYear];

        public bool IsWorkingDay(int dayOfYear) => _through[dayOfYear] != _through[dayOfYear - 1];

        /// <summary>The day of the year on which the <paramref name="n"/>-th working day falls.</summary>
        public int DayOfWorkingDay(int n)
        {
            int low = 1, high = DaysInYear;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (_through[mid] < n)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }
}
