using Modular.Kit.Input;
using Modular.Modules.Mediation.Disputes;
using Modular.Modules.Mediation.Disputes.Steps;
using static Modular.Modules.Mediation.UnitTests.Disputes.Disputes;

namespace Modular.Modules.Mediation.UnitTests.Disputes;

/// <summary>From intake to mediation: 人民调解法 Arts 17, 19, 25, 27 and routing.</summary>
public sealed class MediationStepTests
{
    [Fact]
    public void Mediation_started_on_application_names_the_applicant()
    {
        var errors = new InputErrors();
        var command = StartMediationStep.Read(new() { On = "2026-06-02", Basis = "Application", AppliedBy = " 刘德华 " }, Today, errors);

        var events = StartMediationStep.Decide(Registered(), command, errors);

        Assert.Equal([new MediationStarted(Day(1), MediationBasis.Application, "刘德华")], events);
    }

    [Fact]
    public void Mediation_on_application_without_the_applicant_is_refused()
    {
        var errors = new InputErrors();

        Assert.Empty(StartMediationStep.Decide(Registered(), new StartMediation(Day(1), MediationBasis.Application, null), errors));
        Assert.True(errors.Has("appliedBy"));
    }

    [Theory]
    [InlineData(null, "请选择")]
    [InlineData("1", "无效")]
    [InlineData("Whim", "无效")]
    public void Mediation_without_a_proper_basis_is_refused(string? basis, string message)
    {
        var errors = new InputErrors();

        StartMediationStep.Read(new() { On = "2026-06-02", Basis = basis }, Today, errors);

        Assert.Contains(message, Messages(errors, "basis"));
    }

    [Fact]
    public void Mediation_cannot_start_twice()
    {
        var errors = new InputErrors();

        StartMediationStep.Decide(Accepted(), new StartMediation(Day(2), MediationBasis.CommitteeInitiative, null), errors);

        Assert.Contains("已受理调解", Messages(errors, "state"));
    }

    [Fact]
    public void A_party_refusing_mediation_is_recorded_with_the_reason()
    {
        var errors = new InputErrors();
        var command = RefuseMediationStep.Read(new() { On = "2026-06-02", Party = "张学友", Reason = "不接受调解" }, Today, errors);

        Assert.Equal([new MediationRefused(Day(1), "张学友", "不接受调解")], RefuseMediationStep.Decide(Registered(), command, errors));
    }

    [Fact]
    public void A_refusal_without_the_party_and_the_reason_names_both()
    {
        var errors = new InputErrors();

        RefuseMediationStep.Read(new() { On = "2026-06-02" }, Today, errors);

        Assert.True(errors.Has("party"));
        Assert.True(errors.Has("reason"));
    }

    [Fact]
    public void A_refusal_after_the_agreement_is_drafted_is_refused()
    {
        var errors = new InputErrors();

        RefuseMediationStep.Decide(Drafted(), new RefuseMediation(Day(4), "张学友", "反悔"), errors);

        Assert.Contains("协议待签署", Messages(errors, "state"));
    }

    [Fact]
    public void A_mediator_chosen_by_the_parties_is_recorded_so()
    {
        var errors = new InputErrors();
        var command = AssignMediatorStep.Read(new() { On = "2026-06-02", Mediator = "王德明、李秀英", ChosenByParties = true }, Today, errors);

        Assert.Equal([new MediatorAssigned(Day(1), "王德明、李秀英", true)], AssignMediatorStep.Decide(Accepted(withMediator: false), command, errors));
    }

    [Fact]
    public void A_mediator_cannot_be_assigned_before_mediation_starts()
    {
        var errors = new InputErrors();

        AssignMediatorStep.Decide(Registered(), new AssignMediator(Day(1), "王德明", false), errors);

        Assert.Contains("已登记，待启动调解", Messages(errors, "state"));
    }

    [Fact]
    public void A_mediator_without_a_name_is_refused()
    {
        var errors = new InputErrors();

        AssignMediatorStep.Read(new() { On = "2026-06-02", Mediator = "  " }, Today, errors);

        Assert.True(errors.Has("mediator"));
    }

    [Fact]
    public void A_session_puts_the_dispute_in_mediation()
    {
        var errors = new InputErrors();
        var command = HoldSessionStep.Read(new() { On = "2026-06-03", Place = "调解室", Participants = "双方", Record = "双方陈述" }, Today, errors);
        var d = Accepted();

        var events = HoldSessionStep.Decide(d, command, errors);
        d.Apply((MediationSessionHeld)events.Single());

        Assert.Equal(DisputeState.Mediating, d.State);
    }

    [Fact]
    public void A_session_without_a_mediator_is_refused()
    {
        var errors = new InputErrors();

        HoldSessionStep.Decide(Accepted(withMediator: false), new HoldSession(Day(2), "调解室", "双方", "记录"), errors);

        Assert.Contains("调解员", Messages(errors, "mediator"));
    }

    [Fact]
    public void A_session_without_place_participants_and_record_names_all_three()
    {
        var errors = new InputErrors();

        HoldSessionStep.Read(new() { On = "2026-06-03" }, Today, errors);

        Assert.Equal(["participants", "place", "record"], Refusals(errors).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_routed_dispute_names_where_and_why()
    {
        var errors = new InputErrors();
        var command = RouteDisputeStep.Read(new() { On = "2026-06-02", To = "县信访局", Reason = "属信访事项" }, Today, errors);

        Assert.Equal([new DisputeRouted(Day(1), "县信访局", "属信访事项")], RouteDisputeStep.Decide(Registered(), command, errors));
    }

    [Fact]
    public void An_agreed_dispute_cannot_be_routed()
    {
        var errors = new InputErrors();

        RouteDisputeStep.Decide(SignedInWriting(), new RouteDispute(Day(5), "县信访局", "理由"), errors);

        Assert.True(errors.Has("state"));
    }

    [Fact]
    public void An_escalation_risk_may_be_reported_while_the_agreement_awaits_signatures()
    {
        var errors = new InputErrors();
        var command = NotifyPoliceStep.Read(new() { On = "2026-06-04", Station = "野马川派出所", Reason = "言语冲突升级" }, Today, errors);

        Assert.Equal([new PoliceNotified(Day(3), "野马川派出所", "言语冲突升级")], NotifyPoliceStep.Decide(Drafted(), command, errors));
    }

    [Fact]
    public void An_escalation_risk_after_the_agreement_is_refused()
    {
        var errors = new InputErrors();

        NotifyPoliceStep.Decide(SignedInWriting(), new NotifyPolice(Day(5), "野马川派出所", "风险"), errors);

        Assert.True(errors.Has("state"));
    }
}
