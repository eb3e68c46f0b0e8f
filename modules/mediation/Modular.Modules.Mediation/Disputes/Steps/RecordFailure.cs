using Microsoft.AspNetCore.Routing;
using Modular.Contracts.Mediation;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class RecordFailureInput : DisputeStepInput
{
    public string? Reason { get; set; }

    public string? Routes { get; set; }

    public string? LegalAidMatter { get; set; }

    /// <summary>For a failure in a legal-aid matter: the index of the party who would apply for legal aid.</summary>
    public int? ApplicantParty { get; set; }
}

/// <param name="RecordedBy">Who records the failure: named in a legal-aid referral when the dispute has no mediator.</param>
internal sealed record RecordFailure(DateOnly? On, string? Reason, string? Routes, LegalAidMatter? Matter, int? ApplicantParty, string RecordedBy);

/// <summary>
/// 人民调解法 Art 26: no agreement; the parties are told of arbitration, administrative and judicial routes. In a matter
/// legal aid covers (法律援助法 Art 31) a referral is suggested to the legal-services module through an integration event.
/// </summary>
internal static class RecordFailureStep
{
    public const string Name = "failure";

    public static RecordFailure Read(RecordFailureInput input, DateOnly today, string recordedBy, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("reason", input.Reason, "调解不成的原因", "Reason", 2000),
        errors.Required("routes", input.Routes, "告知的其他途径", "Other routes explained", 2000),
        errors.Choice<LegalAidMatter>("legalAidMatter", input.LegalAidMatter, "法律援助事项", "legal-aid matter", required: false),
        input.ApplicantParty,
        recordedBy);

    public static IReadOnlyList<object> Decide(Dispute d, RecordFailure c, InputErrors errors)
    {
        Party? applicant = null;
        if (c.Matter is not null)
        {
            applicant = c.ApplicantParty is { } index && index >= 0 && index < d.Parties.Count ? d.Parties[index] : null;
            if (applicant is null || applicant.IsOrganisation)
            {
                errors.Add("applicantParty", "请选择拟申请法律援助的当事人（自然人）", "Choose the party (a person) who would apply for legal aid.");
            }
        }

        var on = DisputeStep.Expect(d, Name, c.On, errors);
        if (errors.Any)
        {
            return [];
        }

        var failed = new MediationFailed(on, c.Reason!, c.Routes!, c.Matter, c.Matter is null ? null : c.ApplicantParty);
        return c.Matter is not { } legalAid
            ? [failed]
            : [failed, new MediationFailedInLegalAidMatter(d.Id, d.Number, on, legalAid, Contract(applicant!),
                [.. d.Parties.Where(p => p != applicant).Select(Contract)], d.Village, d.Summary, c.Reason!, d.Mediator ?? c.RecordedBy)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, RecordFailureInput input, CancellationToken ct) =>
        context.RunAsync(id, input, (i, today, errors) => Read(i, today, context.UserName, errors), Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<RecordFailureInput>(disputes, Name, RunAsync);

    private static DisputeParty Contract(Party p) => new(p.Name, p.IsOrganisation, p.IdNumber, p.Phone, p.Address);
}
