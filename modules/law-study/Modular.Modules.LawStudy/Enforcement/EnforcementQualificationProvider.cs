using Modular.Contracts.LawStudy;
using Modular.Kit;
using Modular.Modules.LawStudy.Certificates;

namespace Modular.Modules.LawStudy.Enforcement;

/// <summary>
/// The gate offered to other modules (<see cref="IEnforcementQualification"/>): officers named by the certificate
/// each shows, checked by the same rule as this module's own tasks (<see cref="AssignmentGate"/>). A number that was
/// replaced at a renewal does not qualify: the officer shows the certificate they hold now.
/// </summary>
internal sealed class EnforcementQualificationProvider(IQuerySession session) : IEnforcementQualification
{
    public async Task<QualificationAnswer> CheckAsync(QualificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var numbers = (request.CertificateNumbers ?? []).Select(n => (n ?? "").Trim().ToUpperInvariant()).ToList();
        var distinct = numbers.Where(CertificateDetails.IsNumber).Distinct(StringComparer.Ordinal).ToArray();
        var found = (await session.Query<Certificate>().Where(c => distinct.Contains(c.Number)).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Number, StringComparer.Ordinal);
        var candidates = numbers.Select(n => new GateCandidate(n, found.TryGetValue(n, out var c) ? c.HolderName : n, found.TryGetValue(n, out var held) ? [held] : [])).ToList();
        var result = AssignmentGate.Check(request.On, request.Category ?? "", request.Area ?? "", candidates);
        var officers = result.Verdicts.Select(v => new OfficerQualification(v.Candidate.Key, v.Candidate.Certificates.FirstOrDefault()?.HolderName, v.Qualified,
            v.Candidate.Certificates.Count == 0 ? [Text.Both($"本镇无编号为{v.Candidate.Key}的有效执法证", $"No current certificate numbered {v.Candidate.Key} in this township.")] : v.Reasons)).ToList();
        return new QualificationAnswer(result.Passed ? QualificationVerdict.Qualified : QualificationVerdict.Refused, officers, result.Reasons);
    }
}
