using Modular.Contracts.Time;

namespace Modular.Modules.LegalServices.Counsel.Reviews;

/// <summary>
/// One version of a document sent to one counsel (Art 26: with its materials and legal basis), and the review time the
/// township allowed when it was sent, so a later change of the setting does not move it.
/// </summary>
internal sealed record ReviewSending(
    string DocumentVersion, string LegalBasis, string? Explanation, IReadOnlyList<string> Materials, Guid CounselId, string CounselName, string? CounselUserName,
    DateOnly SentOn, DateOnly? MeetingOn, int ReviewDays, PeriodUnit ReviewUnit, string By)
{
    public StatutoryPeriod ReviewPeriod => new(ReviewDays, ReviewUnit);
}

/// <summary>送请合法性审查: the first version of a document sent for review.</summary>
internal sealed record ReviewSubmitted(Guid Id, string Number, string Title, ReviewedDocumentKind Kind, string Department, ReviewSending Sending);

/// <summary>A revised version sent again: a new review of the new version, the earlier ones kept.</summary>
internal sealed record ReviewResubmitted(ReviewSending Sending);

/// <summary>A file of the materials, kept as a <see cref="ReviewFile"/> beside the record.</summary>
internal sealed record ReviewFileAttached(Guid FileId, string FileName, string ContentType, long Bytes, DateTimeOffset At, string By);

/// <summary>Art 27 and 28: counsel's findings on authority, procedure and content, and the opinion on the version reviewed.</summary>
internal sealed record ReviewAnswered(
    ReviewOpinion Opinion, AspectFinding Authority, AspectFinding Procedure, AspectFinding Content, string OpinionText, string? RequiredChanges,
    string DocumentVersion, DateOnly On, string By);

/// <summary>The township records that it made the changes counsel asked for: only then may the item go on an agenda.</summary>
internal sealed record ChangesMade(string Note, DateOnly On, string By);
