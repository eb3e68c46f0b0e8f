using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Certificates.Steps;

/// <summary>注销: the holder left the enforcement post (调离、退休); kept on the record, shown as cancelled.</summary>
internal static class CancelCertificate
{
    public const string Step = "cancellation";

    public static IReadOnlyList<object> Decide(Certificate c, CertificateStepInput input, CertificateStepFacts facts, InputErrors errors) =>
        CertificateStep.StatusChange(c, Step, input, facts, errors, (on, reason, by) => new CertificateCancelled(on, reason, by));
}
