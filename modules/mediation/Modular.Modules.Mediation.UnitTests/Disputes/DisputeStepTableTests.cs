using Modular.Kit.Input;
using Modular.Modules.Mediation.Disputes;
using Modular.Modules.Mediation.Disputes.Steps;
using static Modular.Modules.Mediation.UnitTests.Disputes.Disputes;

namespace Modular.Modules.Mediation.UnitTests.Disputes;

public sealed class DisputeStepTableTests
{
    [Fact]
    public void A_registered_dispute_may_be_started_refused_routed_or_reported_to_the_police() =>
        Assert.Equal(["start", "refusal", "routing", "police-report"], Dispute.Steps.Allowed(Registered()));

    [Fact]
    public void An_accepted_dispute_without_a_mediator_offers_the_mediator_before_any_session() =>
        Assert.Equal(["mediator", "refusal", "routing", "police-report"], Dispute.Steps.Allowed(Accepted(withMediator: false)));

    [Fact]
    public void An_accepted_dispute_with_a_mediator_offers_a_session_first() =>
        Assert.Equal(["session", "mediator", "refusal", "routing", "police-report"], Dispute.Steps.Allowed(Accepted()));

    [Fact]
    public void A_dispute_in_mediation_may_hold_sessions_draft_agree_orally_or_fail() =>
        Assert.Equal(["session", "agreement", "oral-agreement", "failure", "mediator", "refusal", "routing", "police-report"], Dispute.Steps.Allowed(Mediating()));

    [Fact]
    public void A_drafted_agreement_waits_for_signatures_or_a_failure() =>
        Assert.Equal(["signature", "failure", "police-report"], Dispute.Steps.Allowed(Drafted()));

    [Fact]
    public void A_signed_written_agreement_offers_performance_court_confirmation_and_a_visit_but_no_archive_yet() =>
        Assert.Equal(["performance", "court-confirmation", "follow-up"], Dispute.Steps.Allowed(SignedInWriting()));

    [Fact]
    public void An_oral_agreement_offers_no_court_confirmation() =>
        Assert.Equal(["performance", "follow-up"], Dispute.Steps.Allowed(AgreedOrally()));

    [Fact]
    public void An_agreement_whose_performance_was_checked_may_be_archived()
    {
        var d = SignedInWriting();
        d.Apply(new PerformanceChecked(Day(5), PerformanceStatus.PartlyPerformed, "部分履行"));

        Assert.Equal(["performance", "court-confirmation", "follow-up", "archive"], Dispute.Steps.Allowed(d));
    }

    [Fact]
    public void A_performed_agreement_offers_court_confirmation_a_visit_and_the_archive() =>
        Assert.Equal(["court-confirmation", "follow-up", "archive"], Dispute.Steps.Allowed(Performed()));

    [Fact]
    public void Court_confirmation_is_offered_once_only()
    {
        var d = SignedInWriting();
        d.Apply(new CourtConfirmationApplied(Day(6), "赫章县人民法院"));

        Assert.DoesNotContain("court-confirmation", Dispute.Steps.Allowed(d));
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("refused")]
    [InlineData("routed")]
    public void A_dispute_that_ended_without_agreement_may_only_be_archived(string how)
    {
        var d = how switch { "failed" => Failed(), "refused" => Refused(), _ => Routed() };

        Assert.Equal(["archive"], Dispute.Steps.Allowed(d));
    }

    [Fact]
    public void An_archived_dispute_allows_nothing() => Assert.Empty(Dispute.Steps.Allowed(Archived()));

    [Fact]
    public void Every_step_of_the_table_is_declared_once_and_has_a_form()
    {
        Assert.Equal(14, Dispute.Steps.Steps.Distinct().Count());
        Assert.All(Dispute.Steps.Steps, step => Assert.NotNull(DisputeStepForms.For(step)));
    }

    [Fact]
    public void A_step_out_of_turn_is_refused_naming_the_state_and_the_states_it_needs()
    {
        var errors = new InputErrors();

        Assert.False(Dispute.Steps.Expect(Registered(), "agreement", errors));
        Assert.Contains("已登记，待启动调解", Messages(errors, "state"));
        Assert.Contains("调解中", Messages(errors, "state"));
    }
}
