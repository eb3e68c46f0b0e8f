using Modular.Contracts.Time;
using Modular.Modules.Mediation.Liaisons;
using Modular.Testing;

namespace Modular.Modules.Mediation.UnitTests.Liaisons;

public sealed class LeadRuleTests
{
    private static Lead ReportedOn(DateOnly day) => new() { Id = Guid.NewGuid(), ReportedOn = day, State = LeadState.Reported, Village = "双河村" };

    [Fact]
    public void A_lead_s_three_days_ending_on_the_Spring_Festival_Sunday_end_when_work_resumes()
    {
        var rule = new LeadRule(StatutoryPeriod.CalendarDays(3), OfficialClock.On(new(2025, 1, 30)));

        Assert.Equal(new DateOnly(2025, 2, 5), rule.DueOn(ReportedOn(new(2025, 1, 30)))!.Date);
    }

    [Fact]
    public void Three_working_days_from_the_Monday_before_the_Spring_Festival_end_on_7_February()
    {
        var rule = new LeadRule(StatutoryPeriod.WorkingDays(3), OfficialClock.On(new(2025, 1, 27)));

        Assert.Equal(new DateOnly(2025, 2, 7), rule.DueOn(ReportedOn(new(2025, 1, 27)))!.Date);
        Assert.Contains("3个工作日", rule.Rule.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_s_overdue_line_agrees_with_each_lead_s_own_date_through_2025()
    {
        foreach (var period in new[] { StatutoryPeriod.CalendarDays(3), StatutoryPeriod.WorkingDays(3) })
        {
            for (var today = new DateOnly(2025, 1, 1); today.Year == 2025; today = today.AddDays(1))
            {
                var rule = new LeadRule(period, OfficialClock.On(today));
                for (var reported = today.AddDays(-20); reported <= today; reported = reported.AddDays(1))
                {
                    Assert.Equal(rule.Overdue(ReportedOn(reported)), reported <= rule.OverdueIfReportedBy);
                }
            }
        }
    }
}
