using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Modules.LawStudy.Certificates;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Enforcement.Steps;

internal sealed class AssignOfficersInput
{
    public long? Version { get; set; }

    /// <summary>The roster entries of the officers.</summary>
    public List<Guid>? Officers { get; set; }
}

/// <summary>The step's outcome: the events to append to the task, or the refusal to record on its own stream.</summary>
internal sealed record AssignmentDecision(IReadOnlyList<object> Events, AssignmentRefused? Refusal);

/// <summary>
/// 指派执法人员: officers are assigned to the task through the gate (<see cref="AssignmentGate"/>). A refusal answers
/// 400 naming each officer and why (field <c>officers[i]</c>, the whole under <c>officers</c>), and is recorded
/// (<see cref="AssignmentRefused"/>) even though the task is unchanged: the report counts the refusals.
/// </summary>
internal sealed class AssignOfficers(IDocumentSession session, StaffRoster roster, CertificateQueries certificates, ICurrentUser user, TimeProvider time)
{
    public const string Step = "assignment";

    public static AssignmentDecision Decide(EnforcementTask task, IReadOnlyList<Guid>? officers, IReadOnlyDictionary<Guid, StaffMember> people,
        IReadOnlyList<Certificate> held, DateOnly today, string by, InputErrors errors)
    {
        EnforcementTask.Steps.Expect(task, Step, errors);
        var ids = officers ?? [];
        for (var i = 0; i < ids.Count; i++)
        {
            if (!people.TryGetValue(ids[i], out var person) || person.State != StaffState.OnRoster)
            {
                errors.Add($"officers[{i}]", "此人不在本镇花名册上", "This person is not on the township's roster.");
            }
        }

        if (errors.Any)
        {
            return new([], null);
        }

        var candidates = ids.Select(id => new GateCandidate(id.ToString(), people[id].Name, [.. held.Where(c => c.HolderId == id)])).ToList();
        var result = AssignmentGate.Check(task.On, task.Category, task.Area, candidates);
        if (result.Passed)
        {
            return new([new OfficersAssigned([.. result.Verdicts.DistinctBy(v => v.Candidate.Key)
                .Select(v => new AssignedOfficer(Guid.Parse(v.Candidate.Key), v.Candidate.Name, v.Qualifying!.Number))], by)], null);
        }

        foreach (var reason in result.Reasons)
        {
            errors.AddMessage("officers", reason);
        }

        for (var i = 0; i < result.Verdicts.Count; i++)
        {
            foreach (var reason in result.Verdicts[i].Reasons)
            {
                errors.AddMessage($"officers[{i}]", reason);
            }
        }

        var refused = result.Verdicts.Where(v => !v.Qualified).DistinctBy(v => v.Candidate.Key)
            .Select(v => new RefusedOfficer(Guid.Parse(v.Candidate.Key), v.Candidate.Name, v.Reasons)).ToList();
        return new([], new AssignmentRefused(Guid.NewGuid(), task.Id, task.Number, task.On, today, refused, result.Reasons, by));
    }

    public async Task<bool> RunAsync(Guid id, AssignOfficersInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var stream = await session.OpenForStepAsync<EnforcementTask>(id, input.Version, errors, ct);
        if (stream is null)
        {
            return false;
        }

        var ids = input.Officers ?? [];
        if (ids.Count > 20)
        {
            throw InputRejectedException.Of("officers", "一次最多指派20名执法人员", "At most 20 officers at once.");
        }

        var people = await roster.FindManyAsync(ids, ct);
        var held = await certificates.OfHoldersAsync(ids, ct);
        var decision = Decide(stream.Aggregate!, ids, people, held, TownshipTime.Today(time), user.DisplayName, errors);
        if (decision.Refusal is { } refusal)
        {
            // The refusal is history of its own: saved, then the step is refused as any other.
            session.Events.StartStream<AssignmentRefusal>(refusal.Id, refusal);
            await session.SaveChangesAsync(ct);
        }

        errors.ThrowIfAny();
        stream.AppendMany([.. decision.Events]);
        await session.SaveChangesAsync(ct);
        return true;
    }

    /// <summary><c>POST …/enforcement/tasks/{id}/assignment</c>: 200 with the task, 404, 400 naming each officer, 409.</summary>
    public static Task<Results<Ok<TaskView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, AssignOfficersInput input, AssignOfficers step, TaskQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => queries.GetAsync(id, ct));
}
