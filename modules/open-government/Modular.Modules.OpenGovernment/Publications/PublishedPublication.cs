namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>
/// The portal's read model: one flat document per publication that has gone out, holding only its current version,
/// so every portal page is a single indexed query. Kept in step by the workflow in the same transaction as the event.
/// A withdrawn publication stays here, marked, so its page can answer 410 Gone.
/// </summary>
internal sealed class PublishedPublication
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string Category { get; set; } = "";

    public string? DocumentNumber { get; set; }

    public string BodyHtml { get; set; } = "";

    /// <summary>Title, document number and body as lower-case plain text: what search matches against.</summary>
    public string SearchText { get; set; } = "";

    public string Summary { get; set; } = "";

    public DateOnly MadeOn { get; set; }

    public string IssuingOffice { get; set; } = "";

    public List<AttachmentRef> Attachments { get; set; } = [];

    public int VersionNumber { get; set; }

    /// <summary>When the current version went out.</summary>
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>The day (Asia/Shanghai) the first version went out: what yearly figures count.</summary>
    public DateOnly FirstPublishedOn { get; set; }

    public bool Withdrawn { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawalReason { get; set; }

    public static PublishedPublication From(Publication publication, PublishedVersion version, DateOnly firstPublishedOn)
    {
        var c = version.Content;
        var plain = RichText.PlainText(c.BodyHtml);
        return new PublishedPublication
        {
            Id = publication.Id,
            Title = c.Title,
            Category = c.Category,
            DocumentNumber = c.DocumentNumber,
            BodyHtml = c.BodyHtml,
            SearchText = $"{c.Title} {c.DocumentNumber} {c.IssuingOffice} {plain}".ToLowerInvariant(),
            Summary = plain.Length > 140 ? plain[..140] + "…" : plain,
            MadeOn = c.MadeOn,
            IssuingOffice = c.IssuingOffice,
            Attachments = [.. version.Attachments],
            VersionNumber = version.Number,
            PublishedAt = version.PublishedAt,
            FirstPublishedOn = firstPublishedOn,
        };
    }
}
