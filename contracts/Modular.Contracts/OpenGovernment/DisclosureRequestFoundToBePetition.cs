using Modular.Contracts.Integration;

namespace Modular.Contracts.OpenGovernment;

/// <summary>
/// A disclosure request turned out to be a petition (信访) in disguise: it was answered "not processed"
/// (政府信息公开条例 Art 39) and is handed over so the mediation module can register it as a petition.
/// Carries what a petition register needs; contact details travel only here, never into logs.
/// </summary>
/// <param name="RequestNumber">The request's tracking number in the open-government module.</param>
/// <param name="ReceivedOn">The day the township received the request, in its calendar.</param>
[IntegrationEventAlias("open-government.disclosure-request-found-to-be-petition.v1")]
public sealed record DisclosureRequestFoundToBePetition(
    Guid RequestId,
    string RequestNumber,
    DateOnly ReceivedOn,
    DateOnly AnsweredOn,
    string ApplicantName,
    string? ApplicantIdNumber,
    string? ApplicantPhone,
    string? ApplicantAddress,
    string Matter) : IIntegrationEvent;
