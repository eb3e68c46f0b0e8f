using Modular.Contracts.Time;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Liaisons;

internal sealed class CloseLeadInput
{
    public long? Version { get; set; }

    public string? On { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }
}

/// <summary>Closes an open lead that will not become a dispute, with the reason; "other" must say what it was.</summary>
internal sealed class CloseLead(Streams streams, IStatutoryClock clock)
{
    public async Task<bool> CloseAsync(Guid id, CloseLeadInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var stream = await streams.OpenAsync<Lead>(id, input.Version, errors, ct);
        if (stream is null)
        {
            return false;
        }

        var lead = stream.Aggregate!;
        var on = errors.Date("on", input.On, "关闭日期", "Date closed", clock.Today);
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
        Streams.ThrowIfAny(errors);
        stream.AppendOne(new LeadClosed(on!.Value, reason!.Value, note));
        await streams.SaveAsync(ct);
        return true;
    }
}
