using Modular.Kit.Input;
using Modular.Modules.Mediation.Disputes;
using Modular.Modules.Mediation.Disputes.Steps;
using static Modular.Modules.Mediation.UnitTests.Disputes.Disputes;

namespace Modular.Modules.Mediation.UnitTests.Disputes;

/// <summary>After the agreement: 人民调解法 Arts 31 and 33, the follow-up visit and the archive.</summary>
public sealed class AfterAgreementStepTests
{
    private static readonly DateOnly WindowEnds = Day(4 + 30);

    [Fact]
    public void Performance_checked_as_performed_completes_the_agreement()
    {
        var errors = new InputErrors();
        var d = SignedInWriting();
        var command = CheckPerformanceStep.Read(new() { On = "2026-06-10", Status = "Performed", Note = "已完成改道" }, Today, errors);

        var events = CheckPerformanceStep.Decide(d, command, errors);
        d.Apply((PerformanceChecked)events.Single());

        Assert.Equal(DisputeState.Performed, d.State);
    }

    [Fact]
    public void Partial_performance_keeps_the_agreement_under_supervision()
    {
        var errors = new InputErrors();
        var d = SignedInWriting();

        d.Apply((PerformanceChecked)CheckPerformanceStep.Decide(d, new CheckPerformance(Day(6), PerformanceStatus.PartlyPerformed, "付一半"), errors).Single());

        Assert.Equal(DisputeState.Agreed, d.State);
    }

    [Fact]
    public void A_performance_check_without_status_and_note_names_both()
    {
        var errors = new InputErrors();

        CheckPerformanceStep.Read(new() { On = "2026-06-10" }, Today, errors);

        Assert.Equal(["note", "status"], Refusals(errors).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Performance_cannot_be_checked_before_an_agreement()
    {
        var errors = new InputErrors();

        CheckPerformanceStep.Decide(Mediating(), new CheckPerformance(Day(3), PerformanceStatus.Performed, "n"), errors);

        Assert.True(errors.Has("state"));
    }

    [Fact]
    public void Court_confirmation_within_30_days_is_recorded()
    {
        var errors = new InputErrors();
        var command = RecordCourtConfirmationStep.Read(new() { On = "2026-07-05", Court = "赫章县人民法院" }, Today, errors);

        Assert.Equal([new CourtConfirmationApplied(WindowEnds, "赫章县人民法院")], RecordCourtConfirmationStep.Decide(SignedInWriting(), command, WindowEnds, errors));
    }

    [Fact]
    public void Court_confirmation_after_30_days_is_refused()
    {
        var errors = new InputErrors();

        RecordCourtConfirmationStep.Decide(SignedInWriting(), new RecordCourtConfirmation(WindowEnds.AddDays(1), "赫章县人民法院"), WindowEnds, errors);

        Assert.Contains("第三十三条", Messages(errors, "on"));
        Assert.Contains("2026-07-05", Messages(errors, "on"));
    }

    [Fact]
    public void Court_confirmation_of_an_oral_agreement_is_refused()
    {
        var errors = new InputErrors();

        RecordCourtConfirmationStep.Decide(AgreedOrally(), new RecordCourtConfirmation(Day(4), "赫章县人民法院"), null, errors);

        Assert.Contains("书面", Messages(errors, "state"));
    }

    [Fact]
    public void Court_confirmation_is_recorded_once_only()
    {
        var errors = new InputErrors();
        var d = SignedInWriting();
        d.Apply(new CourtConfirmationApplied(Day(6), "赫章县人民法院"));

        RecordCourtConfirmationStep.Decide(d, new RecordCourtConfirmation(Day(7), "赫章县人民法院"), WindowEnds, errors);

        Assert.Contains("已登记", Messages(errors, "state"));
    }

    [Fact]
    public void Court_confirmation_of_a_performed_agreement_is_still_possible_within_the_window()
    {
        var errors = new InputErrors();

        Assert.Single(RecordCourtConfirmationStep.Decide(Performed(), new RecordCourtConfirmation(Day(8), "赫章县人民法院"), WindowEnds, errors));
    }

    [Fact]
    public void Court_confirmation_without_the_court_is_refused()
    {
        var errors = new InputErrors();

        RecordCourtConfirmationStep.Read(new() { On = "2026-06-10" }, Today, errors);

        Assert.Equal(["court"], Refusals(errors).Keys);
    }

    [Fact]
    public void A_follow_up_visit_is_recorded_with_the_visitor()
    {
        var errors = new InputErrors();
        var command = VisitAfterAgreementStep.Read(new() { On = "2026-06-20", Visitor = "王德明", Note = "双方和睦" }, Today, errors);

        Assert.Equal([new FollowUpVisited(Day(19), "王德明", "双方和睦")], VisitAfterAgreementStep.Decide(Performed(), command, errors));
    }

    [Fact]
    public void A_follow_up_visit_of_a_failed_mediation_is_refused()
    {
        var errors = new InputErrors();

        VisitAfterAgreementStep.Decide(Failed(), new VisitAfterAgreement(Day(4), "王德明", "n"), errors);

        Assert.Contains("调解不成", Messages(errors, "state"));
    }

    [Fact]
    public void An_agreement_cannot_be_archived_before_its_performance_is_checked()
    {
        var errors = new InputErrors();

        ArchiveDisputeStep.Decide(SignedInWriting(), new ArchiveDispute(Day(5), "野调〔2026〕5号"), errors);

        Assert.Contains("第三十一条", Messages(errors, "state"));
    }

    [Theory]
    [InlineData("performed")]
    [InlineData("failed")]
    [InlineData("refused")]
    [InlineData("routed")]
    public void A_dispute_that_is_over_is_archived_under_its_file_number(string how)
    {
        var errors = new InputErrors();
        var d = how switch { "performed" => Performed(), "failed" => Failed(), "refused" => Refused(), _ => Routed() };

        var events = ArchiveDisputeStep.Decide(d, ArchiveDisputeStep.Read(new() { On = "2026-06-30", FileNumber = "野调〔2026〕5号" }, Today, errors), errors);
        d.Apply((DisputeArchived)events.Single());

        Assert.Equal(DisputeState.Archived, d.State);
    }

    [Fact]
    public void An_open_dispute_cannot_be_archived()
    {
        var errors = new InputErrors();

        ArchiveDisputeStep.Decide(Accepted(), new ArchiveDispute(Day(2), "X"), errors);

        Assert.Contains("已受理调解", Messages(errors, "state"));
    }

    [Fact]
    public void An_archive_without_a_file_number_is_refused()
    {
        var errors = new InputErrors();

        ArchiveDisputeStep.Read(new() { On = "2026-06-30", FileNumber = "" }, Today, errors);

        Assert.Equal(["fileNumber"], Refusals(errors).Keys);
    }
}
