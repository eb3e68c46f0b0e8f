using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Kit.Time;
using Modular.Testing;

namespace Modular.Kit.Tests;

public sealed class PeriodSettingsTests
{
    [Fact]
    public void A_period_posted_without_a_unit_counts_calendar_days_as_settings_stored_before_units_did()
    {
        var errors = new InputErrors();

        Assert.Equal(StatutoryPeriod.CalendarDays(30), errors.Period("targetDays", "targetUnit", 30, null, "化解时限", "target"));
        Assert.False(errors.Any);
    }

    [Fact]
    public void A_period_in_working_days_is_read_by_the_unit_s_name()
    {
        var errors = new InputErrors();

        Assert.Equal(StatutoryPeriod.WorkingDays(3), errors.Period("leadDays", "leadUnit", 3, "workingdays", "线索处理时限", "lead period"));
    }

    [Theory]
    [InlineData(0, null, "leadDays")]
    [InlineData(366, null, "leadDays")]
    [InlineData(null, null, "leadDays")]
    [InlineData(3, "1", "leadUnit")]
    [InlineData(3, "Weeks", "leadUnit")]
    public void A_period_out_of_bounds_or_of_an_unknown_unit_is_refused_by_its_field(int? length, string? unit, string field)
    {
        var errors = new InputErrors();

        Assert.Null(errors.Period("leadDays", "leadUnit", length, unit, "线索处理时限", "lead period"));
        Assert.True(errors.Has(field));
    }

    [Theory]
    [InlineData(7, "WorkingDays", true)]
    [InlineData(5, "WorkingDays", true)]
    [InlineData(7, "CalendarDays", true)]
    [InlineData(8, "WorkingDays", false)]
    public void A_setting_may_shorten_a_working_day_law_never_lengthen_it(int length, string unit, bool taken)
    {
        var errors = new InputErrors();

        var period = errors.Period("decision", "decisionUnit", length, unit, "审查时限", "review period", longest: StatutoryPeriod.WorkingDays(7));

        Assert.Equal(taken, period is not null);
        Assert.Equal(!taken, errors.Has("decision"));
    }

    [Fact]
    public void Working_days_under_a_calendar_day_law_are_refused_as_they_can_outlast_it_over_a_holiday()
    {
        // 2025 National Day: 7 working days from 2025-09-30 end on 2025-10-16 (11 October is a make-up workday), past the 7 calendar days (moved to 2025-10-09).
        var clock = OfficialClock.On(new DateOnly(2025, 9, 30));
        Assert.True(clock.Deadline(new(2025, 9, 30), StatutoryPeriod.WorkingDays(7)).Date > clock.Deadline(new(2025, 9, 30), StatutoryPeriod.CalendarDays(7)).Date);

        Assert.False(StatutoryPeriod.WorkingDays(7).NoLongerThan(StatutoryPeriod.CalendarDays(7)));
    }

    [Fact]
    public void A_period_reads_as_a_clerk_says_it()
    {
        Assert.Equal(("3个工作日", "3 working days"), (PeriodSettings.Label(StatutoryPeriod.WorkingDays(3)).Chinese, PeriodSettings.Label(StatutoryPeriod.WorkingDays(3)).English));
        Assert.Equal(new PeriodView(30, "CalendarDays", new("30日", "30 days")), PeriodView.Of(StatutoryPeriod.CalendarDays(30)));
    }
}

public sealed class ClockLinesTests
{
    private static readonly IStatutoryClock Clock = OfficialClock.On(new DateOnly(2025, 6, 1));

    public static TheoryData<int, PeriodUnit> Periods => new()
    {
        { 3, PeriodUnit.CalendarDays }, { 30, PeriodUnit.CalendarDays }, { 3, PeriodUnit.WorkingDays }, { 20, PeriodUnit.WorkingDays },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void The_line_of_every_day_of_2025_is_where_the_per_record_clock_stops_being_due(int length, PeriodUnit unit)
    {
        var period = new StatutoryPeriod(length, unit);
        for (var day = new DateOnly(2025, 1, 1); day.Year == 2025; day = day.AddDays(1))
        {
            var line = Clock.LastTriggerDueBy(period, day);

            Assert.True(Clock.Deadline(line, period).Date <= day, $"{period} from {line} ends after {day}");
            Assert.True(Clock.Deadline(line.AddDays(1), period).Date > day, $"{period} from {line.AddDays(1)} ends by {day}");
        }
    }

    [Fact]
    public void Over_the_2025_Spring_Festival_three_days_due_by_its_last_rest_day_were_triggered_by_24_January()
    {
        // From 25 January the third day falls in the holiday (28 Jan–4 Feb) and moves to 5 February.
        Assert.Equal(new DateOnly(2025, 1, 24), Clock.LastTriggerDueBy(StatutoryPeriod.CalendarDays(3), new DateOnly(2025, 2, 4)));
        Assert.Equal(new DateOnly(2025, 2, 2), Clock.LastTriggerOverdueOn(StatutoryPeriod.CalendarDays(3), new DateOnly(2025, 2, 6)));
    }
}

public sealed class ProvisionalDueItemTests
{
    [Fact]
    public void A_due_item_made_from_the_clock_s_date_keeps_the_years_it_was_counted_without()
    {
        // Accepted 2026-11-20: the petition's 60 days end in January 2027, a year with no notice shipped.
        var clock = OfficialClock.On(new DateOnly(2026, 11, 20));
        var due = clock.Deadline(new DateOnly(2026, 11, 20), StatutoryPeriod.CalendarDays(60));

        var item = new Modular.Contracts.Extensions.DueItem(new("信访 2026-0001 处理意见", "Opinion"), due, "mediation/petitions/x", new("第34条", "Art 34"));

        Assert.Equal((due.Date, true), (item.DueOn, item.IsProvisional));
        Assert.Equal(clock.ConfiguredYears.Contains(2027) ? [] : [2027], item.UnconfiguredYears);
    }
}
