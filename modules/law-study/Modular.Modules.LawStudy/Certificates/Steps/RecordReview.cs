using Modular.Kit.Input;
using Modular.Kit.Time;

namespace Modular.Modules.LawStudy.Certificates.Steps;

/// <summary>
/// 年审/审验: the certificate passed its review; the next falls one review cycle (the township's setting) after the
/// review day. A review that fails is a suspension or a revocation, their own steps.
/// </summary>
internal static class RecordReview
{
    public const string Step = "review";

    public static IReadOnlyList<object> Decide(Certificate c, CertificateStepInput input, CertificateStepFacts facts, InputErrors errors)
    {
        var on = CertificateStep.Expect(c, Step, input.On, facts.Today, errors);
        if (on is { } day && day > c.ExpiresOn)
        {
            errors.Add("on", "执法证已过期，应换证而非审验", "The certificate has expired: renew it instead of reviewing it.");
        }

        return errors.Any ? [] : [new CertificateReviewed(on!.Value, YearPeriods.YearsAfter(on.Value, facts.Settings.ReviewCycleYears), facts.By)];
    }
}
