using Modular.Contracts.Modules;
using Modular.Kit.Steps;
using Modular.Modules.LawStudy.Certificates.Steps;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>What was last done to the certificate (its standing on a day also depends on its dates).</summary>
internal enum CertificateStatus
{
    Active,
    Suspended,
    Revoked,
    Cancelled,
}

/// <summary>Where a certificate stands on a day, as the gate, the pages and the public verification say it.</summary>
internal enum CertificateStanding
{
    /// <summary>有效</summary>
    Valid,

    /// <summary>有效，待年审: valid, its review falls within the warning period.</summary>
    ReviewDue,

    /// <summary>有效，即将到期: valid, its expiry falls within the warning period.</summary>
    ExpiringSoon,

    /// <summary>逾期未审验: the review day passed without a review: not valid for enforcement.</summary>
    ReviewOverdue,

    /// <summary>已过期</summary>
    Expired,

    /// <summary>暂扣</summary>
    Suspended,

    /// <summary>已吊销</summary>
    Revoked,

    /// <summary>已注销</summary>
    Cancelled,

    /// <summary>尚未生效: the day is before its issue.</summary>
    NotYetValid,
}

/// <summary>
/// An enforcement certificate (行政执法证) and where it stands: the inline snapshot of its stream. Its holder is a
/// roster entry (<see cref="Staff.StaffMember"/>); the holder's name is kept as it was printed, for the public page.
/// </summary>
internal sealed class Certificate
{
    public static readonly StepTable<Certificate, CertificateStatus> Steps = new StepTable<Certificate, CertificateStatus>(c => c.Status, Label)
        .Allow(RecordReview.Step, CertificateStatus.Active)
        .Allow(SuspendCertificate.Step, CertificateStatus.Active)
        .Allow(RestoreCertificate.Step, CertificateStatus.Suspended)
        .Allow(RevokeCertificate.Step, CertificateStatus.Active, CertificateStatus.Suspended)
        .Allow(CancelCertificate.Step, CertificateStatus.Active, CertificateStatus.Suspended)
        .Allow(RenewCertificate.Step, CertificateStatus.Active);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    /// <summary>Numbers the certificate had before a renewal under a new one: still verifiable, never reused.</summary>
    public List<string> FormerNumbers { get; set; } = [];

    public Guid HolderId { get; set; }

    public string HolderName { get; set; } = "";

    /// <summary>执法主体: the body the holder enforces for (野马川镇人民政府, or a county bureau that entrusted the township).</summary>
    public string Body { get; set; } = "";

    /// <summary>执法类别: what the certificate covers (城乡规划, 市容环境卫生…).</summary>
    public List<string> Categories { get; set; } = [];

