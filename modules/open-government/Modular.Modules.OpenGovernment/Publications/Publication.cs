namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>公开属性: how a piece of government information is disclosed.</summary>
internal enum Disclosure
{
    /// <summary>主动公开: published on the portal.</summary>
    Proactive,

    /// <summary>依申请公开: given to whoever asks for it.</summary>
    OnRequest,

    /// <summary>不予公开: withheld, with the reason recorded.</summary>
    NotDisclosed,
}

internal enum PublicationState
{
    Draft,
    Submitted,
    Returned,
    Published,

    /// <summary>Reviewed and recorded, but not for the portal (on request or not disclosed).</summary>
    Filed,
    Withdrawn,
}

/// <summary>An attachment's record in the publication; the bytes live in <see cref="StoredAttachment"/>.</summary>
internal sealed record AttachmentRef(Guid Id, string FileName, string ContentType, long Size);

/// <summary>What a clerk writes. The body is already sanitised HTML when it gets here.</summary>
internal sealed record PublicationContent(
    string Title,
    string Category,
    string? DocumentNumber,
    string BodyHtml,
    DateOnly MadeOn,
    Disclosure Disclosure,
    string? NotDisclosedReason,
    string IssuingOffice);

/// <summary>One version that went out, kept for good when a later one replaces it.</summary>
internal sealed record PublishedVersion(int Number, PublicationContent Content, IReadOnlyList<AttachmentRef> Attachments, DateTimeOffset PublishedAt, string PublishedBy);

/// <summary>The two checks a reviewer records before anything is published: 保密审查 and 合法性审查.</summary>
internal sealed record ReviewRecord(string ConfidentialityOpinion, string LegalityOpinion, string Reviewer, DateTimeOffset ReviewedAt);

internal sealed record PublicationDrafted(Guid Id, PublicationContent Content, string By, DateTimeOffset At);

internal sealed record PublicationDraftEdited(PublicationContent Content, string By, DateTimeOffset At);

internal sealed record PublicationAttachmentAdded(AttachmentRef Attachment, string By);

internal sealed record PublicationAttachmentRemoved(Guid AttachmentId, string By);

internal sealed record PublicationSubmitted(string By, DateTimeOffset At);

internal sealed record PublicationReturned(string Reason, string By, DateTimeOffset At);

internal sealed record PublicationReviewed(string ConfidentialityOpinion, string LegalityOpinion, string By, DateTimeOffset At);

internal sealed record PublicationPublished(int VersionNumber, string By, DateTimeOffset At);

internal sealed record PublicationFiled(string By, DateTimeOffset At);

/// <summary>A published item is being changed: a new working copy, while the published version stays on the portal.</summary>
internal sealed record PublicationRevisionStarted(PublicationContent Content, string By, DateTimeOffset At);

internal sealed record PublicationWithdrawn(string Reason, string By, DateTimeOffset At);

/// <summary>A publication: its working copy, its state in the review workflow, and every version that went out.</summary>
internal sealed class Publication
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    public PublicationState State { get; set; }

    public PublicationContent Content { get; set; } = null!;

    public List<AttachmentRef> Attachments { get; set; } = [];

    public List<PublishedVersion> Versions { get; set; } = [];

    public List<ReviewRecord> Reviews { get; set; } = [];

    public string? ReturnReason { get; set; }

    public string? WithdrawalReason { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string DraftedBy { get; set; } = "";

    public DateTimeOffset DraftedAt { get; set; }

    public bool IsEditable => State is PublicationState.Draft or PublicationState.Returned;

    /// <summary>Proactive information still waiting to go out: the Art 26 clock runs for it.</summary>
    public bool AwaitsPublication => Content.Disclosure == Disclosure.Proactive && State is PublicationState.Draft or PublicationState.Submitted or PublicationState.Returned;

    public static Publication Create(PublicationDrafted e) =>
        new() { Id = e.Id, Content = e.Content, State = PublicationState.Draft, DraftedBy = e.By, DraftedAt = e.At };

    public void Apply(PublicationDraftEdited e) => Content = e.Content;

    public void Apply(PublicationAttachmentAdded e) => Attachments.Add(e.Attachment);

    public void Apply(PublicationAttachmentRemoved e) => Attachments.RemoveAll(a => a.Id == e.AttachmentId);

    public void Apply(PublicationSubmitted e) => (State, ReturnReason) = (PublicationState.Submitted, null);

    public void Apply(PublicationReturned e) => (State, ReturnReason) = (PublicationState.Returned, e.Reason);

    public void Apply(PublicationReviewed e) => Reviews.Add(new ReviewRecord(e.ConfidentialityOpinion, e.LegalityOpinion, e.By, e.At));

    public void Apply(PublicationPublished e)
    {
        State = PublicationState.Published;
        Versions.Add(new PublishedVersion(e.VersionNumber, Content, [.. Attachments], e.At, e.By));
    }

    public void Apply(PublicationFiled e) => State = PublicationState.Filed;

    public void Apply(PublicationRevisionStarted e) => (State, Content) = (PublicationState.Draft, e.Content);

    public void Apply(PublicationWithdrawn e) => (State, WithdrawalReason, WithdrawnAt) = (PublicationState.Withdrawn, e.Reason, e.At);
}
