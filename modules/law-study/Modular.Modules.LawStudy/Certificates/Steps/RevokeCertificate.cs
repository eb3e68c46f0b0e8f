using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Certificates.Steps;

/// <summary>吊销/撤销: the certificate is taken back for cause; it stays on the record and is shown as revoked.</summary>
internal static class RevokeCertificate
{
    public const string Step = "revocation";

    public static IReadOnlyList<object> Decide(Certificate c, CertificateStepInput input, CertificateStepFacts facts, InputErrors errors) =>
        CertificateStep.StatusChange(c, Step, input, facts, errors, (on, reason, by) => new CertificateRevoked(on, reason, by));
}
