using Modular.Kit;
using Modular.Modules.LawStudy.Certificates;

namespace Modular.Modules.LawStudy.Enforcement;

/// <summary>A person proposed for a task, with every certificate they hold (or the one they showed).</summary>
internal sealed record GateCandidate(string Key, string Name, IReadOnlyList<Certificate> Certificates);

/// <summary>One candidate's verdict: the certificate that qualifies them, or every reason none does.</summary>
internal sealed record GateVerdict(GateCandidate Candidate, Certificate? Qualifying, IReadOnlyList<string> Reasons)
{
    public bool Qualified => Qualifying is not null;
}

/// <summary>The gate's result: each candidate's verdict and the reasons of the whole.</summary>
internal sealed record GateResult(IReadOnlyList<GateVerdict> Verdicts, IReadOnlyList<string> Reasons)
{
    public bool Passed => Reasons.Count == 0 && Verdicts.All(v => v.Qualified);
}

/// <summary>
/// The assignment gate, a pure function. 行政处罚法 第四十二条: enforcement by at least two officers with enforcement
/// qualification; the township's summary: "对没有取得执法资质的，一律不安排从事行政执法工作". An officer qualifies
/// on the task's day with a certificate that is valid that day (issued, not expired — the expiry day is the last valid
/// one —, not suspended, revoked or cancelled by then, and not past its review: a certificate whose review day went by
/// unreviewed is treated as not valid, as the provinces' 行政执法证件管理办法 have it) and covers the task's category and
/// area. Any candidate who does not qualify refuses the whole assignment: a task is never given to one unqualified
/// officer "alongside" two qualified ones.
/// </summary>
internal static class AssignmentGate
{
    public const int MinimumOfficers = 2;

    public static GateResult Check(DateOnly on, string category, string area, IReadOnlyList<GateCandidate> candidates)
    {
        var verdicts = candidates.Select(c => Verdict(on, category, area, c)).ToList();
        var reasons = new List<string>();
        if (candidates.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() < MinimumOfficers)
        {
            reasons.Add(Text.Both("行政处罚法第四十二条：执法人员不得少于两人", "Administrative Penalty Law Art 42: at least two officers."));
        }

        return new GateResult(verdicts, reasons);
    }

    private static GateVerdict Verdict(DateOnly on, string category, string area, GateCandidate candidate)
    {
        if (candidate.Certificates.Count == 0)
        {
            return new(candidate, null, [Text.Both($"{candidate.Name}未取得行政执法证", $"{candidate.Name} holds no enforcement certificate.")]);
        }

        if (candidate.Certificates.FirstOrDefault(c => c.ValidOn(on) && c.Covers(category, area)) is { } qualifying)
        {
            return new(candidate, qualifying, []);
        }

        var reasons = new List<string>();
        foreach (var c in candidate.Certificates)
        {
            var standing = c.StandingOn(on);
            if (standing != CertificateStanding.Valid)
            {
                reasons.Add(Text.Both(
                    $"{candidate.Name}的执法证{c.Number}在{TownshipTime.Format(on)}{Certificate.Label(standing).Chinese}{Since(c, standing, true)}",
                    $"{candidate.Name}'s certificate {c.Number} is {Certificate.Label(standing).English.ToLowerInvariant()} on {TownshipTime.Format(on)}{Since(c, standing, false)}."));
            }

            if (!c.Categories.Contains(category, StringComparer.Ordinal))
            {
                reasons.Add(Text.Both($"{candidate.Name}的执法证{c.Number}不含执法类别“{category}”（持证类别：{string.Join("、", c.Categories)}）",
                    $"{candidate.Name}'s certificate {c.Number} does not cover {category} (it covers {string.Join(", ", c.Categories)})."));
            }

            if (!string.Equals(c.Area, area, StringComparison.Ordinal))
            {
                reasons.Add(Text.Both($"{candidate.Name}的执法证{c.Number}执法区域为“{c.Area}”，不含“{area}”",
                    $"{candidate.Name}'s certificate {c.Number} covers the area {c.Area}, not {area}."));
            }
        }

        return new(candidate, null, reasons);
    }

    private static string Since(Certificate c, CertificateStanding standing, bool chinese) => standing switch
    {
        CertificateStanding.Expired => chinese ? $"（有效期至{TownshipTime.Format(c.ExpiresOn)}）" : $" (valid until {TownshipTime.Format(c.ExpiresOn)})",
        CertificateStanding.ReviewOverdue => chinese ? $"（应于{TownshipTime.Format(c.NextReviewOn)}前审验）" : $" (review was due by {TownshipTime.Format(c.NextReviewOn)})",
        CertificateStanding.NotYetValid => chinese ? $"（{TownshipTime.Format(c.IssuedOn)}发证）" : $" (issued {TownshipTime.Format(c.IssuedOn)})",
        CertificateStanding.Suspended or CertificateStanding.Revoked or CertificateStanding.Cancelled =>
            chinese ? $"（自{TownshipTime.Format(c.StatusSince)}起）" : $" (since {TownshipTime.Format(c.StatusSince)})",
        _ => "",
    };
}
