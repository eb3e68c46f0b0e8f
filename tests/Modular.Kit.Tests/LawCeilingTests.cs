using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Kit.Time;
using Modular.Testing;

namespace Modular.Kit.Tests;

public sealed class LawCeilingTests
{
    private static readonly StatutoryPeriod SevenDays = StatutoryPeriod.CalendarDays(7);
    private static readonly IStatutoryClock Clock = OfficialClock.On(new DateOnly(2025, 6, 1));

    [Theory]
    [InlineData(LawCeiling.SameUnitNoLonger, 5, "CalendarDays", true)]
    [InlineData(LawCeiling.SameUnitNoLonger, 5, "WorkingDays", false)]
    [InlineData(LawCeiling.SameUnitNoLonger, 8, "CalendarDays", false)]
    [InlineData(LawCeiling.EarlierDateWins, 5, "WorkingDays", true)]
    [InlineData(LawCeiling.EarlierDateWins, 7, "WorkingDays", true)]
    [InlineData(LawCeiling.EarlierDateWins, 8, "WorkingDays", false)]
    [InlineData(LawCeiling.EarlierDateWins, 8, "CalendarDays", false)]
    public void Each_reading_admits_its_own_settings_under_a_calendar_day_law(LawCeiling ceiling, int length, string unit, bool taken)
    {
        var errors = new InputErrors();

        var period = errors.Period("decisionDays", "decisionUnit", length, unit, "作出决定期限", "decision period", SevenDays, ceiling);

        Assert.Equal(taken, period is not null);
        Assert.Equal(!taken, errors.Has("decisionDays"));
        Assert.Equal(taken, ceiling.Admits(new StatutoryPeriod(length, Enum.Parse<PeriodUnit>(unit)), SevenDays));
    }

    [Fact]
    public void Over_the_2024_national_day_week_five_working_days_are_held_back_to_the_laws_seven_days()
    {
        // From 2024-09-27: 29 September is a make-up workday, 1–7 October the holiday; five working days reach 10-10,
        // the law's seven days end on the rest day 10-04 and move to 10-08.
        var trigger = new DateOnly(2024, 9, 27);

        Assert.Equal(new DateOnly(2024, 10, 10), Clock.Deadline(trigger, StatutoryPeriod.WorkingDays(5)).Date);
        Assert.Equal(new DateOnly(2024, 10, 8), Clock.DeadlineUnderLaw(trigger, StatutoryPeriod.WorkingDays(5), SevenDays).Date);
    }

    [Fact]
    public void Over_the_2025_spring_festival_the_law_holds_and_in_an_ordinary_week_the_shorter_setting_does()
    {
        // From Friday 2025-01-24: 26 January is a make-up workday, 28 January–4 February the holiday.
        var festival = new DateOnly(2025, 1, 24);
        Assert.Equal(new DateOnly(2025, 2, 7), Clock.Deadline(festival, StatutoryPeriod.WorkingDays(5)).Date);
        Assert.Equal(new DateOnly(2025, 2, 5), Clock.DeadlineUnderLaw(festival, StatutoryPeriod.WorkingDays(5), SevenDays).Date);

        // In an ordinary week the setting's own day holds: four working days from Wednesday 2025-03-05 end on Tuesday 03-11, the law's on 03-12.
        var ordinary = new DateOnly(2025, 3, 5);
        Assert.Equal(new DateOnly(2025, 3, 11), Clock.DeadlineUnderLaw(ordinary, StatutoryPeriod.WorkingDays(4), SevenDays).Date);
    }

    [Fact]
    public void A_setting_equal_to_the_law_is_the_law()
    {
        var trigger = new DateOnly(2025, 9, 30);
        Assert.Equal(Clock.Deadline(trigger, SevenDays).Date, Clock.DeadlineUnderLaw(trigger, SevenDays, SevenDays).Date);
    }
}
