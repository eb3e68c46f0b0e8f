using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Caching;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Modules.Mediation.Liaisons;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;
using SpecialGroups = Modular.Modules.Mediation.Shared.SpecialGroups;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class PartyInput
{
    public string? Name { get; set; }

    public bool IsOrganisation { get; set; }

    public string? Role { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }
}

internal sealed class DisputeIntakeInput
{
    public string? Source { get; set; }

    public string? ReceivedOn { get; set; }

    public string? Category { get; set; }

    public string? Village { get; set; }

    public string? Summary { get; set; }

    public List<PartyInput>? Parties { get; set; }

    public List<string>? SpecialGroups { get; set; }

    public string? Risk { get; set; }

    public Guid? LeadId { get; set; }

    public string? TransferredFrom { get; set; }
}

internal sealed record TakenIn(Guid Id, string Number);

/// <summary>The ledger number counter of one year (调 2026-0001), keyed by the year, versioned so two intakes cannot take one number.</summary>
internal sealed class DisputeNumberCounter : IYearCounter
{
    public string Id { get; set; } = "";

    public int Last { get; set; }
}

/// <summary>
/// Takes a dispute in (受理登记): from screening, a liaison's report, a party's visit or a transfer, with its category,
/// parties, village, summary, special-group flags and escalation risk. A liaison's lead named by the intake becomes
/// this dispute. Validation is shared with the ledger import.
/// </summary>
internal sealed class TakeInDispute(IDocumentSession session, DisputeSettingsReader settings, DisputeClock clock, LeadIntake leads, ITownshipCache cache)
{
    public const int MinParties = 2;

    public async Task<TakenIn> TakeInAsync(DisputeIntakeInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var taken = Validate(input, await settings.GetAsync(ct), clock.Today, errors, "");
        var lead = input.LeadId is { } leadId ? await leads.FindAsync(leadId, ct) : null;
        if (input.LeadId is not null && lead is null)
        {
            errors.Add("leadId", "没有这条线索", "No such lead.");
        }

        errors.ThrowIfAny();

        var id = Guid.CreateVersion7();
        cache.Changed(session, DisputeQueries.FilterChoicesKey); // its village may be a new one in the ledger's filter
        // Two clerks registering at the same instant draw the same number; the loser draws again (YearlyNumbers).
        var number = await YearlyNumbers.SaveWithNextAsync<DisputeNumberCounter, string>(session, taken!.ReceivedOn.Year, number =>
        {
            session.Events.StartStream<Dispute>(id, taken with { Id = id, Number = number });
            if (lead is not null)
            {
                // A liaison's lead becomes this dispute in the same unit of work: both are recorded, or neither.
                leads.MarkBecameDispute(lead, id, number, taken.ReceivedOn);
            }

            return number;
        }, ct);
        return new TakenIn(id, number);
    }

    /// <summary>
    /// Checks one intake and returns the event to record (id and number still empty), or null with every problem in
    /// <paramref name="errors"/>; <paramref name="prefix"/> names nested fields (the import uses none).
    /// </summary>
    public static DisputeTakenIn? Validate(DisputeIntakeInput input, DisputeSettings settings, DateOnly today, InputErrors errors, string prefix)
    {
        var source = errors.Choice<DisputeSource>(prefix + "source", input.Source, "纠纷来源", "source");
        var receivedOn = errors.Date(prefix + "receivedOn", input.ReceivedOn, "受理日期", "Date received", today);
        var category = settings.Find(input.Category);
        if (string.IsNullOrWhiteSpace(input.Category))
        {
            errors.Add(prefix + "category", "请选择纠纷类别", "Choose the category.");
        }
        else if (category is null || category.Retired)
        {
            errors.Add(prefix + "category", $"纠纷类别“{input.Category}”不在本镇的类别中", $"The category '{input.Category}' is not one of the township's.");
        }

        var village = errors.Required(prefix + "village", input.Village, "村（社区）", "Village", 50);
        var summary = errors.Required(prefix + "summary", input.Summary, "纠纷简要情况", "Summary", 4000);
        var risk = errors.Choice<EscalationRisk>(prefix + "risk", input.Risk, "激化风险等级", "escalation risk");
        var transferredFrom = errors.Optional(prefix + "transferredFrom", input.TransferredFrom, "移交单位", "Transferred from", 100);
        if (source == DisputeSource.Transfer && transferredFrom is null)
        {
            errors.Add(prefix + "transferredFrom", "移交的纠纷须填写移交单位", "A transferred dispute names who transferred it.");
        }

        var groups = new List<SpecialGroup>();
        foreach (var text in input.SpecialGroups ?? [])
        {
            if (SpecialGroups.Parse(text) is { } group)
            {
                groups.Add(group);
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                errors.Add(prefix + "specialGroups", $"特殊群体“{text}”无效", $"'{text}' is not a special group.");
            }
        }

        var parties = Parties(input.Parties ?? [], errors, prefix);
        if (errors.Any)
        {
            return null;
        }

        return new DisputeTakenIn(Guid.Empty, "", source!.Value, receivedOn!.Value, category!.Code, village!, summary!, parties,
            [.. groups.Distinct()], risk!.Value, input.LeadId, transferredFrom);
    }

    /// <summary>
    /// The parties of an intake. A row left wholly empty is skipped (the page offers spare rows); any other row needs a
    /// name, so an ID number typed without one is never dropped silently. Errors are keyed by the row's position.
    /// </summary>
    private static List<Party> Parties(IReadOnlyList<PartyInput> inputs, InputErrors errors, string prefix)
    {
        var parties = new List<Party>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var p = inputs[i];
            if (new[] { p.Name, p.IdNumber, p.Phone, p.Address }.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var field = $"{prefix}parties[{i}].";
            var name = errors.Required(field + "name", p.Name, "当事人姓名（名称）", "Party's name", 100);
            var role = errors.Choice<PartyRole>(field + "role", p.Role ?? (parties.Count == 0 ? nameof(PartyRole.Applicant) : nameof(PartyRole.Respondent)), "当事人身份", "party's role");
            var idNumber = errors.IdNumber(field + "idNumber", p.IdNumber);
            if (idNumber is not null && p.IsOrganisation)
            {
                errors.Add(field + "idNumber", "单位当事人不填身份证号码", "An organisation has no resident ID number.");
            }

            var phone = errors.Phone(field + "phone", p.Phone);
            var address = errors.Optional(field + "address", p.Address, "住址", "Address", 200);
            if (name is not null && role is not null)
            {
                parties.Add(new Party(name, p.IsOrganisation, role.Value, idNumber, phone, address));
            }
        }

        if (inputs.Count(p => !string.IsNullOrWhiteSpace(p.Name)) < MinParties)
        {
            errors.Add(prefix + "parties", "纠纷至少有两方当事人", "A dispute has at least two parties.");
        }

        return parties;
    }

    public static async Task<Results<Created<TakenIn>, ValidationProblem>> EndpointAsync(
        string township, DisputeIntakeInput input, TakeInDispute handler, CancellationToken ct)
    {
        try
        {
            var taken = await handler.TakeInAsync(input, ct);
            return TypedResults.Created($"/api/t/{township}/mediation/disputes/{taken.Id}", taken);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors.ToDictionary());
        }
    }
}
