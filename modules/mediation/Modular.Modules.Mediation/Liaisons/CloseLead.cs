using Marten;
using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.Mediation.Liaisons;

internal sealed class CloseLeadInput
{
    public long? Version { get; set; }

    public string? On { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }
}

/// <summary>Closes an open lead that will not become a dispute, with the reason; "other" must say what it was.</summary>
internal sealed class CloseLead(IDocumentSession session, IStatutoryClock clock)
{
    public Task<bool> CloseAsync(Guid id, CloseLeadInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        return session.RunStepAsync<Lead>(id, input.Version, errors, lead => Decide(lead, input, clock.Today, errors), ct);
    }

    private static IReadOnlyList<object> Decide(Lead lead, CloseLeadInput input, DateOnly today, InputErrors errors)
    {
        var on = errors.Date("on", input.On, "关闭日期", "Date closed", today);
        if (on is { } day && day < lead.ReportedOn)
        {
            errors.Add("on", $"关闭日期不能早于报告日期（{lead.ReportedOn:yyyy-MM-dd}）", $"A lead cannot be closed before it was reported ({lead.ReportedOn:yyyy-MM-dd}).");
        }

        var reason = errors.Choice<LeadClosure>("reason", input.Reason, "关闭原因", "reason");
        var note = errors.Optional("note", input.Note, "说明", "Note", 1000);
        if (reason == LeadClosure.Other && note is null)
        {
            errors.Add("note", "关闭原因为“其他”时须说明", "Say why when the reason is Other.");
        }

        LeadRules.ExpectReported(errors, "state", lead.State, new("关闭", "be closed"));
        return errors.Any ? [] : [new LeadClosed(on!.Value, reason!.Value, note)];
    }
}
