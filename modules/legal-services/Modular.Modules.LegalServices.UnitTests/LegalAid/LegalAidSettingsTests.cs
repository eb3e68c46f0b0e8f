using Modular.Contracts.Extensions;
using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Kit.Time;
using Modular.Modules.LegalServices.LegalAid;
using static Modular.Modules.LegalServices.UnitTests.LegalAid.Applications;

namespace Modular.Modules.LegalServices.UnitTests.LegalAid;

/// <summary>The settings' Art 39 hours and how the clocks carry them (and a provisional day) to the due list.</summary>
public sealed class LegalAidSettingsTests
{
    private static LegalAidSettingsInput Input(int? hours) => new()
    {
        DecisionDays = 7,
        DecisionUnit = "CalendarDays",
        AssignmentDays = 3,
        AssignmentUnit = "CalendarDays",
        ObjectionDays = 5,
        ObjectionUnit = "CalendarDays",
        DetainedForwardingHours = hours,
        MaterialsReplyDays = 15,
        FollowUpDays = 30,
        DecisionClockFrom = "AgencyReceipt",
        Agency = "县法律援助中心",
        JusticeBureau = "县司法局",
    };

    [Fact]
    public void Art_39s_hours_may_be_shortened_never_lengthened_and_a_client_that_sends_none_sets_the_laws_24()
    {
        var errors = new InputErrors();
        Assert.Null(LegalAidSettingsStore.Decide(Input(25), errors));
        Assert.True(errors.Has("detainedForwardingHours"));

        Assert.Equal(12, LegalAidSettingsStore.Decide(Input(12), new InputErrors())!.DetainedForwardingHours);
        Assert.Equal(24, LegalAidSettingsStore.Decide(Input(null), new InputErrors())!.DetainedForwardingHours);

        var settings = new LegalAidSettings();
        settings.Apply(LegalAidSettingsStore.Decide(Input(12), new InputErrors())! with { DetainedForwardingHours = null });
        Assert.Equal(new HourPeriod(24), settings.DetainedForwarding);
    }

    [Fact]
    public void A_detained_applicants_clock_ends_the_settings_hours_after_the_stations_instant_and_is_never_provisional()
    {
        var settings = new LegalAidSettings { DetainedForwardingHours = 6 };
        var clock = Assert.Single(new LegalAidClock(new WeekendsOnly()).Running(Received(detained: true), settings));

        Assert.Equal((ClockKind.DetainedForwarding, ReceivedAt.AddHours(6)), (clock.Kind, clock.DueAt!.Value));
        Assert.False(clock.Provisional);
    }

    [Fact]
    public void A_decision_counted_without_a_holiday_notice_reaches_the_due_list_as_provisional()
    {
        var clock = Assert.Single(new LegalAidClock(new WeekendsOnly()).Running(UnderReview(), new LegalAidSettings()), c => c.Kind == ClockKind.Decision);
        var item = new DueItem(clock.Title, clock.Due, "legal-services/legal-aid/x", clock.Rule);

        Assert.True(clock.Provisional);
        Assert.True(item.IsProvisional);
    }

    // A clock that knows no official holidays at all: every date it gives is provisional.
    private sealed class WeekendsOnly : IStatutoryClock
    {
        public DateOnly Today => new(2024, 3, 10);

        public IReadOnlyCollection<int> ConfiguredYears => [];

        public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        public StatutoryDate Deadline(DateOnly trigger, StatutoryPeriod period) => new(trigger.AddDays(period.Length), [trigger.Year]);

        public StatutoryDate Deadline(DateOnly trigger, StatutoryPeriod period, IEnumerable<ClockPause> pauses) => Deadline(trigger, period);

        public int WorkingDaysBetween(DateOnly from, DateOnly to) => 0;
    }
}
