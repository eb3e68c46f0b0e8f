using Modular.Contracts.Time;
using static Modular.Kit.Text;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>A certificate as the supervisor's pages and the API show it, with its standing today.</summary>
internal sealed record CertificateView(
    Guid Id,
    long Version,
    string Number,
    IReadOnlyList<string> FormerNumbers,
    Guid HolderId,
    string HolderName,
    string Body,
    IReadOnlyList<string> Categories,
    string Area,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    int ReviewCycleYears,
    DateOnly NextReviewOn,
    DateOnly? LastReviewedOn,
    string Status,
    string StatusLabel,
    DateOnly StatusSince,
    string? StatusReason,
    string Standing,
    string StandingLabel,
    string VerificationPath,
    IReadOnlyList<string> Allowed);

/// <summary>A line of the register and of the public enforcement register (行政执法公示): nothing of the person but the name.</summary>
internal sealed record CertificateRow(Guid Id, string Number, string HolderName, string Body, IReadOnlyList<string> Categories, string Area,
    DateOnly IssuedOn, DateOnly ExpiresOn, DateOnly NextReviewOn, string Standing, string StandingLabel);

/// <summary>
/// What the public verification page shows: the holder's name, body, categories, area, issue and expiry dates, and
/// the standing (revoked and suspended said so); never the ID number, phone or roster id. <c>currentNumber</c> differs
/// from <c>number</c> when the certificate was renewed under a new one.
/// </summary>
internal sealed record PublicCertificate(string Number, string CurrentNumber, string HolderName, string Body, IReadOnlyList<string> Categories,
    string Area, DateOnly IssuedOn, DateOnly ExpiresOn, string Standing, string StandingLabel);

/// <summary>
/// Where certificates stand today with the township's warning period: a review or an expiry within the warning
/// (two months by default) is flagged, counted by the statutory clock from today.
/// </summary>
internal sealed class CertificateStandings(IStatutoryClock clock)
{
    public DateOnly Today => clock.Today;

    /// <summary>The last day the warning period reaches from today: a review or expiry on or before it is flagged.</summary>
    public DateOnly WarnUntil(CertificateSettings settings) => clock.Deadline(clock.Today, settings.Warning).Date;

    public CertificateStanding Of(Certificate c, CertificateSettings settings)
    {
        var standing = c.StandingOn(clock.Today);
        if (standing != CertificateStanding.Valid)
        {
            return standing;
        }

        var until = WarnUntil(settings);
        return c.ExpiresOn <= until ? CertificateStanding.ExpiringSoon
            : c.NextReviewOn <= until ? CertificateStanding.ReviewDue
            : CertificateStanding.Valid;
    }

    public CertificateView View(Certificate c, CertificateSettings settings, string township)
    {
        var standing = Of(c, settings);
        return new(c.Id, c.Version, c.Number, c.FormerNumbers, c.HolderId, c.HolderName, c.Body, c.Categories, c.Area, c.IssuedOn, c.ExpiresOn,
            c.ReviewCycleYears, c.NextReviewOn, c.LastReviewedOn, c.Status.ToString(), T(Certificate.Label(c.Status)), c.StatusSince, c.StatusReason,
            standing.ToString(), T(Certificate.Label(standing)), CertificateQr.VerificationPath(township, c.Number), Certificate.Steps.Allowed(c));
    }

    public CertificateRow Row(Certificate c, CertificateSettings settings)
    {
        var standing = Of(c, settings);
        return new(c.Id, c.Number, c.HolderName, c.Body, c.Categories, c.Area, c.IssuedOn, c.ExpiresOn, c.NextReviewOn, standing.ToString(), T(Certificate.Label(standing)));
    }

    public PublicCertificate Public(Certificate c, string asked, CertificateSettings settings)
    {
        var standing = Of(c, settings);
        return new(asked, c.Number, c.HolderName, c.Body, c.Categories, c.Area, c.IssuedOn, c.ExpiresOn, standing.ToString(), T(Certificate.Label(standing)));
    }
}
