namespace Modular.Modules.LawStudy.Certificates;

// Events of an enforcement certificate (行政执法证), aliased in CertificatesArea (law-study.<event>.v1).

/// <summary>
/// A certificate was issued to a person on the roster: its number (printed on it, held once in the township for
/// ever), the enforcement body it is issued for, the categories and area it covers, its validity and review cycle.
/// </summary>
internal sealed record CertificateIssued(
    Guid Id,
    string Number,
    Guid HolderId,
    string HolderName,
    string Body,
    IReadOnlyList<string> Categories,
    string Area,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    int ReviewCycleYears,
    DateOnly NextReviewOn);

/// <summary>The certificate passed its review (年审/审验): the next review falls one cycle later.</summary>
internal sealed record CertificateReviewed(DateOnly ReviewedOn, DateOnly NextReviewOn, string By);

/// <summary>暂扣: the certificate was withheld (under investigation, a lapse); it may be restored.</summary>
internal sealed record CertificateSuspended(DateOnly On, string Reason, string By);

/// <summary>The withheld certificate was given back.</summary>
internal sealed record CertificateRestored(DateOnly On, string Reason, string By);

/// <summary>吊销/撤销: the certificate was revoked for cause; it stays on the record and is shown as revoked.</summary>
internal sealed record CertificateRevoked(DateOnly On, string Reason, string By);

/// <summary>注销: the holder left the enforcement post (调离、退休); the certificate stays on the record, shown as cancelled.</summary>
internal sealed record CertificateCancelled(DateOnly On, string Reason, string By);

/// <summary>换证: a new validity from the renewal day, under the same number or a new one (the former stays verifiable).</summary>
internal sealed record CertificateRenewed(DateOnly On, string Number, string? FormerNumber, DateOnly ExpiresOn, DateOnly NextReviewOn, string By);
