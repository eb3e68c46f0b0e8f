using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Modules.LegalServices.Counsel.Retainers;

namespace Modular.Modules.LegalServices.Counsel.Cases.Steps;

internal sealed class RegisterCaseInput
{
    public string? Kind { get; set; }

    public string? Court { get; set; }

    public string? CaseNumber { get; set; }

    public string? Cause { get; set; }

    public string? Position { get; set; }

    public string? Stage { get; set; }

    public string? OpposingParty { get; set; }

    /// <summary>The counsel who represents the township; blank when the township is a party without counsel.</summary>
    public string? CounselId { get; set; }

    public string? FiledOn { get; set; }
}

/// <summary>登记涉诉案件: a case the township is a party to, with the court's case number (（2020）黔0527行初12号).</summary>
internal sealed class RegisterCase(CounselStepContext context, CounselQueries queries)
{
    public static CaseRegistered? Decide(RegisterCaseInput input, DateOnly today, IReadOnlyList<Retainer> retainers, string by, InputErrors errors)
    {
        var kind = errors.Choice<CaseKind>("kind", input.Kind, "案件类型", "kind of case");
        var court = errors.Required("court", input.Court, "审理法院", "Court", 100);
        var number = errors.Required("caseNumber", input.CaseNumber, "案号", "Case number", 60);
        var cause = errors.Required("cause", input.Cause, "案由", "Cause", 200);
        var position = errors.Choice<CasePosition>("position", input.Position, "诉讼地位", "position");
        var stage = errors.Choice<CaseStage>("stage", input.Stage, "审理阶段", "stage");
        var opposing = errors.Optional("opposingParty", input.OpposingParty, "对方当事人", "Opposing party", 200);
        var filed = CounselInput.On(input.FiledOn, today, errors);
        CounselMember? counsel = null;
        if (!string.IsNullOrWhiteSpace(input.CounselId))
        {
            counsel = Guid.TryParse(input.CounselId, out var id) ? retainers.SelectMany(r => r.Counsel).FirstOrDefault(c => c.Id == id) : null;
            errors.Require(counsel is not null, "counselId", "没有这位法律顾问", "No such counsel.");
        }

        return errors.Any
            ? null
            : new CaseRegistered(Guid.Empty, kind!.Value, court!, number!, cause!, position!.Value, stage!.Value, opposing, counsel?.Id, counsel?.Name, filed!.Value, by);
    }

    public async Task<Guid> RegisterAsync(RegisterCaseInput input, CancellationToken ct)
    {
        var retainers = await queries.RetainersAsync(ct);
        return await context.StartAsync<RepresentedCase>(errors => Decide(input, context.Today, retainers, context.User.DisplayName, errors) is { } filed ? id => filed with { Id = id } : null, ct);
    }

    /// <summary><c>POST …/counsel/cases</c>: 201 with the record, 400 naming every field.</summary>
    public static Task<Results<Created<CaseView>, ValidationProblem>> EndpointAsync(
        string township, RegisterCaseInput input, RegisterCase handler, CounselQueries queries, CancellationToken ct) =>
        CounselInput.CreatedAsync(() => handler.RegisterAsync(input, ct), id => queries.CaseAsync(id, ct), id => $"/api/t/{township}/legal-services/counsel/cases/{id}");
}
