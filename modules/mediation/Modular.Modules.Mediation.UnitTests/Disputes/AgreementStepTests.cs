using Modular.Contracts.Mediation;
using Modular.Kit.Input;
using Modular.Modules.Mediation.Disputes;
using Modular.Modules.Mediation.Disputes.Steps;
using static Modular.Modules.Mediation.UnitTests.Disputes.Disputes;

namespace Modular.Modules.Mediation.UnitTests.Disputes;

/// <summary>Agreements and failures: 人民调解法 Arts 26, 29 and 30, 法律援助法 Art 31.</summary>
public sealed class AgreementStepTests
{
    [Fact]
    public void A_written_agreement_is_drafted_with_the_article_29_content()
    {
        var errors = new InputErrors();
        var command = DraftAgreementStep.Read(new() { On = "2026-06-04", Facts = "事实", Matters = "争议", Responsibilities = "责任", Terms = "协议", Performance = "履行" }, Today, errors);

        Assert.Equal([new AgreementDrafted(Day(3), "事实", "争议", "责任", "协议", "履行")], DraftAgreementStep.Decide(Mediating(), command, errors));
    }

    [Fact]
    public void A_draft_missing_its_content_names_every_missing_part()
    {
        var errors = new InputErrors();

        DraftAgreementStep.Read(new() { On = "2026-06-04" }, Today, errors);

        Assert.Equal(["facts", "matters", "performance", "responsibilities", "terms"], Refusals(errors).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_agreement_cannot_be_drafted_before_a_session()
    {
        var errors = new InputErrors();

        DraftAgreementStep.Decide(Accepted(), new DraftAgreement(Day(2), "事实", "争议", "责任", "协议", "履行"), errors);

        Assert.Contains("已受理调解", Messages(errors, "state"));
    }

    [Fact]
    public void An_agreement_is_in_effect_from_the_last_signature()
    {
        var errors = new InputErrors();
        var d = Drafted();

        var events = SignAgreementStep.Decide(d, SignAgreementStep.Read(new() { On = "2026-06-05" }, Today, errors), errors);
        d.Apply((AgreementSigned)events.Single());

        Assert.Equal(DisputeState.Agreed, d.State);
        Assert.Equal(Day(4), d.ResolvedOn);
        Assert.False(d.IsOpen);
    }

    [Fact]
    public void Nothing_can_be_signed_before_it_is_drafted()
    {
        var errors = new InputErrors();

        SignAgreementStep.Decide(Mediating(), new SignAgreement(Day(3)), errors);

        Assert.Contains("调解中", Messages(errors, "state"));
    }

    [Fact]
    public void An_oral_agreement_records_its_terms_and_performance()
    {
        var errors = new InputErrors();
        var command = ReachOralAgreementStep.Read(new() { On = "2026-06-03", Terms = "当场赔偿800元", Performance = "当场履行" }, Today, errors);

        Assert.Equal([new OralAgreementReached(Day(2), "当场赔偿800元", "当场履行")], ReachOralAgreementStep.Decide(Mediating(), command, errors));
    }

    [Fact]
    public void An_oral_agreement_without_its_terms_is_refused()
    {
        var errors = new InputErrors();

        ReachOralAgreementStep.Read(new() { On = "2026-06-03", Performance = "当场履行" }, Today, errors);

        Assert.Equal(["terms"], Refusals(errors).Keys);
    }

    [Fact]
    public void A_failure_records_the_routes_explained_and_no_referral_outside_legal_aid()
    {
        var errors = new InputErrors();
        var command = RecordFailureStep.Read(new() { On = "2026-06-04", Reason = "分歧过大", Routes = "告知诉讼途径" }, Today, "记录人", errors);

        Assert.Equal([new MediationFailed(Day(3), "分歧过大", "告知诉讼途径", null, null)], RecordFailureStep.Decide(Mediating(), command, errors));
    }

    [Fact]
    public void A_failure_in_an_article_31_matter_suggests_a_legal_aid_referral_for_the_applicant()
    {
        var errors = new InputErrors();
        var command = RecordFailureStep.Read(
            new() { On = "2026-06-04", Reason = "拖欠工资", Routes = "告知仲裁途径", LegalAidMatter = "LabourRelationOrWages", ApplicantParty = 0 }, Today, "记录人", errors);
        var d = Mediating();

        var events = RecordFailureStep.Decide(d, command, errors);

        Assert.False(errors.Any);
        var referral = Assert.IsType<MediationFailedInLegalAidMatter>(events[1]);
        Assert.Equal(new MediationFailed(Day(3), "拖欠工资", "告知仲裁途径", LegalAidMatter.LabourRelationOrWages, 0), events[0]);
        Assert.Equal((d.Id, d.Number, Day(3), LegalAidMatter.LabourRelationOrWages), (referral.DisputeId, referral.DisputeNumber, referral.FailedOn, referral.Matter));
        Assert.Equal("刘德华", referral.Applicant.Name);
        Assert.Equal("520527197001010021", referral.Applicant.IdNumber);
        Assert.Equal(["双河村民委员会", "张学友"], referral.OpposingParties.Select(p => p.Name));
        Assert.Equal("王德明", referral.Mediator);
    }

    [Fact]
    public void A_referral_without_a_mediator_names_who_recorded_the_failure()
    {
        var errors = new InputErrors();
        var d = Accepted(withMediator: false);
        d.Apply(new LedgerOutcomeImported(LedgerOutcome.InMediation, Day(2), null, null, null));

        var events = RecordFailureStep.Decide(d, new RecordFailure(Day(3), "拖欠工资", "告知仲裁途径", LegalAidMatter.LabourRelationOrWages, 2, "周明芳"), errors);

        Assert.Equal("周明芳", Assert.IsType<MediationFailedInLegalAidMatter>(events[1]).Mediator);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)] // an organisation
    [InlineData(7)] // no such party
    [InlineData(-1)]
    public void A_legal_aid_referral_needs_a_person_among_the_parties(int? applicant)
    {
        var errors = new InputErrors();

        var events = RecordFailureStep.Decide(Mediating(), new RecordFailure(Day(3), "拖欠工资", "告知仲裁途径", LegalAidMatter.LabourRelationOrWages, applicant, "记录人"), errors);

        Assert.Empty(events);
        Assert.True(errors.Has("applicantParty"));
    }

    [Fact]
    public void A_legal_aid_matter_outside_the_list_is_refused()
    {
        var errors = new InputErrors();

        RecordFailureStep.Read(new() { On = "2026-06-04", Reason = "r", Routes = "r", LegalAidMatter = "Divorce" }, Today, "记录人", errors);

        Assert.True(errors.Has("legalAidMatter"));
    }

    [Fact]
    public void A_failure_after_the_agreement_is_signed_is_refused()
    {
        var errors = new InputErrors();

        RecordFailureStep.Decide(SignedInWriting(), new RecordFailure(Day(5), "反悔", "告知诉讼途径", null, null, "记录人"), errors);

        Assert.Contains("达成协议", Messages(errors, "state"));
    }
}
