using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Time;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>A roster entry as typed: for an appointment, and with the version read for a change.</summary>
internal sealed class LiaisonInput
{
    public long? Version { get; set; }

    public string? Name { get; set; }

    public string? Village { get; set; }

    public string? Role { get; set; }

    public string? Phone { get; set; }

    public string? AppointedOn { get; set; }
}

internal sealed record Recorded(Guid Id);

/// <summary>The details of a roster entry, validated together so every bad field is named at once.</summary>
internal sealed record LiaisonDetails(string Name, string Village, LiaisonRole Role, string? Phone, DateOnly AppointedOn)
{
    /// <param name="phoneOnFile">
    /// The number already on the roster: pages and answers only ever show it masked, so a change leaves the field
    /// blank to keep it. Null for an appointment.
    /// </param>
    public static LiaisonDetails? Read(LiaisonInput input, InputErrors errors, DateOnly today, string? phoneOnFile)
    {
        var name = errors.Required("name", input.Name, "姓名", "Name", 50);
        var village = errors.Required("village", input.Village, "所在村（社区）", "Village", 50);
        var role = errors.Choice<LiaisonRole>("role", input.Role, "身份", "role");
        var phone = errors.Phone("phone", input.Phone);

        var appointedOn = errors.Date("appointedOn", input.AppointedOn, "聘任日期", "Date appointed", today);
        return errors.Any ? null : new LiaisonDetails(name!, village!, role!.Value, phone ?? phoneOnFile, appointedOn!.Value);
    }
}

/// <summary>Puts a villager on the township's roster of information liaisons.</summary>
internal sealed class AppointLiaison(IDocumentSession session, IStatutoryClock clock)
{
    public async Task<Recorded> AppointAsync(LiaisonInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var details = LiaisonDetails.Read(input, errors, clock.Today, phoneOnFile: null);
        errors.ThrowIfAny();

        var id = Guid.CreateVersion7();
        session.Events.StartStream<Liaison>(id, new LiaisonAppointed(id, details!.Name, details.Village, details.Role, details.Phone, details.AppointedOn));
        await session.SaveChangesAsync(ct);
        return new Recorded(id);
    }

    public static async Task<Results<Created<Recorded>, ValidationProblem>> EndpointAsync(
        string township, LiaisonInput input, AppointLiaison handler, CancellationToken ct)
    {
        try
        {
            var appointed = await handler.AppointAsync(input, ct);
            return TypedResults.Created($"/api/t/{township}/mediation/liaisons/{appointed.Id}", appointed);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }
}
