using Modular.Kit.Input;
using Modular.Modules.Mediation.Petitions;
using Modular.Modules.Mediation.Petitions.Steps;
using static Modular.Modules.Mediation.UnitTests.Petitions.Petitions;

namespace Modular.Modules.Mediation.UnitTests.Petitions;

/// <summary>信访工作条例 from acceptance to the final review: each step's events and every refusal.</summary>
public sealed class PetitionStepTests
{
    private static readonly DateOnly ObjectionDue = Day(7);

    [Fact]
    public void An_accepted_petition_records_the_day_the_notice_went_out()
    {
        var errors = new InputErrors();
        var command = AcceptPetitionStep.Read(new() { On = "2026-06-01" }, Today, errors);

        Assert.Equal([new PetitionAccepted(Day(4))], AcceptPetitionStep.Decide(Registered(), command, errors));
    }

    [Fact]
    public void An_objection_within_5_working_days_closes_the_petition_here()
    {
        var errors = new InputErrors();
        var command = ObjectToPetitionStep.Read(new() { On = "2026-06-04", Reason = "不属本镇职权" }, Today, errors);

        Assert.Equal([new PetitionObjected(Day(7), "不属本镇职权")], ObjectToPetitionStep.Decide(Registered(), command, ObjectionDue, errors));
    }

    [Fact]
    public void An_objection_after_5_working_days_is_refused()
    {
        var errors = new InputErrors();

        ObjectToPetitionStep.Decide(Registered(), new ObjectToPetition(Day(8), "不属本镇职权"), ObjectionDue, errors);

        Assert.Contains("5个工作日", Messages(errors, "on"));
    }

    [Fact]
    public void An_objection_without_a_reason_is_refused()
    {
        var errors = new InputErrors();

        ObjectToPetitionStep.Read(new() { On = "2026-06-01" }, Today, errors);

        Assert.Equal(["reason"], Fields(errors));
    }

    [Fact]
    public void An_accepted_petition_cannot_be_objected_to()
    {
        var errors = new InputErrors();

        ObjectToPetitionStep.Decide(Accepted(), new ObjectToPetition(Day(4), "理由"), ObjectionDue, errors);

        Assert.Contains("已受理", Messages(errors, "state"));
    }

    [Theory]
    [InlineData(null, "请选择")]
    [InlineData("Gossip", "无效")]
    public void A_classification_needs_one_of_the_three_categories(string? category, string message)
    {
        var errors = new InputErrors();

        ClassifyPetitionStep.Read(new() { On = "2026-06-01", Category = category }, Today, errors);

        Assert.Contains(message, Messages(errors, "category"));
    }

    [Fact]
    public void A_classified_petition_records_its_category()
    {
        var errors = new InputErrors();
        var command = ClassifyPetitionStep.Read(new() { On = "2026-06-01", Category = "Report" }, Today, errors);

        Assert.Equal([new PetitionClassified(Day(4), PetitionCategory.Report)], ClassifyPetitionStep.Decide(Accepted(), command, errors));
    }

    [Fact]
    public void A_claim_is_redirected_to_its_statutory_procedure_with_the_explanation()
    {
        var errors = new InputErrors();
        var command = RedirectPetitionStep.Read(new() { On = "2026-06-02", Procedure = "行政复议", Text = "告知向县政府申请复议" }, Today, errors);

        Assert.Equal([new PetitionRedirected(Day(5), "行政复议", "告知向县政府申请复议")], RedirectPetitionStep.Decide(Classified(), command, errors));
    }

    [Fact]
    public void Only_a_claim_can_be_redirected()
    {
        var errors = new InputErrors();

        RedirectPetitionStep.Decide(Classified(PetitionCategory.Report), new RedirectPetition(Day(5), "诉讼", "告知"), errors);

        Assert.Contains("申诉求决类", Messages(errors, "state"));
    }

    [Fact]
    public void A_redirection_without_procedure_and_explanation_names_both()
    {
        var errors = new InputErrors();

        RedirectPetitionStep.Read(new() { On = "2026-06-02" }, Today, errors);

        Assert.Equal(["procedure", "text"], Fields(errors));
    }

    [Fact]
    public void An_investigation_names_the_investigator()
    {
        var errors = new InputErrors();
        var command = InvestigatePetitionStep.Read(new() { On = "2026-06-02", Investigator = "李四" }, Today, errors);

        Assert.Equal([new InvestigationStarted(Day(5), "李四")], InvestigatePetitionStep.Decide(Classified(), command, errors));
    }

    [Fact]
    public void An_investigation_before_classification_is_refused()
    {
        var errors = new InputErrors();

        InvestigatePetitionStep.Decide(Accepted(), new InvestigatePetition(Day(4), "李四"), errors);

        Assert.True(errors.Has("state"));
    }

