using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Integration;
using Modular.Contracts.Mediation;
using Modular.Contracts.Modules;

namespace Modular.Samples.LegalAidInbox;

/// <summary>
/// Stands in for the legal-services module in tests: it handles <see cref="MediationFailedInLegalAidMatter"/> the way
/// that module will, keeping each suggestion as a pre-filled application draft, and lists them. Never shipped.
/// </summary>
public sealed class LegalAidInboxModule : IModule
{
    public const string Id = "legal-aid-inbox";
    public const string Clerk = "legal-aid-inbox.clerk";

    public ModuleManifest Manifest { get; } = new(
        Id,
        new LocalizedText("法律援助转介（测试）", "Legal-aid referrals (test)"),
        "1.0.0",
        new LocalizedText("接收调解不成的法律援助转介建议", "Receives legal-aid referral suggestions"),
        [new ModulePermission("legal-aid-inbox.read", new LocalizedText("查看转介", "Read referrals"), [Clerk])],
        []);

    public void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IIntegrationEventHandler<MediationFailedInLegalAidMatter>, KeepReferral>();

    public void ConfigureMarten(StoreOptions options)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api) =>
        api.MapGet("/referrals", async (IQuerySession session, CancellationToken ct) => TypedResults.Ok(await session.Query<ReferralDraft>().ToListAsync(ct)))
            .RequireAuthorization("legal-aid-inbox.read");
}

/// <summary>A legal-aid application pre-filled from a failed mediation.</summary>
public sealed class ReferralDraft
{
    public Guid Id { get; set; }

    public string DisputeNumber { get; set; } = "";

    public LegalAidMatter Matter { get; set; }

    public string ApplicantName { get; set; } = "";

    public string? ApplicantIdNumber { get; set; }

    public List<string> OpposingParties { get; set; } = [];

    public string Summary { get; set; } = "";

    public string Village { get; set; } = "";

    public DateOnly FailedOn { get; set; }
}

internal sealed class KeepReferral : IIntegrationEventHandler<MediationFailedInLegalAidMatter>
{
    public Task HandleAsync(MediationFailedInLegalAidMatter e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        context.Operations.Store(new ReferralDraft
        {
            Id = e.DisputeId,
            DisputeNumber = e.DisputeNumber,
            Matter = e.Matter,
            ApplicantName = e.Applicant.Name,
            ApplicantIdNumber = e.Applicant.IdNumber,
            OpposingParties = [.. e.OpposingParties.Select(p => p.Name)],
            Summary = e.Summary,
            Village = e.Village,
            FailedOn = e.FailedOn,
        });
        return Task.CompletedTask;
    }
}
