using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.LegalServices;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Kit.Time;

namespace Modular.Modules.LegalServices.Consultations.Steps;

/// <summary>What the API and the registration form post: text only, so junk is a field error, never a binding failure.</summary>
internal sealed class RegisterConsultationInput
{
    public string? Channel { get; set; }

    public string? Topic { get; set; }

    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Village { get; set; }

    public string? Address { get; set; }

    public string? Question { get; set; }

    /// <summary>When it arrived, the township's time (<c>2020-01-24T09:30</c>); now when left blank.</summary>
    public string? ReceivedAt { get; set; }
}

/// <summary>
/// 登记: a visitor's matter is registered once, from whichever channel, and numbered within the year of its receipt. A
/// letter takes the township's letter period and an online message its reply hours, as they stand when it arrives.
/// </summary>
internal sealed class RegisterConsultation(IDocumentSession session, TimeProvider time, ConsultationSettingsStore settings)
{
    /// <summary>The decision: the event (its id and number still to come), or every refusal in <paramref name="errors"/>.</summary>
    public static ConsultationRegistered? Decide(RegisterConsultationInput input, DateTimeOffset now, ConsultationSettings settings, InputErrors errors, bool imported = false)
    {
        var channel = errors.Choice<ConsultationChannel>("channel", input.Channel, "咨询渠道", "channel");
        var topic = errors.Choice<ConsultationTopic>("topic", input.Topic, "咨询类别", "topic");
        var name = errors.Required("name", input.Name, "咨询人姓名", "Name", 50);
        var idNumber = errors.IdNumber("idNumber", input.IdNumber);
        var phone = errors.Phone("phone", input.Phone);
        var village = errors.Required("village", input.Village, "村（社区）", "Village", 50);
        var address = errors.Optional("address", input.Address, "住址", "Address", 200);
        var question = errors.Required("question", input.Question, "咨询内容", "Question", 4000);
        var receivedAt = string.IsNullOrWhiteSpace(input.ReceivedAt) ? now : errors.Instant("receivedAt", input.ReceivedAt, "接待时间", "Received at", now);
        if (string.IsNullOrWhiteSpace(input.Phone) && string.IsNullOrWhiteSpace(input.Address) && channel is not null)
        {
            // The station must be able to answer: a letter by post, everyone else by phone at least.
            errors.Add(channel == ConsultationChannel.Letter ? "address" : "phone", "请填写联系电话或通讯地址，以便答复", "A phone number or an address is needed to answer.");
        }

        if (errors.Any)
        {
            return null;
        }

        var letter = channel == ConsultationChannel.Letter ? settings.LetterPeriod : (Contracts.Time.StatutoryPeriod?)null;
        var online = channel == ConsultationChannel.Online ? settings.OnlineReplyHours : (int?)null;
        return new ConsultationRegistered(Guid.Empty, "", channel!.Value, topic!.Value, name!, idNumber, phone, village!, address, question!, receivedAt!.Value,
            letter?.Length, letter?.Unit, online, imported);
    }

    /// <summary>Registers the consultation; <see cref="InputRejectedException"/> (400, every field) when the input is refused.</summary>
    public async Task<Guid> RegisterAsync(RegisterConsultationInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var registered = Decide(input, time.GetUtcNow(), await settings.GetAsync(ct), errors);
        errors.ThrowIfAny();
        var id = Guid.CreateVersion7();
        return await YearlyNumbers.SaveWithNextAsync<ConsultationNumberCounter, Guid>(session, TownshipTime.DayOf(registered!.ReceivedAt).Year, number =>
        {
            session.Events.StartStream<Consultation>(id, registered with { Id = id, Number = number });
            return id;
        }, ct);
    }

    /// <summary><c>POST …/consultations</c>: 201 with the consultation, 400 naming every field.</summary>
    public static async Task<Results<Created<ConsultationView>, ValidationProblem>> EndpointAsync(
        string township, RegisterConsultationInput input, RegisterConsultation handler, ConsultationQueries queries, CancellationToken ct)
    {
        try
        {
            var id = await handler.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/t/{township}/legal-services/consultations/{id}", await queries.GetAsync(id, ct));
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }
}