    [Fact]
    public void The_deadline_is_extended_once_by_up_to_30_days_before_it_runs_out()
    {
        var errors = new InputErrors();
        var command = ExtendDeadlineStep.Read(new() { On = "2026-07-01", Days = 30, Reason = "情况复杂" }, Today, errors);

        Assert.Equal([new OpinionDeadlineExtended(Day(34), 30, "情况复杂")], ExtendDeadlineStep.Decide(Investigating(), command, Day(63), errors));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(31)]
    public void An_extension_is_1_to_30_days(int? days)
    {
        var errors = new InputErrors();

        ExtendDeadlineStep.Read(new() { On = "2026-07-01", Days = days, Reason = "情况复杂" }, Today, errors);

        Assert.Equal(["days"], Fields(errors));
    }

    [Fact]
    public void A_second_extension_is_refused()
    {
        var errors = new InputErrors();
        var p = Investigating();
        p.Apply(new OpinionDeadlineExtended(Day(30), 10, "情况复杂"));

        ExtendDeadlineStep.Decide(p, new ExtendDeadline(Day(31), 10, "仍复杂"), Day(73), errors);

        Assert.Contains("只能延长一次", Messages(errors, "state"));
    }

    [Fact]
    public void An_extension_after_the_60_days_ran_out_is_refused()
    {
        var errors = new InputErrors();

        ExtendDeadlineStep.Decide(Investigating(), new ExtendDeadline(Day(64), 30, "情况复杂"), Day(63), errors);

        Assert.Contains("届满前", Messages(errors, "on"));
    }

    [Fact]
    public void An_extension_of_an_opinion_already_issued_is_refused()
    {
        var errors = new InputErrors();

        ExtendDeadlineStep.Decide(OpinionIssued(), new ExtendDeadline(Day(21), 30, "情况复杂"), Day(63), errors);

        Assert.Contains("已出具处理意见", Messages(errors, "state"));
    }

    [Fact]
    public void An_opinion_is_issued_with_its_outcome_text_and_basis()
    {
        var errors = new InputErrors();
        var command = IssueOpinionStep.Read(new() { On = "2026-06-20", Outcome = "NotSupported", Text = "不予支持", Basis = "《土地管理法》" }, Today, errors);

        Assert.Equal([new OpinionIssued(Day(23), OpinionOutcome.NotSupported, "不予支持", "《土地管理法》")], IssueOpinionStep.Decide(Investigating(), command, errors));
    }

    [Fact]
    public void An_opinion_missing_its_parts_names_each()
    {
        var errors = new InputErrors();

        IssueOpinionStep.Read(new() { On = "2026-06-20" }, Today, errors);

        Assert.Equal(["basis", "outcome", "text"], Fields(errors));
    }

    [Fact]
    public void A_review_asked_within_30_days_of_the_opinion_is_the_first_review()
    {
        var errors = new InputErrors();
        var command = RequestReviewStep.Read(new() { On = "2026-06-25" }, Today, errors);

        Assert.Equal([new ReviewRequested(Day(28), 1)], RequestReviewStep.Decide(OpinionIssued(), command, Day(50), errors));
    }

    [Fact]
    public void A_review_asked_after_the_review_decision_is_the_second_review()
    {
        var errors = new InputErrors();

        Assert.Equal([new ReviewRequested(Day(41), 2)], RequestReviewStep.Decide(Reviewed(), new RequestReview(Day(41)), Day(70), errors));
    }

    [Fact]
    public void A_review_asked_after_the_30_days_is_refused_and_the_decision_stands()
    {
        var errors = new InputErrors();

        RequestReviewStep.Decide(OpinionIssued(), new RequestReview(Day(51)), Day(50), errors);

        Assert.Contains("原意见已发生效力", Messages(errors, "on"));
    }

    [Fact]
    public void A_review_cannot_be_asked_while_one_is_under_way()
    {
        var errors = new InputErrors();

        RequestReviewStep.Decide(UnderReview(), new RequestReview(Day(26)), null, errors);

        Assert.Contains("复查中", Messages(errors, "state"));
    }

    [Fact]
    public void The_first_review_decision_leaves_the_petition_reviewed_and_the_second_makes_it_final()
    {
        var errors = new InputErrors();
        var p = UnderReview();

        p.Apply((ReviewDecided)DecideReviewStep.Decide(p, new DecideReview(Day(40), OpinionOutcome.Explained, "复查意见"), errors).Single());
        Assert.Equal(PetitionState.Reviewed, p.State);
        p.Apply(new ReviewRequested(Day(45), 2));
        p.Apply((ReviewDecided)DecideReviewStep.Decide(p, new DecideReview(Day(60), OpinionOutcome.NotSupported, "复核意见"), errors).Single());

        Assert.Equal(PetitionState.Final, p.State);
        Assert.False(errors.Any);
    }

    [Fact]
    public void A_review_decision_without_a_review_is_refused()
    {
        var errors = new InputErrors();

        DecideReviewStep.Decide(OpinionIssued(), new DecideReview(Day(21), OpinionOutcome.Explained, "意见"), errors);

        Assert.True(errors.Has("state"));
    }

    [Fact]
    public void A_review_decision_missing_outcome_and_text_names_both()
    {
        var errors = new InputErrors();

        DecideReviewStep.Read(new() { On = "2026-07-10" }, Today, errors);

        Assert.Equal(["outcome", "text"], Fields(errors));
    }
}
