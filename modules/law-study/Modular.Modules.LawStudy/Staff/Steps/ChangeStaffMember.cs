using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Staff.Steps;

/// <summary>The command: the whole entry as it should now stand, and the version the clerk read.</summary>
internal sealed class ChangeStaffInput : StaffInput
{
    public long? Version { get; set; }
}

/// <summary>
/// 变更: the entry is corrected, or the person moves department or post (onto or off an enforcement post). A changed
/// ID number or user name moves its claim in the same transaction.
/// </summary>
internal sealed class ChangeStaffMember(IDocumentSession session)
{
    public const string Step = "change";

    public static IReadOnlyList<object> Decide(StaffMember member, StaffDetails? details, InputErrors errors)
    {
        StaffMember.Steps.Expect(member, Step, errors);
        return errors.Any || details is null
            ? []
            : [new StaffMemberChanged(details.Name, details.Department, details.Post, details.EnforcementPost, details.UserName, details.IdNumber, details.Phone)];
    }

    public async Task<bool> RunAsync(Guid id, ChangeStaffInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var details = StaffDetails.Read(input, errors);
        if (details is not null)
        {
            await StaffKeys.RefuseTakenAsync(session, details, id, ct);
        }

        var keys = details?.Keys() ?? [];
        return await UniqueKeys.RefusingClashesAsync(() => session.RunStepAsync<StaffMember>(id, input.Version, errors, member =>
        {
            var events = Decide(member, details, errors);
            if (events.Count > 0)
            {
                MoveClaims(member, keys);
            }

            return events;
        }, ct), keys);
    }

    // Only the keys whose value changed move: releasing and claiming one id in one batch would fight itself.
    private void MoveClaims(StaffMember member, IReadOnlyList<KeyRefusal> next)
    {
        var held = StaffKeys.Of(member);
        StaffKeys.Release(session, held.Where(h => next.All(n => n.Key.Id != h.Key.Id)));
        StaffKeys.Claim(session, next.Where(n => held.All(h => h.Key.Id != n.Key.Id)), member.Id);
    }

    /// <summary><c>POST …/staff/{id}/change</c>: 200 with the entry, 404, 400 with every field, 409 on a stale version.</summary>
    public static Task<Results<Ok<StaffView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, ChangeStaffInput input, ChangeStaffMember step, StaffRoster roster, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => roster.GetAsync(id, ct));
}
