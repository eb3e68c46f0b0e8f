using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Time;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Liaisons;

internal sealed class ReportLeadInput
{
    /// <summary>Text, so a page's junk value is a named field error rather than a binding failure.</summary>
    public string? LiaisonId { get; set; }

    public string? ReportedOn { get; set; }

    /// <summary>Where it happened; the liaison's own village when left blank.</summary>
    public string? Village { get; set; }

    public string? Account { get; set; }

    public string? Parties { get; set; }

    public string? Risk { get; set; }
}

/// <summary>Records what a liaison reported. Only a liaison still serving reports; the lead opens in the Reported state.</summary>
internal sealed class ReportLead(IDocumentSession session, IStatutoryClock clock)
{
    public async Task<Recorded> ReportAsync(ReportLeadInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var liaison = await FindLiaisonAsync(input.LiaisonId, errors, ct);
        var reportedOn = errors.Date("reportedOn", input.ReportedOn, "报告日期", "Date reported", clock.Today);
        var village = errors.Optional("village", input.Village, "发生地（村、社区）", "Village", 50) ?? liaison?.Village;
        var account = errors.Required("account", input.Account, "线索内容", "What happened", 4000);
        var parties = errors.Optional("parties", input.Parties, "涉及人员", "Parties named", 500);
        var risk = errors.Choice<LeadRisk>("risk", input.Risk, "风险等级", "risk level");
        if (liaison is { IsActive: false })
        {
            errors.Add("liaisonId", $"{liaison.Name}已于{liaison.StoodDownOn:yyyy-MM-dd}离任，不能报告新线索", $"{liaison.Name} stood down on {liaison.StoodDownOn:yyyy-MM-dd} and cannot report new leads.");
        }
        else if (liaison is not null && reportedOn is { } day && day < liaison.AppointedOn)
        {
            errors.Add("reportedOn", $"报告日期不能早于该联络员的聘任日期（{liaison.AppointedOn:yyyy-MM-dd}）", $"The report cannot precede the liaison's appointment ({liaison.AppointedOn:yyyy-MM-dd}).");
        }

        errors.ThrowIfAny();
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Lead>(id, new LeadReported(id, liaison!.Id, reportedOn!.Value, village!, account!, parties, risk!.Value));
        await session.SaveChangesAsync(ct);
        return new Recorded(id);
    }

    private async Task<Liaison?> FindLiaisonAsync(string? value, InputErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("liaisonId", "请选择报告线索的信息联络员", "Choose the liaison who reported the lead.");
            return null;
        }

        // Another township's liaison is as absent here as an id that never existed.
        var liaison = Guid.TryParse(value, out var id) ? await session.LoadAsync<Liaison>(id, ct) : null;
        if (liaison is null)
        {
            errors.Add("liaisonId", "名册中没有这名信息联络员", "There is no such liaison on the roster.");
        }

        return liaison;
    }

    public static async Task<Results<Created<Recorded>, ValidationProblem>> EndpointAsync(
        string township, ReportLeadInput input, ReportLead handler, CancellationToken ct)
    {
        try
        {
            var reported = await handler.ReportAsync(input, ct);
            return TypedResults.Created($"/api/t/{township}/mediation/leads/{reported.Id}", reported);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }
}