    /// <summary>执法区域</summary>
    public string Area { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public int ReviewCycleYears { get; set; }

    public DateOnly NextReviewOn { get; set; }

    public DateOnly? LastReviewedOn { get; set; }

    public CertificateStatus Status { get; set; }

    /// <summary>The day the current status began (a suspension, revocation or cancellation counts from it).</summary>
    public DateOnly StatusSince { get; set; }

    public string? StatusReason { get; set; }

    /// <summary>
    /// The standing on <paramref name="day"/>, before warnings: a suspension, revocation or cancellation counts from
    /// its day; the expiry day is the last valid day; a review is overdue from the day after it was due.
    /// </summary>
    public CertificateStanding StandingOn(DateOnly day)
    {
        if (Status != CertificateStatus.Active && StatusSince <= day)
        {
            return Status switch
            {
                CertificateStatus.Suspended => CertificateStanding.Suspended,
                CertificateStatus.Revoked => CertificateStanding.Revoked,
                _ => CertificateStanding.Cancelled,
            };
        }

        if (day < IssuedOn)
        {
            return CertificateStanding.NotYetValid;
        }

        if (day > ExpiresOn)
        {
            return CertificateStanding.Expired;
        }

        return day > NextReviewOn ? CertificateStanding.ReviewOverdue : CertificateStanding.Valid;
    }

    /// <summary>Whether the certificate lets its holder do enforcement work on <paramref name="day"/>.</summary>
    public bool ValidOn(DateOnly day) => StandingOn(day) == CertificateStanding.Valid;

    public bool Covers(string category, string area) =>
        Categories.Contains(category, StringComparer.Ordinal) && string.Equals(Area, area, StringComparison.Ordinal);

    public static Certificate Create(CertificateIssued e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        HolderId = e.HolderId,
        HolderName = e.HolderName,
        Body = e.Body,
        Categories = [.. e.Categories],
        Area = e.Area,
        IssuedOn = e.IssuedOn,
        ExpiresOn = e.ExpiresOn,
        ReviewCycleYears = e.ReviewCycleYears,
        NextReviewOn = e.NextReviewOn,
        Status = CertificateStatus.Active,
        StatusSince = e.IssuedOn,
    };

    public void Apply(CertificateReviewed e)
    {
        LastReviewedOn = e.ReviewedOn;
        NextReviewOn = e.NextReviewOn;
    }

    public void Apply(CertificateSuspended e) => SetStatus(CertificateStatus.Suspended, e.On, e.Reason);

    public void Apply(CertificateRestored e) => SetStatus(CertificateStatus.Active, e.On, e.Reason);

    public void Apply(CertificateRevoked e) => SetStatus(CertificateStatus.Revoked, e.On, e.Reason);

    public void Apply(CertificateCancelled e) => SetStatus(CertificateStatus.Cancelled, e.On, e.Reason);

    public void Apply(CertificateRenewed e)
    {
        if (e.FormerNumber is { } former)
        {
            FormerNumbers.Add(former);
        }

        Number = e.Number;
        IssuedOn = e.On;
        ExpiresOn = e.ExpiresOn;
        NextReviewOn = e.NextReviewOn;
        LastReviewedOn = null;
        SetStatus(CertificateStatus.Active, e.On, null);
    }

    private void SetStatus(CertificateStatus status, DateOnly since, string? reason)
    {
        Status = status;
        StatusSince = since;
        StatusReason = reason;
    }

    public static LocalizedText Label(CertificateStatus status) => status switch
    {
        CertificateStatus.Active => new("在用", "In use"),
        CertificateStatus.Suspended => new("暂扣", "Suspended"),
        CertificateStatus.Revoked => new("已吊销", "Revoked"),
        CertificateStatus.Cancelled => new("已注销", "Cancelled"),
        _ => new(status.ToString(), status.ToString()),
    };

    public static LocalizedText Label(CertificateStanding standing) => standing switch
    {
        CertificateStanding.Valid => new("有效", "Valid"),
        CertificateStanding.ReviewDue => new("有效（待年审）", "Valid (review due)"),
        CertificateStanding.ExpiringSoon => new("有效（即将到期）", "Valid (expiring soon)"),
        CertificateStanding.ReviewOverdue => new("逾期未审验", "Review overdue"),
        CertificateStanding.Expired => new("已过期", "Expired"),
        CertificateStanding.Suspended => new("暂扣", "Suspended"),
        CertificateStanding.Revoked => new("已吊销", "Revoked"),
        CertificateStanding.Cancelled => new("已注销", "Cancelled"),
        CertificateStanding.NotYetValid => new("尚未生效", "Not yet valid"),
        _ => new(standing.ToString(), standing.ToString()),
    };
}

/// <summary>The claim that holds a certificate number once in the township, for ever (a revoked number still verifies as revoked).</summary>
internal static class CertificateNumbers
{
    public static UniqueKey Key(string number) => new("law-study.certificate.number", number);

    public static KeyRefusal Refusal(string number, string field = "number") =>
        new(Key(number), field, "本镇已有此编号的执法证", "A certificate with this number already exists in the township.");
}
