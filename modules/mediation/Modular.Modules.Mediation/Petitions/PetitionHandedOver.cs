using System.Security.Cryptography;
using System.Text;
using Modular.Contracts.Integration;
using Modular.Contracts.OpenGovernment;
using Modular.Kit.Checks;
using Modular.Kit.Steps;
using Modular.Modules.Mediation.Petitions.Steps;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>
/// A disclosure request answered "not processed: a petition" (政府信息公开条例 Art 39) is registered here as a petition,
/// received the day it was handed over. The stream id comes from the request's id, so a replayed event adds nothing.
/// </summary>
internal sealed class PetitionHandedOver : IIntegrationEventHandler<DisclosureRequestFoundToBePetition>
{
    public async Task HandleAsync(DisclosureRequestFoundToBePetition e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var id = StreamId(e.RequestId);
        if (await context.Operations.Events.FetchStreamStateAsync(id, cancellationToken) is not null)
        {
            return;
        }

        var idNumber = IdentityNumbers.IsValidResidentId(e.ApplicantIdNumber) ? e.ApplicantIdNumber!.ToUpperInvariant() : null;
        // In the relay's unit of work, which the daemon retries as a whole when another registration took the number.
        var number = await YearlyNumbers.NextAsync<PetitionNumberCounter>(context.Operations, e.AnsweredOn.Year, cancellationToken);
        var registered = new PetitionRegistered(
            id, number, PetitionChannel.DisclosureRequest, e.AnsweredOn, "政府信息公开工作机构", e.RequestNumber,
            new Petitioner(e.ApplicantName, idNumber, e.ApplicantPhone, e.ApplicantAddress), e.Matter, e.RequestId);
        context.Operations.Events.StartStream<Petition>(id, registered);

        // Operations written from the event relay do not run inline projections: the snapshot is stored with the stream.
        var petition = Petition.Create(registered);
        petition.Version = 1;
        context.Operations.Store(petition);
    }

    /// <summary>A name-based id (hashed, in the RFC 4122 name-based shape) from the request's id: the same request, the same petition.</summary>
    public static Guid StreamId(Guid requestId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("mediation.petition:" + requestId.ToString("N")));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
