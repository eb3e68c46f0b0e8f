using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Kit.PersonalData;

namespace Modular.Modules.LawStudy.Staff;

/// <summary>A person's ID number or phone in clear, for a user with the reveal permission who gives a reason; audited by the host's guard.</summary>
internal sealed class RevealStaffData(IQuerySession session, IPersonalDataGuard guard)
{
    public async Task<Revealed?> RevealAsync(Guid id, RevealRequest? request, CancellationToken ct) =>
        await session.LoadAsync<StaffMember>(id, ct) is { } member
            ? await Reveals.RevealAsync(request, Fields(member), Subject(member), guard, ct)
            : null;

    /// <summary><c>POST …/staff/{id}/reveal</c>: 200 with the clear value, 404, 400 naming the field or the missing reason.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, RevealRequest request, IQuerySession session, IPersonalDataGuard guard, CancellationToken ct) =>
        await session.LoadAsync<StaffMember>(id, ct) is { } member
            ? await Reveals.AnswerAsync(request, Fields(member), Subject(member), guard, ct)
            : TypedResults.NotFound();

    private static Func<PersonalDataKind, string?> Fields(StaffMember member) => RevealFields.Of(member.IdNumber, member.Phone, null);

    // Whose data, as the township admin reads it in the list of reveals: the person, never the value.
    private static string Subject(StaffMember member) => $"工作人员 {member.Department} {member.Name}";
}
