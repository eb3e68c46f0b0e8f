using Modular.Contracts.Modules;
using Modular.Kit.Input;

namespace Modular.Kit.Steps;

/// <summary>
/// Which steps of a workflow each state of a record allows: written once, beside the aggregate, and read by the API
/// (a step out of turn is refused, naming the states it needs), the page (it offers only the allowed steps) and the
/// due list. A step may also need a condition of the record (a mediator named, a window still open); the step's own
/// guard then says what is missing.
/// </summary>
public sealed class StepTable<TRecord, TState>(Func<TRecord, TState> stateOf, Func<TState, LocalizedText> label)
    where TState : struct, Enum
{
    private readonly List<Entry> _entries = [];

    /// <summary>The step is allowed in <paramref name="states"/>. Steps are offered in the order they are declared.</summary>
    public StepTable<TRecord, TState> Allow(string step, params TState[] states) => Allow(step, null, states);

    /// <summary>The step is allowed in <paramref name="states"/> while <paramref name="when"/> holds of the record.</summary>
    public StepTable<TRecord, TState> Allow(string step, Func<TRecord, bool>? when, params TState[] states)
    {
        if (_entries.Any(e => e.Step == step))
        {
            throw new InvalidOperationException($"Step {step} is declared twice.");
        }

        _entries.Add(new Entry(step, [.. states], when));
        return this;
    }

    public IReadOnlyList<string> Steps => [.. _entries.Select(e => e.Step)];

    /// <summary>The states in which <paramref name="step"/> is allowed (whatever the conditions).</summary>
    public IReadOnlyList<TState> StatesFor(string step) => Find(step).States;

    /// <summary>The steps the record's state (and conditions) allow now, in the declared order.</summary>
    public IReadOnlyList<string> Allowed(TRecord record)
    {
        var state = stateOf(record);
        return [.. _entries.Where(e => e.States.Contains(state) && (e.When is null || e.When(record))).Select(e => e.Step)];
    }

    public bool Allows(TRecord record, string step)
    {
        var entry = Find(step);
        return entry.States.Contains(stateOf(record)) && (entry.When is null || entry.When(record));
    }

    /// <summary>
    /// Adds a <c>state</c> error when the record's state does not allow the step, naming the state it is in and the states
    /// the step needs. True when the state allows it (its condition is the step's own guard to explain).
    /// </summary>
    public bool Expect(TRecord record, string step, InputErrors errors)
    {
        var entry = Find(step);
        var state = stateOf(record);
        if (entry.States.Contains(state))
        {
            return true;
        }

        var now = label(state);
        var zh = string.Join("、", entry.States.Select(s => label(s).Chinese));
        var en = string.Join(", ", entry.States.Select(s => label(s).English));
        errors.Add("state", $"当前状态为“{now.Chinese}”，此操作只能在“{zh}”时进行", $"The record is {now.English}; this step is possible only when it is {en}.");
        return false;
    }

    private Entry Find(string step) =>
        _entries.FirstOrDefault(e => e.Step == step) ?? throw new ArgumentException($"No step {step} in the table.", nameof(step));

    private sealed record Entry(string Step, TState[] States, Func<TRecord, bool>? When);
}
