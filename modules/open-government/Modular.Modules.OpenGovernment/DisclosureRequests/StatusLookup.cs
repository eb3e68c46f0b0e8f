using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>What the public status page shows: no personal data, only where the request stands.</summary>
internal sealed record PublicStatus(string Number, string State, string StateLabel, DateOnly ReceivedOn, DateOnly? ReplyDueOn, DateOnly? AnsweredOn, string? Reply, bool ReplyDueOnProvisional = false);

/// <summary>
/// The applicant's look-up by tracking number and access code. A wrong code and an unknown number give the same
/// answer after the same work, so numbers cannot be enumerated.
/// </summary>
internal sealed class StatusLookup(IQuerySession session, ReplyClock clock)
{
    public async Task<PublicStatus?> FindAsync(string? number, string? code, CancellationToken ct)
    {
        var trimmed = (number ?? "").Trim();
        var request = trimmed.Length is > 0 and <= 20
            ? await session.Query<DisclosureRequest>().FirstOrDefaultAsync(r => r.Number == trimmed, ct)
            : null;
        if (request is null)
        {
            AccessCodes.WasteEqualTime(code);
            return null;
        }

        if (!AccessCodes.Matches(code, request.AccessCodeSalt, request.AccessCodeHash))
        {
            return null;
        }

        var due = clock.For(request);
        return new PublicStatus(request.Number, request.State.ToString(), RequestVocabulary.T(RequestVocabulary.Label(request.State)), request.ReceivedOn,
            due.DueOn, request.AnsweredOn, request.Category is { } c ? ReplyCategories.Label(c, request.Reason) : null, due.Provisional);
    }

    // A bare 404: the host writes the problem body, the same for an unknown number and a wrong code.
    public static async Task<Results<Ok<PublicStatus>, NotFound>> EndpointAsync(string? number, string? code, StatusLookup lookup, CancellationToken ct) =>
        await lookup.FindAsync(number, code, ct) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();
}
