using Modular.Modules.Mediation.Petitions;
using Modular.Modules.Mediation.Petitions.Steps;
using Modular.Testing;

namespace Modular.Modules.Mediation.UnitTests.Petitions;

/// <summary>信访工作条例 Art 34 on the real calendar.</summary>
public sealed class PetitionClockTests
{
    private static Petition AcceptedOn(DateOnly accepted)
    {
        var p = Petition.Create(new PetitionRegistered(
            Guid.NewGuid(), "2025-0001", PetitionChannel.Visit, accepted, null, null, new Petitioner("张大山", null, null, null), "反映承包地被占用未获补偿", null));
        p.Apply(new PetitionAccepted(accepted));
        return p;
    }

    [Fact]
    public void An_extension_runs_from_the_original_deadline_moved_past_the_National_Day_holiday()
    {
        // Accepted Saturday 2 August 2025: the 60th day is 1 October, a holiday, so the 60 days end on 9 October. Thirty
        // more days from there end on Saturday 8 November, moved to Monday 10 November; acceptance + 90 days would have
        // been 31 October, ten of the granted days short.
        var clock = new PetitionClock(OfficialClock.On(new(2025, 9, 1)));
        var p = AcceptedOn(new(2025, 8, 2));
        Assert.Equal(new DateOnly(2025, 10, 9), clock.OpinionDueOn(p)!.Date);

        p.Apply(new OpinionDeadlineExtended(new(2025, 9, 30), 30, "需要会同自然资源所现场勘查"));

        Assert.Equal(new DateOnly(2025, 10, 9), clock.OriginalOpinionDueOn(p)!.Date);
        Assert.Equal(new DateOnly(2025, 11, 10), clock.OpinionDueOn(p)!.Date);
    }

    [Fact]
    public void The_extension_may_be_decided_on_the_moved_last_day_of_the_60_days()
    {
        var clock = new PetitionClock(OfficialClock.On(new(2025, 10, 9)));
        var p = AcceptedOn(new(2025, 8, 2));
        var errors = new Modular.Kit.Input.InputErrors();

        var events = ExtendDeadlineStep.Decide(p, new ExtendDeadline(new(2025, 10, 9), 30, "需要现场勘查"), clock.OriginalOpinionDueOn(p)?.Date, errors);

        Assert.False(errors.Any, string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)));
        Assert.Single(events);
    }

    [Fact]
    public void An_opinion_due_in_a_year_without_a_holiday_notice_is_provisional_and_names_the_year()
    {
        var clock = new PetitionClock(OfficialClock.On(new(2026, 11, 20)));
        var p = AcceptedOn(new(2026, 11, 20));

        var due = clock.OpinionDueOn(p)!;

        Assert.Equal(new DateOnly(2027, 1, 19), due.Date);
        Assert.Equal([2027], due.UnconfiguredYears);
        Assert.False(clock.AcceptanceDueOn(p).IsProvisional);
    }
}
