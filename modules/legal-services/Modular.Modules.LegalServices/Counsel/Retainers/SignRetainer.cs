using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Retainers;

internal sealed class SignRetainerInput
{
    public string? Firm { get; set; }

    public string? ContractNumber { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>The day the contract was signed; today when left blank.</summary>
    public string? SignedOn { get; set; }
}

/// <summary>聘请法律顾问: the township's contract with a law firm, for a term (usually a year).</summary>
internal sealed class SignRetainer(IDocumentSession session, Modular.Contracts.Time.IStatutoryClock clock, ICurrentUser user)
{
    public static RetainerSigned? Decide(SignRetainerInput input, DateOnly today, string by, InputErrors errors)
    {
        var firm = errors.Required("firm", input.Firm, "律师事务所", "Law firm", 100);
        var contract = errors.Optional("contractNumber", input.ContractNumber, "合同编号", "Contract number", 50);
        var from = CounselInput.AnyDay(errors, "from", input.From, "聘期起", "Term start");
        var to = CounselInput.AnyDay(errors, "to", input.To, "聘期止", "Term end");
        var signed = string.IsNullOrWhiteSpace(input.SignedOn) ? today : errors.Date("signedOn", input.SignedOn, "签订日期", "Signed on", today);
        if (from is { } a && to is { } b && b < a)
        {
            errors.Add("to", "聘期止不能早于聘期起", "The term cannot end before it starts.");
        }

        return errors.Any ? null : new RetainerSigned(Guid.Empty, firm!, contract, from!.Value, to!.Value, signed!.Value, by);
    }

    public async Task<Guid> SignAsync(SignRetainerInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var signed = Decide(input, clock.Today, user.DisplayName, errors);
        errors.ThrowIfAny();
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Retainer>(id, signed! with { Id = id });
        await session.SaveChangesAsync(ct);
        return id;
    }

    /// <summary><c>POST …/counsel/retainers</c>: 201 with the retainer, 400 naming every field.</summary>
    public static async Task<Results<Created<RetainerView>, ValidationProblem>> EndpointAsync(
        string township, SignRetainerInput input, SignRetainer handler, CounselQueries queries, CancellationToken ct)
    {
        try
        {
            var id = await handler.SignAsync(input, ct);
            return TypedResults.Created($"/api/t/{township}/legal-services/counsel/retainers/{id}", await queries.RetainerAsync(id, ct));
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }
}
