using Modular.Host.Operations;

namespace Modular.Host.UnitTests.Time;

public sealed class HolidayCalendarStatusTests
{
    [Fact]
    public void In_october_only_the_current_years_calendar_is_required()
    {
        var clock = TestClocks.Official(new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.FromHours(8)));

        Assert.Empty(HolidayCalendarStatus.MissingYears(clock));
    }

    [Fact]
    public void From_november_next_years_missing_calendar_is_reported_by_name()
    {
        var clock = TestClocks.Official(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8)));

        var missing = HolidayCalendarStatus.MissingYears(clock);

        Assert.Equal([2027], missing);
        Assert.Contains("Modular:Holidays:2027", HolidayCalendarStatus.Describe(missing));
    }

    [Fact]
    public void A_deployment_that_adds_next_years_calendar_is_no_longer_reported()
    {
        var clock = TestClocks.Official(
            new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)),
            new Dictionary<string, string?> { ["Modular:Holidays:2027:Off:0"] = "01-01" });

        Assert.Empty(HolidayCalendarStatus.MissingYears(clock));
    }
}
