using Modular.Kit.Input;
using Modular.Modules.Mediation.Disputes.Steps;
using static Modular.Modules.Mediation.UnitTests.Disputes.Disputes;

namespace Modular.Modules.Mediation.UnitTests.Disputes;

public sealed class DisputeDateTests
{
    [Fact]
    public void A_step_dated_before_the_previous_step_is_refused()
    {
        var errors = new InputErrors();

        var on = DisputeStep.On(Accepted(), Day(0), errors);

        Assert.Contains("2026-06-02", Messages(errors, "on"));
        Assert.Equal(Day(0), on);
    }

    [Fact]
    public void A_step_dated_the_day_of_the_previous_step_is_taken()
    {
        var errors = new InputErrors();

        Assert.Equal(Day(1), DisputeStep.On(Accepted(), Day(1), errors));
        Assert.False(errors.Any);
    }

    [Fact]
    public void A_step_dated_in_the_future_is_refused()
    {
        var errors = new InputErrors();

        Assert.Null(DisputeStep.ReadOn("2026-09-02", Today, errors));
        Assert.Contains("不能晚于今天", Messages(errors, "on"));
    }

    [Theory]
    [InlineData(null, "请填写")]
    [InlineData("2026-13-45", "yyyy-MM-dd")]
    [InlineData("yesterday", "yyyy-MM-dd")]
    public void A_step_without_a_proper_date_is_refused(string? on, string message)
    {
        var errors = new InputErrors();

        Assert.Null(DisputeStep.ReadOn(on, Today, errors));
        Assert.Contains(message, Messages(errors, "on"));
    }

    [Fact]
    public void Without_a_date_the_previous_step_stands_in_so_every_other_refusal_is_still_named()
    {
        var errors = new InputErrors();
        var command = StartMediationStep.Read(new StartMediationInput { Basis = "Application" }, Today, errors);

        var events = StartMediationStep.Decide(Registered(), command, errors);

        Assert.Empty(events);
        Assert.True(errors.Has("on"));
        Assert.True(errors.Has("appliedBy"));
    }
}
