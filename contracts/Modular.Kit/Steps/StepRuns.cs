using Marten;
using Modular.Kit.Input;

namespace Modular.Kit.Steps;

/// <summary>
/// A step written as its file has it: a reader turning the posted input into the step's command, and a pure decision
/// of the record and the command returning the events. The API and the page run it the same way.
/// </summary>
public static class StepRuns
{
    /// <summary>
    /// Reads <paramref name="input"/> (every bad field named), opens the record's stream at <paramref name="version"/>,
    /// lets <paramref name="decide"/> add its refusals and return the events, refuses everything at once or saves. False
    /// when the record is not this township's.
    /// </summary>
    public static Task<bool> ReadAndRunStepAsync<T, TInput, TCommand>(this IDocumentSession session, Guid id, long? version, TInput input, DateOnly today,
        Func<TInput, DateOnly, InputErrors, TCommand> read, Func<T, TCommand, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
        where T : class
    {
        var errors = new InputErrors();
        var command = read(input, today, errors);
        return session.RunStepAsync<T>(id, version, errors, record => decide(record, command, errors), ct);
    }
}
