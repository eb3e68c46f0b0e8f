using System.Text.Json;
using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Modules.Mediation.Disputes;

namespace Modular.Modules.Mediation.UnitTests.Disputes;

public sealed class DisputePracticeTests
{
    [Fact]
    public void A_practice_stored_before_units_existed_reads_as_calendar_days_and_leaves_the_lead_period_alone()
    {
        // How mediation.dispute-practice-set.v1 was written before it carried units.
        var old = JsonSerializer.Deserialize<DisputePracticeSet>("""{"targetDays":20,"followUpDays":10}""", JsonSerializerOptions.Web)!;
        var settings = new DisputeSettings();

        settings.Apply(old);

        Assert.Equal(StatutoryPeriod.CalendarDays(20), settings.Target);
        Assert.Equal(StatutoryPeriod.CalendarDays(10), settings.FollowUp);
        Assert.Null(settings.LeadOpenDays);
    }

    [Fact]
    public void A_unit_is_stored_by_name_and_a_number_stored_for_it_still_reads()
    {
        var json = JsonSerializer.Serialize(new DisputePracticeSet(10, 5, PeriodUnit.WorkingDays), JsonSerializerOptions.Web);

        Assert.Contains("\"targetUnit\":\"WorkingDays\"", json, StringComparison.Ordinal);
        Assert.Equal(PeriodUnit.WorkingDays, JsonSerializer.Deserialize<DisputePracticeSet>("""{"targetDays":10,"followUpDays":5,"targetUnit":1}""", JsonSerializerOptions.Web)!.TargetUnit);
    }

    [Fact]
    public void The_center_head_chooses_working_days_for_the_target_and_sets_the_lead_period()
    {
        var errors = new InputErrors();

        var set = DisputeSettingsSteps.Practice(new DisputeSettingsInput { TargetDays = 20, TargetUnit = "WorkingDays", FollowUpDays = 30, LeadOpenDays = 2, LeadOpenUnit = "WorkingDays" }, errors);

        Assert.False(errors.Any);
        Assert.Equal(new DisputePracticeSet(20, 30, PeriodUnit.WorkingDays, PeriodUnit.CalendarDays, 2, PeriodUnit.WorkingDays), set);
    }

    [Fact]
    public void Every_bad_period_is_named_at_once()
    {
        var errors = new InputErrors();

        Assert.Null(DisputeSettingsSteps.Practice(new DisputeSettingsInput { TargetDays = 0, FollowUpDays = 400, FollowUpUnit = "Months", LeadOpenDays = 3, LeadOpenUnit = "1" }, errors));
        Assert.Equal(["followUpDays", "followUpUnit", "leadOpenUnit", "targetDays"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }
}
