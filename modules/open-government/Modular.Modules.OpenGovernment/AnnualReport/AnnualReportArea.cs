namespace Modular.Modules.OpenGovernment.AnnualReport;

/// <summary>Registers the AnnualReport area (政府信息公开工作年度报告): its services, Marten types and endpoints.</summary>
[AreaOrder(40)]
internal sealed class AnnualReportArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(new("信息公开年度报告", "Annual disclosure report"), "annual-report", Permissions.RequestsRead, 40),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<AnnualStatistics>();
        services.AddScoped<AnnualReportFiles>();
        services.AddScoped<RecordReviewAndLitigation>();
        services.AddScoped<WriteReportText>();
        services.AddScoped<IAnnualReportSections, OpennessSection>();
        services.AddScoped<Contracts.Integration.IIntegrationEventHandler<Contracts.LawStudy.EnforcementDecisionRecorded>, EnforcementDecisionTally>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<ReviewAndLitigationRecorded>("open-government.review-and-litigation-recorded.v1");
        options.Projections.Snapshot<ReviewAndLitigationFigures>(SnapshotLifecycle.Inline);
        options.Events.MapEventType<DisclosureReportTextWritten>("open-government.disclosure-report-text-written.v1");
        options.Projections.Snapshot<DisclosureReportText>(SnapshotLifecycle.Inline);
        options.Schema.For<EnforcementDecision>().Index(d => d.Year);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var report = api.MapGroup("/annual-report/{year:int}");
        report.MapGet("", AnnualReportFiles.JsonEndpointAsync).RequireAuthorization(Permissions.RequestsRead);
        report.MapGet("/report.docx", AnnualReportFiles.WordEndpointAsync).RequireAuthorization(Permissions.RequestsRead);
        report.MapGet("/report.xlsx", AnnualReportFiles.ExcelEndpointAsync).RequireAuthorization(Permissions.RequestsRead);
        report.MapPut("/review-and-litigation", RecordReviewAndLitigation.EndpointAsync).RequireAuthorization(Permissions.ReportsWrite);
        report.MapPut("/text", WriteReportText.EndpointAsync).RequireAuthorization(Permissions.ReportsWrite);
    }
}
