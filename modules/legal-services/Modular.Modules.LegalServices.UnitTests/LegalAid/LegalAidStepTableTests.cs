using Modular.Kit.Input;
using Modular.Modules.LegalServices.LegalAid;
using static Modular.Modules.LegalServices.UnitTests.LegalAid.Applications;

namespace Modular.Modules.LegalServices.UnitTests.LegalAid;

public sealed class LegalAidStepTableTests
{
    [Fact]
    public void A_referral_draft_is_only_confirmed_or_dismissed() =>
        Assert.Equal(["confirm", "dismissal"], LegalAidApplication.Steps.Allowed(Draft()));

    [Fact]
    public void A_received_application_may_ask_for_materials_be_forwarded_or_get_provisional_aid() =>
        Assert.Equal(["materials-request", "forwarding", "provisional-aid"], LegalAidApplication.Steps.Allowed(Received()));

    [Fact]
    public void After_the_one_notice_the_applicant_supplies_the_materials_or_the_application_is_withdrawn() =>
        Assert.Equal(["materials-supplied", "withdrawal", "provisional-aid"], LegalAidApplication.Steps.Allowed(MaterialsRequested()));

    [Fact]
    public void Under_the_agencys_review_the_decision_grants_or_refuses() =>
        Assert.Equal(["provisional-aid", "grant", "refusal"], LegalAidApplication.Steps.Allowed(UnderReview()));

    [Fact]
    public void A_refusal_and_a_termination_may_be_objected_to() =>
        Assert.All([Refused(), Terminated()], a => Assert.Equal(["objection"], LegalAidApplication.Steps.Allowed(a)));

    [Fact]
    public void Aid_in_progress_is_terminated_or_closed_and_a_closed_case_is_visited() =>
        Assert.Equal(["termination", "closing", "follow-up"], LegalAidApplication.Steps.Allowed(InProgress()).Concat(LegalAidApplication.Steps.Allowed(Closed())).ToList());

    [Fact]
    public void A_step_out_of_turn_names_the_state_the_application_is_in()
    {
        var errors = new InputErrors();
        Assert.False(LegalAidApplication.Steps.Expect(Received(), "grant", errors));
        var message = Assert.Single(errors.ToDictionary()["state"]);
        Assert.Contains("工作站已接收", message);
        Assert.Contains("法律援助机构审查中", message);
    }
}
