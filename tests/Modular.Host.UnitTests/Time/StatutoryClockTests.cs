using Modular.Contracts.Time;
using static Modular.Host.UnitTests.Time.TestClocks;

namespace Modular.Host.UnitTests.Time;

public sealed class StatutoryClockTests
{
    private readonly IStatutoryClock _clock = Official();

    // National Day 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked.
    // From Thursday 09-25: 09-26 (1), 09-28 (2), 09-29 (3), 09-30 (4), 10-09 (5), 10-10 (6), 10-11 (7), 10-13..17 (12),
    // 10-20..24 (17), 10-27 (18), 10-28 (19), 10-29 (20). Weekends alone would give 10-23.
    [Fact]
    public void Twenty_working_days_from_a_request_before_National_Day_2025_skip_the_holiday_week_and_count_its_make_up_days()
    {
        var deadline = _clock.Deadline(D(2025, 9, 25), StatutoryPeriod.WorkingDays(20));

        Assert.Equal(D(2025, 10, 29), deadline.Date);
        Assert.False(deadline.IsProvisional);
    }

    // National Day 2026: 10-01..10-07 off, Saturday 10-10 worked. From Monday 09-28: 09-29 (1), 09-30 (2), 10-08 (3),
    // 10-09 (4), 10-10 (5), 10-12..16 (10), 10-19..23 (15), 10-26..30 (20).
    [Fact]
    public void Twenty_working_days_from_a_request_before_National_Day_2026_skip_the_whole_holiday_week()
    {
        Assert.Equal(D(2026, 10, 30), _clock.Deadline(D(2026, 9, 28), StatutoryPeriod.WorkingDays(20)).Date);
    }

    // 2026: Mid-Autumn 09-25..09-27 runs into National Day after three working days. From Wednesday 09-23: 09-24 (1),
    // 09-28 (2), 09-29 (3), 09-30 (4), 10-08 (5).
    [Fact]
    public void Five_working_days_across_Mid_Autumn_and_National_Day_2026_end_the_day_after_the_holiday()
    {
        Assert.Equal(D(2026, 10, 8), _clock.Deadline(D(2026, 9, 23), StatutoryPeriod.WorkingDays(5)).Date);
    }

    // Spring Festival 2025: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked. From Friday 01-24: 01-26 (1),
    // 01-27 (2), 02-05 (3), 02-06 (4), 02-07 (5), 02-08 (6), 02-10 (7).
    [Fact]
    public void Seven_working_days_across_the_2025_Spring_Festival_count_the_make_up_Sunday_and_Saturday()
    {
        Assert.Equal(D(2025, 2, 10), _clock.Deadline(D(2025, 1, 24), StatutoryPeriod.WorkingDays(7)).Date);
    }

    // Spring Festival 2026: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked. From Tuesday 02-10: 02-11 (1), 02-12 (2),
    // 02-13 (3), 02-14 (4), 02-24 (5), 02-25 (6), 02-26 (7), 02-27 (8), 02-28 (9), 03-02 (10). Without the make-up
    // Saturdays it would be 03-04.
    [Fact]
    public void Ten_working_days_across_the_2026_Spring_Festival_count_both_make_up_Saturdays()
    {
        Assert.Equal(D(2026, 3, 2), _clock.Deadline(D(2026, 2, 10), StatutoryPeriod.WorkingDays(10)).Date);
    }

    // 2020: the holiday 01-24..01-30 was extended to 02-02, so Saturday 02-01 turned from a make-up workday into a rest
    // day. From Wednesday 01-22: 01-23 (1), 02-03 (2), 02-04 (3). The original notice alone would give 02-01.
    [Fact]
    public void Three_working_days_across_the_2020_Spring_Festival_run_past_its_extension_to_February_2()
    {
        Assert.Equal(D(2020, 2, 4), _clock.Deadline(D(2020, 1, 22), StatutoryPeriod.WorkingDays(3)).Date);
    }

    [Fact]
    public void The_day_a_request_arrives_is_not_counted_so_one_working_day_from_a_Friday_is_the_Monday()
    {
        Assert.Equal(D(2026, 3, 9), _clock.Deadline(D(2026, 3, 6), StatutoryPeriod.WorkingDays(1)).Date);
    }

    [Fact]
    public void The_day_of_the_event_is_not_counted_so_ten_days_from_March_2_end_on_March_12()
    {
        Assert.Equal(D(2026, 3, 12), _clock.Deadline(D(2026, 3, 2), StatutoryPeriod.CalendarDays(10)).Date);
    }

    [Fact]
    public void Fifteen_days_ending_on_a_Saturday_end_on_the_Monday_after()
    {
        Assert.Equal(D(2026, 3, 23), _clock.Deadline(D(2026, 3, 6), StatutoryPeriod.CalendarDays(15)).Date);
    }

