namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>One change a proposal asks for: add an item, amend it (the whole new text), or repeal it.</summary>
internal sealed record ProposedChange(string Kind, string Code, PowerItem? Item, string? Reason)
{
    public const string Add = "add";
    public const string Amend = "amend";
    public const string Repeal = "repeal";
}

/// <summary>The township's judicial office (司法所) proposed an adjustment of the list, to take effect on a date.</summary>
/// <param name="Origin">How it was made: <c>form</c>, <c>import</c> (an Excel workbook) or <c>demo</c>.</param>
internal sealed record PowerListChangeProposed(
    Guid ProposalId,
    string Title,
    string? Explanation,
    DateOnly EffectiveOn,
    IReadOnlyList<ProposedChange> Changes,
    string Origin,
    string ProposedBy,
    DateOnly ProposedOn);

/// <summary>The county approved the proposal; its changes took effect in the list on its effective date.</summary>
internal sealed record PowerListProposalApproved(Guid ProposalId, string ApprovedBy, DateOnly ApprovedOn, string? Note);

/// <summary>The county rejected the proposal, saying why; the list is unchanged.</summary>
internal sealed record PowerListProposalRejected(Guid ProposalId, string RejectedBy, DateOnly RejectedOn, string Reason);

/// <summary>A change as it was applied to the list: what it did to the item, and which fields an amendment changed.</summary>
internal sealed record AppliedChange(string Kind, string Code, string Name, string Category, IReadOnlyList<string> ChangedFields);

/// <summary>
/// Recorded on the township's list stream when an approved proposal is applied: the one stream every approval
/// appends to, so two approvals racing over the same items cannot both win (the second answers 409).
/// </summary>
internal sealed record PowerListAdjusted(Guid ProposalId, DateOnly EffectiveOn, IReadOnlyList<AppliedChange> Changes);

/// <summary>A proposal's state: an inline snapshot of its stream.</summary>
internal sealed class PowerListProposal
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public Guid Id { get; set; }

    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string? Explanation { get; set; }

    public DateOnly EffectiveOn { get; set; }

    public List<ProposedChange> Changes { get; set; } = [];

    public string Origin { get; set; } = "form";

    public string ProposedBy { get; set; } = "";

    public DateOnly ProposedOn { get; set; }

    public string Status { get; set; } = Pending;

    public string? DecidedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>The approver's note, or the reason for a rejection.</summary>
    public string? DecisionNote { get; set; }

    public static PowerListProposal Create(PowerListChangeProposed e) => new()
    {
        Id = e.ProposalId,
        Title = e.Title,
        Explanation = e.Explanation,
        EffectiveOn = e.EffectiveOn,
        Changes = [.. e.Changes],
        Origin = e.Origin,
        ProposedBy = e.ProposedBy,
        ProposedOn = e.ProposedOn,
    };

    public void Apply(PowerListProposalApproved e) => (Status, DecidedBy, DecidedOn, DecisionNote) = (Approved, e.ApprovedBy, e.ApprovedOn, e.Note);

    public void Apply(PowerListProposalRejected e) => (Status, DecidedBy, DecidedOn, DecisionNote) = (Rejected, e.RejectedBy, e.RejectedOn, e.Reason);
}

/// <summary>The township's list as a stream: how many adjustments took effect. Its version serialises approvals.</summary>
internal sealed class PowerListLedger
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    public int Adjustments { get; set; }

    public static PowerListLedger Create(PowerListAdjusted e) => new() { Adjustments = 1 };

    public void Apply(PowerListAdjusted e) => Adjustments++;

    /// <summary>The list stream's id for a township: name-based, so each township has exactly one.</summary>
    public static Guid StreamId(string township)
    {
        var ns = new Guid("3f6a8c1e-2b7d-4e59-a0c4-9d1e7b5a6c21").ToByteArray(bigEndian: true);
        var hash = System.Security.Cryptography.SHA1.HashData([.. ns, .. System.Text.Encoding.UTF8.GetBytes("power-list:" + township.ToLowerInvariant())]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
