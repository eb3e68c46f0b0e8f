using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class RegisterPetitionInput
{
    public string? Channel { get; set; }

    public string? ReceivedOn { get; set; }

    public string? TransferringOffice { get; set; }

    public string? TransferReference { get; set; }

    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Matter { get; set; }
}

internal sealed record Registered(Guid Id, string Number);

/// <summary>The tracking-number counter of one year (信访 2026-0001), keyed by the year, versioned so two registrations cannot take one number.</summary>
internal sealed class PetitionNumberCounter : IYearCounter
{
    public string Id { get; set; } = "";

    public int Last { get; set; }
}

/// <summary>Registers a petition from any channel; a case transferred from above names the office and its reference.</summary>
internal sealed class RegisterPetition(IDocumentSession session, PetitionClock clock)
{
    public async Task<Registered> RegisterAsync(RegisterPetitionInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var channel = errors.Choice<PetitionChannel>("channel", input.Channel, "信访渠道", "channel");
        if (channel == PetitionChannel.DisclosureRequest)
        {
            errors.Add("channel", "该渠道仅由政府信息公开申请自动转入", "This channel is used only by requests handed over from open government.");
        }

        var receivedOn = errors.Date("receivedOn", input.ReceivedOn, "登记日期", "Date received", clock.Today);
        var office = errors.Optional("transferringOffice", input.TransferringOffice, "转送/交办机关", "Transferring office", 200);
        var reference = errors.Optional("transferReference", input.TransferReference, "转送文号", "Transfer reference", 100);
        if (channel == PetitionChannel.Transferred)
        {
            if (office is null)
            {
                errors.Add("transferringOffice", "上级转送/交办的信访事项须填写转送机关", "A transferred petition names the transferring office.");
            }

            if (reference is null)
            {
                errors.Add("transferReference", "上级转送/交办的信访事项须填写转送文号", "A transferred petition carries the office's reference number.");
            }
        }

        var name = errors.Required("name", input.Name, "信访人姓名", "Petitioner's name", 100);
        var idNumber = errors.IdNumber("idNumber", input.IdNumber);
        var phone = errors.Phone("phone", input.Phone);
        var address = errors.Optional("address", input.Address, "住址", "Address", 200);
        var matter = errors.Required("matter", input.Matter, "信访事项", "Matter", 8000);
        errors.ThrowIfAny();

        var id = Guid.CreateVersion7();
        // Two clerks registering at the same instant draw the same number; the loser draws again (YearlyNumbers).
        return await YearlyNumbers.SaveWithNextAsync<PetitionNumberCounter, Registered>(session, receivedOn!.Value.Year, number =>
        {
            session.Events.StartStream<Petition>(id, new PetitionRegistered(
                id, number, channel!.Value, receivedOn.Value, office, reference, new Petitioner(name!, idNumber, phone, address), matter!, null));
            return new Registered(id, number);
        }, ct);
    }

    public static async Task<Results<Created<Registered>, ValidationProblem>> EndpointAsync(
        string township, RegisterPetitionInput input, RegisterPetition handler, CancellationToken ct)
    {
        try
        {
            var registered = await handler.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/t/{township}/mediation/petitions/{registered.Id}", registered);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }
}