    // 03-03 + 60 days is Saturday 05-02, inside Labour Day 05-01..05-05.
    [Fact]
    public void Sixty_days_for_a_petition_ending_in_the_Labour_Day_holiday_end_on_the_first_working_day_after_it()
    {
        Assert.Equal(D(2026, 5, 6), _clock.Deadline(D(2026, 3, 3), StatutoryPeriod.CalendarDays(60)).Date);
    }

    // 09-23 + 15 days is Wednesday 10-08, the last day of the 2025 National Day holiday.
    [Fact]
    public void Fifteen_days_ending_on_a_weekday_holiday_roll_past_the_holiday()
    {
        Assert.Equal(D(2025, 10, 9), _clock.Deadline(D(2025, 9, 23), StatutoryPeriod.CalendarDays(15)).Date);
    }

    // 01-30 + 15 days is Saturday 2026-02-14; 09-11 + 30 days is Saturday 2025-10-11. Both are make-up workdays.
    [Theory]
    [InlineData(2026, 1, 30, 15, 2026, 2, 14)]
    [InlineData(2025, 9, 11, 30, 2025, 10, 11)]
    public void A_calendar_day_period_ending_on_a_make_up_Saturday_ends_on_that_Saturday(
        int year, int month, int day, int days, int endYear, int endMonth, int endDay)
    {
        Assert.Equal(
            D(endYear, endMonth, endDay),
            _clock.Deadline(D(year, month, day), StatutoryPeriod.CalendarDays(days)).Date);
    }

    // Without the pause, 20 working days from Monday 2026-09-14 end on 10-16. The consultation stands the clock still
    // from 09-23 through 10-12: 20 calendar days, but only 9 working days (09-23, 09-24, 09-28, 09-29, 09-30, 10-08,
    // 10-09, the make-up Saturday 10-10, 10-12); the 29th working day is 10-29.
    [Fact]
    public void A_consultation_spanning_National_Day_pushes_a_working_day_deadline_by_the_working_days_inside_it_only()
    {
        var deadline = _clock.Deadline(
            D(2026, 9, 14), StatutoryPeriod.WorkingDays(20), [new ClockPause(D(2026, 9, 22), D(2026, 10, 12))]);

        Assert.Equal(D(2026, 10, 29), deadline.Date);
    }

    // Counted separately the pauses would add 6 + 5 = 11 working days (deadline 11-02); their union adds 9.
    [Fact]
    public void Overlapping_consultations_stand_the_clock_still_once_for_the_days_they_share()
    {
        ClockPause[] pauses =
        [
            new(D(2026, 9, 29), D(2026, 10, 12)),
            new(D(2026, 9, 22), D(2026, 10, 8)),
            new(D(2026, 9, 30), D(2026, 10, 9)),
        ];

        Assert.Equal(D(2026, 10, 29), _clock.Deadline(D(2026, 9, 14), StatutoryPeriod.WorkingDays(20), pauses).Date);
    }

    // (03-10, 03-20] and (03-15, 03-25] together cover 15 days, not 20: 03-03 + 75 days is Sunday 05-17.
    [Fact]
    public void Overlapping_pauses_of_a_calendar_day_period_add_the_calendar_days_of_their_union()
    {
        var deadline = _clock.Deadline(
            D(2026, 3, 3),
            StatutoryPeriod.CalendarDays(60),
            [new ClockPause(D(2026, 3, 10), D(2026, 3, 20)), new ClockPause(D(2026, 3, 15), D(2026, 3, 25))]);

        Assert.Equal(D(2026, 5, 18), deadline.Date);
    }

    // It is 00:30 on Friday 03-20 in Shanghai (still 03-19 in UTC). The pause so far covers 03-11..03-20: 8 working
    // days, so the 28th working day after Monday 03-02 counts: 03-03..03-31 (21), 04-01..04-03 (24), Qingming
    // 04-04..04-06, 04-07..04-10 (28).
    [Fact]
    public void A_consultation_still_under_way_pushes_the_deadline_as_if_it_ended_today_in_Shanghai()
    {
        var clock = Official(new DateTimeOffset(2026, 3, 19, 16, 30, 0, TimeSpan.Zero));

        var deadline = clock.Deadline(D(2026, 3, 2), StatutoryPeriod.WorkingDays(20), [new ClockPause(D(2026, 3, 10), null)]);

        Assert.Equal(D(2026, 4, 10), deadline.Date);
    }

    [Fact]
    public void A_consultation_that_begins_after_today_has_not_yet_stopped_the_clock()
    {
        var clock = Official(new DateTimeOffset(2026, 3, 5, 4, 0, 0, TimeSpan.Zero));

        var deadline = clock.Deadline(D(2026, 3, 2), StatutoryPeriod.WorkingDays(20), [new ClockPause(D(2026, 3, 10), null)]);

        Assert.Equal(D(2026, 3, 30), deadline.Date);
    }

