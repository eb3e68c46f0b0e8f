using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Kit.PersonalData;

namespace Modular.Modules.Starter.Matters;

/// <summary>
/// Personal data, the kit's way: a matter's phone is shown masked (<see cref="MatterView"/>) and revealed in clear only to
/// a user who gives a reason; the host's guard records the reveal (who, when, why, never the value) for the township
/// admin. A module needs this for every ID number, phone number or address it keeps. The request is the kit's one shape,
/// <c>{"field": "PhoneNumber", "reason": "…"}</c>, so the page's form and the API are the same.
/// </summary>
internal sealed class RevealMatterPhone(IQuerySession session, IPersonalDataGuard guard)
{
    /// <summary>For the page: the clear value, or null when the matter is not this township's; every refusal as <c>InputRejectedException</c>.</summary>
    public async Task<Revealed?> RevealAsync(Guid id, RevealRequest? request, CancellationToken ct) =>
        await session.LoadAsync<Matter>(id, ct) is { } matter
            ? await Reveals.RevealAsync(request, Fields(matter), Subject(matter), guard, ct)
            : null;

    /// <summary><c>POST …/matters/{id}/reveal</c>: 200 with the clear value, 404, 400 naming the field or the missing reason.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, RevealRequest request, IQuerySession session, IPersonalDataGuard guard, CancellationToken ct) =>
        await session.LoadAsync<Matter>(id, ct) is { } matter
            ? await Reveals.AnswerAsync(request, Fields(matter), Subject(matter), guard, ct)
            : TypedResults.NotFound();

    private static Func<PersonalDataKind, string?> Fields(Matter matter) => RevealFields.Of(null, matter.Phone, null);

    // Whose data, as the township admin reads it in the list of reveals: the record, never the value.
    private static string Subject(Matter matter) => $"事项 {matter.Number}";
}
