using Modular.Contracts.Time;
using Modular.Modules.Mediation.Disputes;
using Modular.Testing;
using static Modular.Modules.Mediation.UnitTests.Disputes.Disputes;

namespace Modular.Modules.Mediation.UnitTests.Disputes;

/// <summary>The dispute's local periods on the real calendar (2025's notice: Spring Festival 28 Jan–4 Feb, National Day 1–8 Oct).</summary>
public sealed class DisputeClockTests
{
    private static DisputeClock On(DateOnly today) => new(OfficialClock.On(today));

    private static DisputeSettings Practice(int target = 30, PeriodUnit targetUnit = PeriodUnit.CalendarDays, int followUp = 30, PeriodUnit followUpUnit = PeriodUnit.CalendarDays)
    {
        var settings = new DisputeSettings();
        settings.Apply(new DisputePracticeSet(target, followUp, targetUnit, followUpUnit));
        return settings;
    }

    [Fact]
    public void A_follow_up_due_on_the_Sunday_of_the_Spring_Festival_week_is_due_on_the_first_working_day_after_it()
    {
        // Signed Friday 3 January 2025: the 30th day is Sunday 2 February, inside the holiday; work resumes Wednesday 5 February.
        var due = On(new(2025, 1, 10)).FollowUpDueOn(SignedInWriting(new DateOnly(2025, 1, 3)), Practice());

        Assert.Equal(new DateOnly(2025, 2, 5), due!.Date);
        Assert.False(due.IsProvisional);
    }

    [Fact]
    public void A_one_month_target_ending_in_the_National_Day_holiday_ends_on_9_October()
    {
        Assert.Equal(new DateOnly(2025, 10, 9), On(new(2025, 9, 5)).TargetOn(Registered(new(2025, 9, 5)), Practice()).Date);
    }

    [Fact]
    public void A_target_in_working_days_skips_the_National_Day_holiday_and_counts_its_make_up_Saturday()
    {
        // From Friday 26 September 2025: 28 Sep (Sunday, worked), 29, 30 Sep, then 9, 10, 11 (Saturday, worked), 13–16 Oct.
        var target = On(new(2025, 9, 26)).TargetOn(Registered(new(2025, 9, 26)), Practice(10, PeriodUnit.WorkingDays));

        Assert.Equal(new DateOnly(2025, 10, 16), target.Date);
    }

    [Fact]
    public void A_target_reaching_into_a_year_without_a_holiday_notice_is_provisional_and_names_the_year()
    {
        var target = On(new(2026, 12, 15)).TargetOn(Registered(new(2026, 12, 15)), Practice());

        Assert.Equal(new DateOnly(2027, 1, 14), target.Date);
        Assert.Equal([2027], target.UnconfiguredYears);
    }

    [Fact]
    public void The_court_confirmation_window_ending_on_a_holiday_moves_to_the_next_working_day()
    {
        // 人民调解法 Art 33: 30 days from Tuesday 2 September 2025 end on Thursday 2 October, in the holiday.
        Assert.Equal(new DateOnly(2025, 10, 9), On(new(2025, 9, 3)).CourtConfirmationDueOn(SignedInWriting(new DateOnly(2025, 9, 2)))!.Date);
    }

    [Theory]
    [InlineData(30, PeriodUnit.CalendarDays)]
    [InlineData(7, PeriodUnit.CalendarDays)]
    [InlineData(20, PeriodUnit.WorkingDays)]
    public void The_dashboard_s_past_target_line_counts_exactly_the_disputes_the_clock_finds_past_target(int length, PeriodUnit unit)
    {
        var settings = Practice(length, unit);
        for (var today = new DateOnly(2025, 1, 1); today.Year == 2025; today = today.AddDays(3))
        {
            var clock = On(today);
            var line = clock.PastTargetIfReceivedBy(settings);
            for (var received = today.AddDays(-70); received <= today; received = received.AddDays(1))
            {
                Assert.True(clock.PastTarget(Registered(received), settings) == (received <= line), $"today {today}, received {received}, line {line}");
            }
        }
    }

    [Fact]
    public void The_due_list_s_lines_let_through_exactly_the_disputes_whose_dates_fall_due_by_the_horizon()
    {
        var settings = Practice(30, PeriodUnit.CalendarDays);
        for (var today = new DateOnly(2025, 1, 1); today.Year == 2025; today = today.AddDays(5))
        {
            var clock = On(today);
            var horizon = OfficialClock.On(today).Deadline(today, StatutoryPeriod.WorkingDays(5)).Date;
            var targetLine = clock.TargetDueIfReceivedBy(settings, horizon);
            var windowLine = clock.WindowClosedIfResolvedBy;
            for (var day = today.AddDays(-70); day <= today; day = day.AddDays(1))
            {
                Assert.Equal(clock.TargetOn(Registered(day), settings).Date <= horizon, day <= targetLine);
                Assert.Equal(clock.CourtConfirmationDueOn(SignedInWriting(day))!.Date >= today, day > windowLine);
            }
        }
    }
}
