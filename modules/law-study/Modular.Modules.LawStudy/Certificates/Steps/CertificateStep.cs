using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.Contracts.Portal;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Certificates.Steps;

/// <summary>What every step of a certificate posts: the version read, the day it happened, and why.</summary>
internal class CertificateStepInput
{
    public long? Version { get; set; }

    public string? On { get; set; }

    public string? Reason { get; set; }
}

/// <summary>What a step reads of the platform, for the API and the page alike.</summary>
internal sealed record CertificateStepFacts(DateOnly Today, CertificateSettings Settings, string By);

/// <summary>Runs a certificate step: its pure decision on the record, every refusal at once, then the save.</summary>
internal sealed class CertificateStepContext(IDocumentSession session, TimeProvider time, ICurrentUser user, CertificateSettingsStore settings, IPublicPageCache cache)
{
    public IDocumentSession Session => session;

    public async Task<bool> RunAsync<TInput>(Guid id, TInput input,
        Func<Certificate, TInput, CertificateStepFacts, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
        where TInput : CertificateStepInput
    {
        var facts = new CertificateStepFacts(TownshipTime.Today(time), await settings.GetAsync(ct), user.DisplayName);
        var errors = new InputErrors();
        var claims = new List<KeyRefusal>();
        var done = await UniqueKeys.RefusingClashesAsync(() => session.RunStepAsync<Certificate>(id, input.Version, errors, c =>
        {
            var events = decide(c, input, facts, errors);
            // A renewal under a new number claims it in the same transaction: two renewals cannot take one number.
            foreach (var renewed in events.OfType<CertificateRenewed>().Where(r => r.FormerNumber is not null))
            {
                var refusal = CertificateNumbers.Refusal(renewed.Number, "newNumber");
                UniqueKeys.Claim(session, refusal.Key, id.ToString());
                claims.Add(refusal);
            }

            return events;
        }, ct), claims);
        if (done)
        {
            // The public verification page and register may hold the certificate's old standing.
            await cache.EvictAsync(ct);
        }

        return done;
    }
}

/// <summary>The rules the steps share: the day of the step and its reason.</summary>
internal static class CertificateStep
{
    /// <summary>The state the table allows, and a day not in the future nor before the current status began.</summary>
    public static DateOnly? Expect(Certificate c, string step, string? on, DateOnly today, InputErrors errors)
    {
        Certificate.Steps.Expect(c, step, errors);
        var day = errors.Date("on", on, "日期", "Date", today);
        if (day is { } d && d < c.StatusSince)
        {
            errors.Add("on", $"日期不能早于{TownshipTime.Format(c.StatusSince)}（上一次状态变化）", $"The date cannot precede {TownshipTime.Format(c.StatusSince)} (the last change of status).");
        }

        return day;
    }

    public static string? Reason(string? reason, InputErrors errors) => errors.Required("reason", reason, "原因", "Reason", 500);

    /// <summary>A change of status on a day, for a reason (suspended, restored, revoked, cancelled).</summary>
    public static IReadOnlyList<object> StatusChange(Certificate c, string step, CertificateStepInput input, CertificateStepFacts facts, InputErrors errors,
        Func<DateOnly, string, string, object> change)
    {
        var on = Expect(c, step, input.On, facts.Today, errors);
        var reason = Reason(input.Reason, errors);
        return errors.Any ? [] : [change(on!.Value, reason!, facts.By)];
    }

    /// <summary><c>POST …/certificates/{id}/{step}</c>: the certificate as it now stands, 404, 400 with every field, 409.</summary>
    public static RouteHandlerBuilder Map<TInput>(IEndpointRouteBuilder certificates, string step,
        Func<Certificate, TInput, CertificateStepFacts, InputErrors, IReadOnlyList<object>> decide)
        where TInput : CertificateStepInput =>
        certificates.MapPost($"/{{id:guid}}/{step}", (Guid id, TInput input, CertificateStepContext context, CertificateQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => context.RunAsync(id, input, decide, ct), () => queries.GetAsync(id, ct)))
            .RequireAuthorization(CertificatesArea.Write);
}
