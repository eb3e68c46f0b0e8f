using Marten;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>A lead as the dispute intake needs it, to prefill the dispute and to link the two.</summary>
/// <param name="State">The <see cref="LeadState"/> name: only <c>Reported</c> can be taken in.</param>
/// <param name="Risk">The <see cref="LeadRisk"/> name: Low, Medium or High.</param>
internal sealed record LeadForIntake(
    Guid Id,
    long Version,
    string State,
    Guid LiaisonId,
    string LiaisonName,
    string Village,
    DateOnly ReportedOn,
    string Account,
    string? Parties,
    string Risk);

/// <summary>
/// The Disputes area's way in: a liaison's lead becomes a dispute at intake. The dispute and the lead's
/// <see cref="LeadBecameDispute"/> are written by one <c>SaveChangesAsync</c> of the scoped session, so either both or
/// neither happen; a lead changed meanwhile fails the whole save with a concurrency exception (409).
/// </summary>
internal sealed class LeadIntake(IDocumentSession session)
{
    /// <summary>The lead, or null when it is not this township's (or does not exist).</summary>
    public async Task<LeadForIntake?> FindAsync(Guid leadId, CancellationToken ct)
    {
        if (await session.LoadAsync<Lead>(leadId, ct) is not { } lead)
        {
            return null;
        }

        var liaison = await session.LoadAsync<Liaison>(lead.LiaisonId, ct);
        return new LeadForIntake(
            lead.Id, lead.Version, lead.State.ToString(), lead.LiaisonId, lead.Referral?.Source ?? liaison?.Name ?? "", lead.Village, lead.ReportedOn,
            lead.Account, lead.Parties, lead.Risk.ToString());
    }

    /// <summary>
    /// Appends "became dispute <paramref name="disputeNumber"/>" to the lead's stream, expecting the version read by
    /// <see cref="FindAsync"/>; the caller's <c>SaveChangesAsync</c> commits it with the dispute.
    /// </summary>
    /// <exception cref="InputRejectedException">
    /// Field <c>leadId</c> when the lead is no longer open; field <c>receivedOn</c> when the dispute would be received
    /// before the lead was reported.
    /// </exception>
    public void MarkBecameDispute(LeadForIntake lead, Guid disputeId, string disputeNumber, DateOnly on)
    {
        var errors = new InputErrors();
        var state = Enum.Parse<LeadState>(lead.State);
        LeadRules.ExpectReported(errors, "leadId", state, new("转为纠纷受理", "be taken in as a dispute"));
        if (state == LeadState.Reported && on < lead.ReportedOn)
        {
            errors.Add("receivedOn", $"受理日期不能早于线索报告日期（{lead.ReportedOn:yyyy-MM-dd}）", $"The dispute cannot be received before the lead was reported ({lead.ReportedOn:yyyy-MM-dd}).");
        }

        errors.ThrowIfAny();

        // Marten's expected version is the stream's version after this append.
        session.Events.Append(lead.Id, lead.Version + 1, new LeadBecameDispute(disputeId, disputeNumber, on));
    }
}
