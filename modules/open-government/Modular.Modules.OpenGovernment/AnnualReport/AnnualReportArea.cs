using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Extensions;

namespace Modular.Modules.OpenGovernment.AnnualReport;

/// <summary>Registers the AnnualReport area (政府信息公开工作年度报告): its services, Marten types and endpoints.</summary>
internal static class AnnualReportArea
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<AnnualStatistics>();
        services.AddScoped<AnnualReportFiles>();
        services.AddScoped<RecordReviewAndLitigation>();
        services.AddScoped<IAnnualReportSections, OpennessSection>();
    }

    public static void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<ReviewAndLitigationRecorded>("open-government.review-and-litigation-recorded.v1");
        options.Projections.Snapshot<ReviewAndLitigationFigures>(SnapshotLifecycle.Inline);
    }

    public static void MapEndpoints(IEndpointRouteBuilder api)
    {
        var report = api.MapGroup("/annual-report/{year:int}");
        report.MapGet("", AnnualReportFiles.JsonEndpointAsync).RequireAuthorization(Permissions.RequestsRead);
        report.MapGet("/report.docx", AnnualReportFiles.WordEndpointAsync).RequireAuthorization(Permissions.RequestsRead);
        report.MapGet("/report.xlsx", AnnualReportFiles.ExcelEndpointAsync).RequireAuthorization(Permissions.RequestsRead);
        report.MapPut("/review-and-litigation", RecordReviewAndLitigation.EndpointAsync).RequireAuthorization(Permissions.ReportsWrite);
    }
}
