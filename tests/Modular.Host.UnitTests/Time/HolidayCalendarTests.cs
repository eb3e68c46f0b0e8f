using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modular.Contracts.Time;
using Modular.Host.Time;
using static Modular.Host.UnitTests.Time.TestClocks;

namespace Modular.Host.UnitTests.Time;

public sealed class HolidayCalendarTests
{
    private readonly IStatutoryClock _clock = Official();

    [Fact]
    public void The_host_ships_the_notices_for_2020_through_2026()
    {
        Assert.Equal([2020, 2021, 2022, 2023, 2024, 2025, 2026], _clock.ConfiguredYears);
    }

    [Theory]
    [InlineData(2026, 2, 14, true)] // Saturday, make-up workday before the Spring Festival
    [InlineData(2026, 2, 28, true)] // Saturday, make-up workday after it
    [InlineData(2026, 2, 16, false)] // Monday in the Spring Festival
    [InlineData(2026, 2, 23, false)] // Monday, its last day
    [InlineData(2026, 2, 24, true)]
    [InlineData(2026, 3, 7, false)] // an ordinary Saturday
    [InlineData(2025, 9, 28, true)] // Sunday, make-up workday before National Day
    [InlineData(2025, 10, 8, false)] // Wednesday, last day of the eight-day National Day holiday
    [InlineData(2025, 10, 11, true)] // Saturday, make-up workday after it
    [InlineData(2020, 2, 1, false)] // Saturday: a make-up workday until the 2020 extension made it a rest day
    [InlineData(2020, 1, 19, true)] // Sunday, make-up workday
    [InlineData(2024, 2, 9, true)] // Friday, 除夕 2024: staff were encouraged to rest, but it is not a holiday
    [InlineData(2023, 1, 2, false)] // Monday, end of the New Year holiday that began on 2022-12-31
    [InlineData(2024, 6, 10, false)] // Monday, Dragon Boat Festival joined to a weekend
    public void The_official_calendar_says_which_days_are_worked(int year, int month, int day, bool working)
    {
        Assert.Equal(working, _clock.IsWorkingDay(D(year, month, day)));
    }

    [Theory]
    [InlineData(2027, 1, 1, true)] // a Friday, surely a holiday once the notice appears, but no notice says so yet
    [InlineData(2027, 1, 2, false)]
    [InlineData(2019, 10, 1, true)]
    public void A_year_without_a_notice_rests_on_weekends_only(int year, int month, int day, bool working)
    {
        Assert.Equal(working, _clock.IsWorkingDay(D(year, month, day)));
    }

    // February 2026 has 20 weekdays; 02-16..02-20 and 02-23 are rest days and Saturdays 02-14 and 02-28 are worked.
    [Fact]
    public void February_2026_has_sixteen_working_days_counting_its_two_make_up_Saturdays()
    {
        Assert.Equal(16, _clock.WorkingDaysBetween(D(2026, 2, 1), D(2026, 3, 1)));
        Assert.Equal(1, _clock.WorkingDaysBetween(D(2026, 2, 13), D(2026, 2, 14)));
    }

