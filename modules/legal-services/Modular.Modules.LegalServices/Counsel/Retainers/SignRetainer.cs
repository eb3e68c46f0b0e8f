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
internal sealed class SignRetainer(CounselStepContext context)
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

    public Task<Guid> SignAsync(SignRetainerInput input, CancellationToken ct) =>
        context.StartAsync<Retainer>(errors => Decide(input, context.Today, context.User.DisplayName, errors) is { } signed ? id => signed with { Id = id } : null, ct);

    /// <summary><c>POST …/counsel/retainers</c>: 201 with the record, 400 naming every field.</summary>
    public static Task<Results<Created<RetainerView>, ValidationProblem>> EndpointAsync(
        string township, SignRetainerInput input, SignRetainer handler, CounselQueries queries, CancellationToken ct) =>
        CounselInput.CreatedAsync(() => handler.SignAsync(input, ct), id => queries.RetainerAsync(id, ct), id => $"/api/t/{township}/legal-services/counsel/retainers/{id}");
}
