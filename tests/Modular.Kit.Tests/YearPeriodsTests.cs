using Modular.Kit.Time;

namespace Modular.Kit.Tests;

/// <summary>Periods in years (民法典 Art 201): the corresponding day, or the month's last day where there is none.</summary>
public sealed class YearPeriodsTests
{
    [Theory]
    [InlineData("2019-04-10", 1, "2020-04-10")]
    [InlineData("2020-02-29", 1, "2021-02-28")]
    [InlineData("2020-02-29", 4, "2024-02-29")]
    [InlineData("2018-07-01", 5, "2023-07-01")]
    public void A_period_in_years_ends_on_the_corresponding_day(string start, int years, string end) =>
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            YearPeriods.YearsAfter(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), years));
}
