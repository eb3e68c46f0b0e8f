using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.LawStudy;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Enforcement.Steps;

internal sealed class ConcludeTaskInput
{
    public long? Version { get; set; }

    public string? On { get; set; }

    /// <summary>Whether a decision was made (a penalty imposed, a measure taken); an inspection records its finding.</summary>
    public bool? DecisionMade { get; set; }

    public string? Conclusion { get; set; }
}

/// <summary>
/// 办结: the inspection finished, the penalty case decided, the coercive measure decided. Publishes
/// <see cref="EnforcementDecisionRecorded"/> in the same transaction, which open-government counts in its annual
/// disclosure report.
/// </summary>
internal sealed class ConcludeTask(IDocumentSession session, ICurrentUser user, TimeProvider time)
{
    public const string Step = "conclusion";

    public static IReadOnlyList<object> Decide(EnforcementTask task, ConcludeTaskInput input, DateOnly today, string by, InputErrors errors)
    {
        EnforcementTask.Steps.Expect(task, Step, errors);
        var on = errors.Date("on", input.On, "办结日期", "Date concluded", today);
        if (on is { } day && day < task.On)
        {
            errors.Add("on", "办结日期不能早于执法日期", "A task cannot conclude before its date.");
        }

        var conclusion = errors.Required("conclusion", input.Conclusion, "办理结果", "Conclusion", 2000);
        if (errors.Any)
        {
            return [];
        }

        var decided = input.DecisionMade ?? task.Kind != EnforcementKind.Inspection;
        return
        [
            new EnforcementTaskConcluded(on!.Value, decided, conclusion!, by),
            new EnforcementDecisionRecorded(task.Id, task.Number, task.Kind, task.Category, on.Value, decided, task.PowerItemCode, task.PowerItemName),
        ];
    }

    public Task<bool> RunAsync(Guid id, ConcludeTaskInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var today = TownshipTime.Today(time);
        return session.RunStepAsync<EnforcementTask>(id, input.Version, errors, t => Decide(t, input, today, user.DisplayName, errors), ct);
    }

    public static Task<Results<Ok<TaskView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, ConcludeTaskInput input, ConcludeTask step, TaskQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => queries.GetAsync(id, ct));
}
