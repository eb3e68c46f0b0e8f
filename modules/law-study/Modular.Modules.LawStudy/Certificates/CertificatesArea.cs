using Microsoft.AspNetCore.Http;
using Modular.Contracts.Modules;
using Modular.Contracts.Portal;
using Modular.Kit.Steps;
using Modular.Modules.LawStudy.Certificates.Steps;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>
/// Enforcement certificates (行政执法证): issued, reviewed, suspended, restored, revoked, cancelled, renewed; the
/// holder's view with its QR code; the public verification page and the public enforcement register (行政执法公示).
/// </summary>
[AreaOrder(40)]
internal sealed class CertificatesArea : IModuleArea
{
    public const string Read = "law-study.certificates.read";
    public const string Write = "law-study.certificates.write";

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(new("行政执法证", "Enforcement certificates"), "certificates", Read, 40),
        new(new("我的执法证", "My certificate"), "certificates/mine", LawStudy.Permissions.Self, 41),
        new(new("执法证管理设置", "Certificate rules"), "certificates/settings", Read, 42),
        // Public pages (no sign-in): the enforcement register (行政处罚法 第三十九条) and the check the QR code opens, listed
        // for the module's users (every role holds Self), so that a user with no role still finds the module closed.
        new(new("行政执法公示（公开）", "Public enforcement register"), "officers", LawStudy.Permissions.Self, 60),
        new(new("执法证查验（公开）", "Verify a certificate (public)"), "verify", LawStudy.Permissions.Self, 61),
    ];

    public IEnumerable<ModulePermission> Permissions =>
    [
        new(Read, new("查看行政执法证", "Read the enforcement certificates"), [LawStudy.Permissions.EnforcementSupervisorRole, LawStudy.Permissions.HeadRole]),
        new(Write, new("登记、审验、暂扣、吊销、注销、换发行政执法证", "Issue, review, suspend, revoke, cancel and renew certificates"), [LawStudy.Permissions.EnforcementSupervisorRole]),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<CertificateSettingsStore>();
        services.AddScoped<CertificateStandings>();
        services.AddScoped<CertificateQueries>();
        services.AddScoped<CertificateStepContext>();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<IDashboardFigures, CertificateDashboard>();
        services.AddScoped<IDeadlineSource, CertificateDeadlines>();
        services.AddScoped<IDemoData, CertificateDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<CertificateIssued>("law-study.certificate-issued.v1");
        options.Events.MapEventType<CertificateReviewed>("law-study.certificate-reviewed.v1");
        options.Events.MapEventType<CertificateSuspended>("law-study.certificate-suspended.v1");
        options.Events.MapEventType<CertificateRestored>("law-study.certificate-restored.v1");
        options.Events.MapEventType<CertificateRevoked>("law-study.certificate-revoked.v1");
        options.Events.MapEventType<CertificateCancelled>("law-study.certificate-cancelled.v1");
        options.Events.MapEventType<CertificateRenewed>("law-study.certificate-renewed.v1");
        options.Events.MapEventType<CertificateRulesSet>("law-study.certificate-rules-set.v1");
        options.Projections.Snapshot<Certificate>(SnapshotLifecycle.Inline, (ProjectionBase projection) => projection.Name = "law_study_certificate");
        options.Projections.Snapshot<CertificateSettings>(SnapshotLifecycle.Inline, (ProjectionBase projection) => projection.Name = "law_study_certificate_settings");
        options.Schema.For<Certificate>().DocumentAlias("law_study_certificate").Index(c => c.Number).Index(c => c.HolderId);
        options.Schema.For<CertificateSettings>().DocumentAlias("law_study_certificate_settings");
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var certificates = api.MapGroup("/certificates");
        certificates.MapGet("", CertificateEndpoints.ListAsync).RequireAuthorization(Read);
        certificates.MapPost("", IssueCertificate.EndpointAsync).RequireAuthorization(Write).ProducesValidationProblem();
        certificates.MapGet("/mine", CertificateEndpoints.MineAsync).RequireAuthorization(LawStudy.Permissions.Self);
        certificates.MapGet("/export.xlsx", CertificateEndpoints.ExportAsync).RequireAuthorization(Read);
        certificates.MapGet("/settings", CertificateSettingsStore.GetEndpointAsync).RequireAuthorization(Read);
        certificates.MapPost("/settings", CertificateSettingsStore.SetEndpointAsync).RequireAuthorization(LawStudy.Permissions.Settings).ProducesValidationProblem();
        certificates.MapGet("/{id:guid}", CertificateEndpoints.GetAsync).RequireAuthorization(Read);
        certificates.MapGet("/{id:guid}/timeline", CertificateEndpoints.TimelineAsync).RequireAuthorization(Read);
        certificates.MapGet("/{id:guid}/qr.svg", CertificateEndpoints.QrAsync).RequireAuthorization(LawStudy.Permissions.Self);
        CertificateStep.Map<CertificateStepInput>(certificates, RecordReview.Step, RecordReview.Decide);
        CertificateStep.Map<RenewCertificateInput>(certificates, RenewCertificate.Step, RenewCertificate.Decide);
        CertificateStep.Map<CertificateStepInput>(certificates, SuspendCertificate.Step, SuspendCertificate.Decide);
        CertificateStep.Map<CertificateStepInput>(certificates, RestoreCertificate.Step, RestoreCertificate.Decide);
        CertificateStep.Map<CertificateStepInput>(certificates, RevokeCertificate.Step, RevokeCertificate.Decide);
        CertificateStep.Map<CertificateStepInput>(certificates, CancelCertificate.Step, CancelCertificate.Decide);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder publicApi)
    {
        // Anonymous reads, cached per township and query for a minute and emptied on every certificate write. Every
        // number they could be asked for is published on the enforcement register anyway (行政处罚法 Art 39), so a
        // look-up reveals nothing the register does not; the host's limits on anonymous traffic apply.
        publicApi.MapGet("/certificates/verify", CertificateEndpoints.VerifyAsync).CacheOutput(PublicPages.Policy);
        publicApi.MapGet("/officers", CertificateEndpoints.PublicRegisterAsync).CacheOutput(PublicPages.Policy);
    }
}
