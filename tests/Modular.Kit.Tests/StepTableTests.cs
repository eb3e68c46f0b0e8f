using Modular.Contracts.Modules;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Kit.Tests;

public sealed class StepTableTests
{
    private enum State
    {
        Received,
        Mediating,
        Closed,
    }

    private sealed record Case(State State, string? Mediator);

    private static readonly StepTable<Case, State> Steps = new StepTable<Case, State>(c => c.State, s => s switch
        {
            State.Received => new LocalizedText("已受理", "received"),
            State.Mediating => new LocalizedText("调解中", "being mediated"),
            _ => new LocalizedText("已结案", "closed"),
        })
        .Allow("assign-mediator", State.Received, State.Mediating)
        .Allow("hold-session", c => c.Mediator is not null, State.Mediating)
        .Allow("close", State.Received, State.Mediating);

    [Fact]
    public void Each_state_allows_its_steps_in_the_declared_order_and_conditions_apply()
    {
        Assert.Equal(["assign-mediator", "close"], Steps.Allowed(new Case(State.Received, null)));
        Assert.Equal(["assign-mediator", "close"], Steps.Allowed(new Case(State.Mediating, null)));
        Assert.Equal(["assign-mediator", "hold-session", "close"], Steps.Allowed(new Case(State.Mediating, "李四")));
        Assert.Empty(Steps.Allowed(new Case(State.Closed, "李四")));
        Assert.False(Steps.Allows(new Case(State.Closed, null), "close"));
    }

    [Fact]
    public void A_step_out_of_turn_is_a_state_error_naming_the_state_and_the_states_it_needs()
    {
        var errors = new InputErrors();

        Assert.False(Steps.Expect(new Case(State.Closed, null), "close", errors));

        var message = Assert.Single(errors.ToDictionary()["state"]);
        Assert.Equal("当前状态为“已结案”，此操作只能在“已受理、调解中”时进行 / The record is closed; this step is possible only when it is received, being mediated.", message);
    }

    [Fact]
    public void The_state_allows_a_step_whose_condition_is_the_step_s_own_guard()
    {
        var errors = new InputErrors();

        Assert.True(Steps.Expect(new Case(State.Mediating, null), "hold-session", errors));
        Assert.False(errors.Any);
    }

    [Fact]
    public void A_step_declared_twice_or_unknown_is_a_programming_error()
    {
        Assert.Throws<InvalidOperationException>(() => new StepTable<Case, State>(c => c.State, _ => new LocalizedText("", ""))
            .Allow("close", State.Received).Allow("close", State.Mediating));
        Assert.Throws<ArgumentException>(() => Steps.StatesFor("reopen"));
    }
}
