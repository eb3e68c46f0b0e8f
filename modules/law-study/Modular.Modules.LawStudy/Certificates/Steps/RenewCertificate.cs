using Modular.Kit.Input;
using Modular.Kit.Time;

namespace Modular.Modules.LawStudy.Certificates.Steps;

internal class RenewCertificateInput : CertificateStepInput
{
    /// <summary>A new number when the new certificate carries one; empty keeps the number.</summary>
    public string? NewNumber { get; set; }
}

/// <summary>
/// 换证: the certificate gets a new validity from the renewal day (the township's validity and review cycle), under the
/// same number or a new one. A former number stays claimed and verifiable: the public page names the current one.
/// </summary>
internal static class RenewCertificate
{
    public const string Step = "renewal";

    public static IReadOnlyList<object> Decide(Certificate c, RenewCertificateInput input, CertificateStepFacts facts, InputErrors errors)
    {
        var on = CertificateStep.Expect(c, Step, input.On, facts.Today, errors);
        var number = CertificateDetails.Number(errors, "newNumber", input.NewNumber, required: false);
        if (number == c.Number)
        {
            number = null;
        }

        if (errors.Any)
        {
            return [];
        }

        var day = on!.Value;
        return [new CertificateRenewed(day, number ?? c.Number, number is null ? null : c.Number,
            YearPeriods.YearsAfter(day, facts.Settings.ValidityYears), YearPeriods.YearsAfter(day, facts.Settings.ReviewCycleYears), facts.By)];
    }
}