    // The clock starts only after the trigger: of the pause (03-01, 03-06] only 03-03..03-06 (4 working days) counts, so
    // the deadline is the 24th working day after 03-02, not the 25th (04-07).
    [Fact]
    public void A_pause_that_began_before_the_request_stands_the_clock_still_only_from_the_request_on()
    {
        var deadline = _clock.Deadline(
            D(2026, 3, 2), StatutoryPeriod.WorkingDays(20), [new ClockPause(D(2026, 3, 1), D(2026, 3, 6))]);

        Assert.Equal(D(2026, 4, 3), deadline.Date);
    }

    [Fact]
    public void A_consultation_begun_after_the_deadline_passed_does_not_revive_the_clock()
    {
        var deadline = _clock.Deadline(
            D(2026, 3, 2), StatutoryPeriod.WorkingDays(20), [new ClockPause(D(2026, 3, 31), D(2026, 4, 20))]);

        Assert.Equal(D(2026, 3, 30), deadline.Date);
    }

    // Begun on the last day (03-30), the consultation still holds the clock: its 8 working days 03-31..04-10 are added,
    // so the reply is due when it ends, not on the day it began.
    [Fact]
    public void A_consultation_begun_on_the_last_day_still_stands_the_clock_still()
    {
        var deadline = _clock.Deadline(
            D(2026, 3, 2), StatutoryPeriod.WorkingDays(20), [new ClockPause(D(2026, 3, 30), D(2026, 4, 10))]);

        Assert.Equal(D(2026, 4, 10), deadline.Date);
    }

    [Fact]
    public void A_pause_that_ends_before_it_begins_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            _clock.Deadline(D(2026, 3, 2), StatutoryPeriod.WorkingDays(20), [new ClockPause(D(2026, 3, 10), D(2026, 3, 9))]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_period_of_no_days_is_refused(int length)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.Deadline(D(2026, 3, 2), StatutoryPeriod.WorkingDays(length)));
    }

    // 2026-12-15 + 20 working days: 12-16..12-31 (12), then 2027 on weekends alone: 01-01 (13), 01-04..08 (18), 01-11,
    // 01-12 (20).
    [Fact]
    public void A_working_day_period_reaching_into_2027_before_its_notice_is_provisional_and_names_2027()
    {
        var deadline = _clock.Deadline(D(2026, 12, 15), StatutoryPeriod.WorkingDays(20));

        Assert.Equal(D(2027, 1, 12), deadline.Date);
        Assert.True(deadline.IsProvisional);
        Assert.Equal([2027], deadline.UnconfiguredYears);
    }

    [Fact]
    public void A_calendar_day_period_ending_in_2027_before_its_notice_is_provisional()
    {
        var deadline = _clock.Deadline(D(2026, 12, 15), StatutoryPeriod.CalendarDays(30));

        Assert.Equal(D(2027, 1, 14), deadline.Date);
        Assert.Equal([2027], deadline.UnconfiguredYears);
    }

    // 12-01 + 30 days is Thursday 12-31: the period never needs 2027's calendar.
    [Fact]
    public void A_period_that_ends_within_a_configured_year_is_final()
    {
        Assert.False(_clock.Deadline(D(2026, 12, 1), StatutoryPeriod.CalendarDays(30)).IsProvisional);
        Assert.False(_clock.Deadline(D(2026, 12, 1), StatutoryPeriod.WorkingDays(20)).IsProvisional);
    }

    // 2019 has no notice in the shipped calendar.
    [Fact]
    public void A_period_reaching_back_into_an_unconfigured_year_names_that_year()
    {
        var deadline = _clock.Deadline(D(2019, 12, 20), StatutoryPeriod.WorkingDays(15));

        Assert.Equal([2019], deadline.UnconfiguredYears);
    }

    // With 2027-01-01 a rest day the 20th working day after 2026-12-15 moves from 01-12 to 01-13.
    [Fact]
    public void Adding_the_2027_notice_through_configuration_makes_a_period_into_2027_final()
    {
        var clock = Official(deployment: new Dictionary<string, string?>
        {
            ["Modular:Holidays:2027:Notice"] = "test notice",
            ["Modular:Holidays:2027:Off:0"] = "01-01..01-03",
            ["Modular:Holidays:2027:Off:1"] = "02-06..02-12",
            ["Modular:Holidays:2027:Work:0"] = "01-30",
        });

        var deadline = clock.Deadline(D(2026, 12, 15), StatutoryPeriod.WorkingDays(20));

        Assert.Equal(D(2027, 1, 13), deadline.Date);
        Assert.False(deadline.IsProvisional);
        Assert.Contains(2027, clock.ConfiguredYears);
    }

    [Fact]
    public void Today_is_the_date_in_Shanghai_not_in_UTC()
    {
        var clock = Official(new DateTimeOffset(2026, 2, 16, 17, 30, 0, TimeSpan.Zero));

        Assert.Equal(D(2026, 2, 17), clock.Today);
    }
}
