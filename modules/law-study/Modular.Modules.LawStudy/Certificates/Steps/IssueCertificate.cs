using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Portal;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Kit.Time;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Certificates.Steps;

internal sealed class IssueCertificateInput
{
    public string? Number { get; set; }

    /// <summary>The roster entry of the holder.</summary>
    public Guid? HolderId { get; set; }

    public string? Body { get; set; }

    public List<string?>? Categories { get; set; }

    public string? Area { get; set; }

    public string? IssuedOn { get; set; }

    /// <summary>The expiry printed on the certificate; empty: the township's validity from the issue day.</summary>
    public string? ExpiresOn { get; set; }
}

/// <summary>
/// 发证: a certificate issued to a person on the roster is registered. Its number is held once in the township for
/// ever (the kit's claim, in the same transaction), so two supervisors registering one number get one certificate and
/// one refusal. The first review falls one cycle after the issue.
/// </summary>
internal sealed class IssueCertificate(IDocumentSession session, StaffRoster roster, CertificateSettingsStore settings, TimeProvider time, IPublicPageCache cache)
{
    public static CertificateIssued? Decide(IssueCertificateInput input, StaffMember? holder, CertificateSettings settings, DateOnly today, InputErrors errors)
    {
        var number = CertificateDetails.Number(errors, "number", input.Number);
        if (input.HolderId is null)
        {
            errors.Add("holderId", "请选择持证人", "Choose the holder from the roster.");
        }
        else if (holder is null || holder.State != StaffState.OnRoster)
        {
            errors.Add("holderId", "持证人不在本镇花名册上", "The holder is not on the township's roster.");
        }

        var body = errors.Required("body", input.Body, "执法主体", "Enforcement body", 100);
        var categories = CertificateDetails.Categories(errors, input.Categories);
        var area = errors.Required("area", input.Area, "执法区域", "Enforcement area", 100);
        var issuedOn = errors.Date("issuedOn", input.IssuedOn, "发证日期", "Issue date", today);
        var expiresOn = errors.Day("expiresOn", input.ExpiresOn);
        if (issuedOn is { } issued && expiresOn is { } expires && expires <= issued)
        {
            errors.Add("expiresOn", "有效期截止日应晚于发证日期", "The expiry must be after the issue date.");
        }

        if (errors.Any)
        {
            return null;
        }

        return new CertificateIssued(Guid.Empty, number!, holder!.Id, holder.Name, body!, categories!, area!, issuedOn!.Value,
            expiresOn ?? YearPeriods.YearsAfter(issuedOn.Value, settings.ValidityYears), settings.ReviewCycleYears,
            YearPeriods.YearsAfter(issuedOn.Value, settings.ReviewCycleYears));
    }

    public async Task<Guid> IssueAsync(IssueCertificateInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var holder = input.HolderId is { } holderId ? await roster.FindAsync(holderId, ct) : null;
        var issued = Decide(input, holder, await settings.GetAsync(ct), TownshipTime.Today(time), errors);
        errors.ThrowIfAny();
        var refusal = CertificateNumbers.Refusal(issued!.Number);
        if (await session.Query<Certificate>().AnyAsync(c => c.Number == issued.Number || c.FormerNumbers.Contains(issued.Number), ct))
        {
            throw InputRejectedException.Of(refusal.Field, refusal.Chinese, refusal.English);
        }

        var id = Guid.NewGuid();
        session.Events.StartStream<Certificate>(id, issued with { Id = id });
        UniqueKeys.Claim(session, refusal.Key, id.ToString());
        await UniqueKeys.RefusingClashesAsync(async () =>
        {
            await session.SaveChangesAsync(ct);
            return id;
        }, [refusal]);
        await cache.EvictAsync(ct);
        return id;
    }

    /// <summary><c>POST …/certificates</c>: 201 with the certificate; a refused input escapes to the host, which answers 400.</summary>
    public static async Task<Created<CertificateView>> EndpointAsync(IssueCertificateInput input, IssueCertificate handler, CertificateQueries queries, CancellationToken ct)
    {
        var id = await handler.IssueAsync(input, ct);
        return TypedResults.Created($"certificates/{id}", await queries.GetAsync(id, ct));
    }
}
