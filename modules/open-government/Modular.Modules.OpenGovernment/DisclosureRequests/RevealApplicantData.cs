using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Kit.PersonalData;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>Shows one of the applicant's masked fields in clear, for a stated reason; the host's guard records the reveal.</summary>
internal sealed class RevealApplicantData(RequestQueries queries, IPersonalDataGuard guard)
{
    /// <summary>The field in clear, 404 for a request not in this township (before anything else), 400 naming each bad field.</summary>
    public async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> AnswerAsync(Guid id, RevealRequest input, CancellationToken ct)
    {
        if (await queries.LoadAsync(id, ct) is not { } request)
        {
            return TypedResults.NotFound();
        }

        var a = request.Applicant;
        return await Reveals.AnswerAsync(input, RevealFields.Of(a.IdNumber, a.Phone, a.Address), $"依申请公开 {request.Number} 申请人", guard, ct);
    }
}
