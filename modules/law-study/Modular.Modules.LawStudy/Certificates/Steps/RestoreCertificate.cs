using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Certificates.Steps;

/// <summary>恢复: the withheld certificate is given back.</summary>
internal static class RestoreCertificate
{
    public const string Step = "restoration";

    public static IReadOnlyList<object> Decide(Certificate c, CertificateStepInput input, CertificateStepFacts facts, InputErrors errors) =>
        CertificateStep.StatusChange(c, Step, input, facts, errors, (on, reason, by) => new CertificateRestored(on, reason, by));
}
