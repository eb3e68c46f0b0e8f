using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Staff.Steps;

internal sealed class RecordLeavingInput
{
    public long? Version { get; set; }

    public string? LeftOn { get; set; }

    /// <summary>Why: 调离、退休、辞职… (the certificate of an officer who leaves is cancelled by its own step).</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// 离岗: the person leaves the township's staff. Their entry stays (their hours, exams and certificates are history);
/// their ID number and user name are released, so a person who comes back is entered again.
/// </summary>
internal sealed class RecordLeaving(IDocumentSession session, TimeProvider time)
{
    public const string Step = "leave";

    public static IReadOnlyList<object> Decide(StaffMember member, RecordLeavingInput input, DateOnly today, InputErrors errors)
    {
        StaffMember.Steps.Expect(member, Step, errors);
        var leftOn = errors.Date("leftOn", input.LeftOn, "离岗日期", "Date left", today);
        var reason = errors.Required("reason", input.Reason, "离岗原因", "Reason", 200);
        if (leftOn < member.JoinedOn)
        {
            errors.Add("leftOn", "离岗日期不能早于入职日期", "A person cannot leave before they joined.");
        }

        return errors.Any ? [] : [new StaffMemberLeft(leftOn!.Value, reason!)];
    }

    public Task<bool> RunAsync(Guid id, RecordLeavingInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var today = TownshipTime.Today(time);
        return session.RunStepAsync<StaffMember>(id, input.Version, errors, member =>
        {
            var events = Decide(member, input, today, errors);
            if (events.Count > 0)
            {
                StaffKeys.Release(session, StaffKeys.Of(member));
            }

            return events;
        }, ct);
    }

    /// <summary><c>POST …/staff/{id}/leave</c>: 200 with the entry, 404, 400 with every field, 409 on a stale version.</summary>
    public static Task<Results<Ok<StaffView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, RecordLeavingInput input, RecordLeaving step, StaffRoster roster, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => roster.GetAsync(id, ct));
}
