using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Certificates.Steps;

/// <summary>暂扣: the certificate is withheld (under investigation, a lapse) and may be restored.</summary>
internal static class SuspendCertificate
{
    public const string Step = "suspension";

    public static IReadOnlyList<object> Decide(Certificate c, CertificateStepInput input, CertificateStepFacts facts, InputErrors errors) =>
        CertificateStep.StatusChange(c, Step, input, facts, errors, (on, reason, by) => new CertificateSuspended(on, reason, by));
}