    // Counted independently from reference/holidays.md; a changed entry in holidays.json changes a year's total.
    [Theory]
    [InlineData(2020, 249)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void Each_configured_year_has_its_official_number_of_working_days(int year, int workingDays)
    {
        Assert.Equal(workingDays, _clock.WorkingDaysBetween(D(year - 1, 12, 31), D(year, 12, 31)));
    }

    [Fact]
    public void Working_days_between_a_date_and_an_earlier_or_equal_one_are_none()
    {
        Assert.Equal(0, _clock.WorkingDaysBetween(D(2026, 3, 10), D(2026, 3, 10)));
        Assert.Equal(0, _clock.WorkingDaysBetween(D(2026, 3, 10), D(2026, 3, 2)));
    }

    [Fact]
    public void Counting_across_years_agrees_with_asking_day_by_day()
    {
        var from = D(2019, 11, 17);
        var to = D(2027, 2, 3);
        var expected = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            expected += _clock.IsWorkingDay(day) ? 1 : 0;
        }

        Assert.Equal(expected, _clock.WorkingDaysBetween(from, to));
        Assert.Equal(1744, _clock.WorkingDaysBetween(D(2019, 12, 31), D(2026, 12, 31)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(249)]
    [InlineData(1000)]
    [InlineData(1500)]
    public void A_long_working_day_period_ends_on_the_working_day_that_completes_the_count(int length)
    {
        var trigger = D(2019, 12, 20);

        var deadline = _clock.Deadline(trigger, StatutoryPeriod.WorkingDays(length)).Date;

        Assert.True(_clock.IsWorkingDay(deadline));
        Assert.Equal(length, _clock.WorkingDaysBetween(trigger, deadline));
    }

    [Fact]
    public void A_deployment_can_correct_a_shipped_year_even_when_its_settings_are_added_first()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Modular:Holidays:2026:Off:1"] = "02-15..02-24" })
            .AddOfficialHolidayCalendar()
            .Build();
        using var services = new ServiceCollection().AddStatutoryClock(configuration).BuildServiceProvider();

        var clock = services.GetRequiredService<IStatutoryClock>();

        Assert.False(clock.IsWorkingDay(D(2026, 2, 24)));
    }

    [Fact]
    public void A_deployment_can_add_a_year_through_environment_variables()
    {
        const string prefix = "MODULAR_HOST_UNITTESTS_HOLIDAYS_";
        Environment.SetEnvironmentVariable(prefix + "Modular__Holidays__2027__Off__0", "01-01..01-03");
        try
        {
            var configuration = new ConfigurationBuilder().AddOfficialHolidayCalendar().AddEnvironmentVariables(prefix).Build();
            using var services = new ServiceCollection().AddStatutoryClock(configuration).BuildServiceProvider();

            var clock = services.GetRequiredService<IStatutoryClock>();

            Assert.Contains(2027, clock.ConfiguredYears);
            Assert.False(clock.IsWorkingDay(D(2027, 1, 1)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Modular__Holidays__2027__Off__0", null);
        }
    }

    // 2030-12-31 is a Tuesday, so only a date read as 2030 (not 2031) can make it a rest day.
    [Fact]
    public void A_notice_may_name_a_rest_day_at_the_end_of_the_previous_year()
    {
        var calendar = Calendar(("2031", ["2030-12-31..01-01"], []));

        Assert.False(calendar.IsWorkingDay(D(2030, 12, 31)));
        Assert.False(calendar.IsWorkingDay(D(2031, 1, 1)));
        Assert.True(calendar.IsWorkingDay(D(2031, 12, 31)));
        Assert.False(calendar.IsConfigured(2030));
    }

    [Fact]
    public void A_malformed_date_is_rejected_naming_the_year_and_the_entry()
    {
        var error = Assert.Throws<HolidayCalendarConfigurationException>(() =>
            Calendar(("2027", ["01-01", "13-01..13-03"], [])));

        var message = Assert.Single(error.Errors);
        Assert.Contains("Modular:Holidays:2027:Off:1", message);
        Assert.Contains("13-01", message);
    }

    [Theory]
    [InlineData("2027", "1-1", "'1-1' is not a date")]
    [InlineData("2027", "02-29", "02-29 is not a day of 2027")]
    [InlineData("2027", "02-10..02-03", "ends (2027-02-03) before it starts (2027-02-10)")]
    [InlineData("2027", "2025-12-31", "not in 2027 or a year next to it")]
    [InlineData("2027", "", "'' is not a date")]
    [InlineData("20x7", "01-01", "Modular:Holidays:20x7: the key must be a year")]
    public void A_bad_rest_day_entry_is_rejected_with_a_message_that_says_what_is_wrong(string year, string entry, string expected)
    {
        var error = Assert.Throws<HolidayCalendarConfigurationException>(() => Calendar((year, [entry], [])));

        Assert.Contains(expected, error.Message);
    }

    // 2027-02-03 is a Wednesday.
    [Fact]
    public void A_make_up_workday_on_a_weekday_is_rejected()
    {
        var error = Assert.Throws<HolidayCalendarConfigurationException>(() => Calendar(("2027", ["01-01"], ["02-03"])));

        Assert.Contains("Modular:Holidays:2027:Work: 2027-02-03 is a Wednesday", error.Message);
    }

    [Fact]
    public void A_day_listed_both_as_a_rest_day_and_as_a_make_up_workday_is_rejected()
    {
        var error = Assert.Throws<HolidayCalendarConfigurationException>(() => Calendar(("2027", ["01-01..01-03"], ["01-02"])));

        Assert.Contains("2027-01-02 is both a rest day", error.Message);
    }

    [Fact]
    public void A_year_with_no_rest_days_is_rejected_as_a_likely_misspelt_key()
    {
        var error = Assert.Throws<HolidayCalendarConfigurationException>(() => Calendar(("2027", [], ["01-30"])));

        Assert.Contains("Modular:Holidays:2027:Off: the year lists no rest days", error.Message);
    }

    [Fact]
    public void Every_fault_is_reported_at_once()
    {
        var error = Assert.Throws<HolidayCalendarConfigurationException>(() =>
            Calendar(("2027", ["01-01", "1-20"], ["xx"]), ("2028", ["02-30"], [])));

        Assert.Equal(3, error.Errors.Count);
    }

    [Fact]
    public void A_bad_year_added_by_a_deployment_stops_the_host_at_start_up_naming_the_entry()
    {
        using var services = Services(deployment: new Dictionary<string, string?> { ["Modular:Holidays:2027:Off:0"] = "2027/01/01" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Modular:Holidays:2027:Off:0 '2027/01/01'", error.Message);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStatutoryClock>());
    }

    [Fact]
    public void The_shipped_calendar_passes_start_up_validation()
    {
        using var services = Services();

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static HolidayCalendar Calendar(params (string Year, string[] Off, string[] Work)[] years)
    {
        var options = new HolidayCalendarOptions();
        foreach (var (year, off, work) in years)
        {
            options.Years[year] = new YearSchedule { Off = [.. off], Work = [.. work] };
        }

        return HolidayCalendar.Create(options);
    }
}
