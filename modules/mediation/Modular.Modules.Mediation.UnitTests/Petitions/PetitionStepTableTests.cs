using Modular.Kit.Input;
using Modular.Modules.Mediation.Petitions;
using Modular.Modules.Mediation.Petitions.Steps;
using static Modular.Modules.Mediation.UnitTests.Petitions.Petitions;

namespace Modular.Modules.Mediation.UnitTests.Petitions;

public sealed class PetitionStepTableTests
{
    [Fact]
    public void A_registered_petition_is_accepted_or_objected_to() =>
        Assert.Equal(["acceptance", "objection"], Petition.Steps.Allowed(Registered()));

    [Fact]
    public void An_accepted_petition_is_classified_or_its_deadline_extended() =>
        Assert.Equal(["classification", "extension"], Petition.Steps.Allowed(Accepted()));

    [Fact]
    public void A_classified_claim_is_investigated_redirected_or_extended() =>
        Assert.Equal(["investigation", "redirection", "extension"], Petition.Steps.Allowed(Classified()));

    [Fact]
    public void A_classified_suggestion_cannot_be_redirected() =>
        Assert.Equal(["investigation", "extension"], Petition.Steps.Allowed(Classified(PetitionCategory.Suggestion)));

    [Fact]
    public void A_petition_under_investigation_gets_its_opinion_or_an_extension() =>
        Assert.Equal(["opinion", "extension"], Petition.Steps.Allowed(Investigating()));

    [Fact]
    public void An_extended_deadline_is_not_offered_again()
    {
        var p = Investigating();
        p.Apply(new OpinionDeadlineExtended(Day(30), 30, "情况复杂"));

        Assert.Equal(["opinion"], Petition.Steps.Allowed(p));
    }

    [Fact]
    public void An_opinion_and_a_review_decision_may_be_followed_by_a_review_request()
    {
        Assert.Equal(["review-request"], Petition.Steps.Allowed(OpinionIssued()));
        Assert.Equal(["review-request"], Petition.Steps.Allowed(Reviewed()));
    }

    [Fact]
    public void A_review_under_way_waits_for_its_decision()
    {
        Assert.Equal(["review-decision"], Petition.Steps.Allowed(UnderReview()));
        Assert.Equal(["review-decision"], Petition.Steps.Allowed(UnderSecondReview()));
    }

    [Fact]
    public void A_final_objected_or_redirected_petition_allows_nothing()
    {
        var final = UnderSecondReview();
        final.Apply(new ReviewDecided(Day(60), 2, OpinionOutcome.NotSupported, "复核意见"));
        var objected = Registered();
        objected.Apply(new PetitionObjected(Day(2), "不属本镇职权"));
        var redirected = Classified();
        redirected.Apply(new PetitionRedirected(Day(5), "行政复议", "告知"));

        Assert.All(new[] { final, objected, redirected }, p => Assert.Empty(Petition.Steps.Allowed(p)));
    }

    [Fact]
    public void Every_step_of_the_table_is_declared_once_and_has_a_form()
    {
        Assert.Equal(9, Petition.Steps.Steps.Distinct().Count());
        Assert.All(Petition.Steps.Steps, step => Assert.NotNull(PetitionStepForms.For(step)));
    }

    [Fact]
    public void A_step_out_of_turn_names_the_state_and_the_states_it_needs()
    {
        var errors = new InputErrors();

        IssueOpinionStep.Decide(Registered(), new IssueOpinion(Day(3), OpinionOutcome.Supported, "意见", "依据"), errors);

        Assert.Contains("已登记，待受理", Messages(errors, "state"));
        Assert.Contains("调查核实中", Messages(errors, "state"));
    }

    [Fact]
    public void A_step_dated_before_the_previous_step_is_refused()
    {
        var errors = new InputErrors();

        ClassifyPetitionStep.Decide(Accepted(), new ClassifyPetition(Day(2), PetitionCategory.Claim), errors);

        Assert.Contains("2026-05-31", Messages(errors, "on"));
    }

    [Fact]
    public void A_step_dated_in_the_future_is_refused()
    {
        var errors = new InputErrors();

        AcceptPetitionStep.Read(new() { On = "2026-12-02" }, Today, errors);

        Assert.Contains("不能晚于今天", Messages(errors, "on"));
    }
}
