using JasperFx.Events.Projections;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Host.Extensions;

namespace Modular.Host.Reports;

/// <summary>The annual report's services and store types: the platform's own, registered by the host like a module's area.</summary>
internal static class ReportsSetup
{
    public static IServiceCollection AddAnnualReports(this IServiceCollection services)
    {
        services.AddScoped<AnnualReports>();
        services.AddScoped<ReportDemo>();
        services.AddSingleton<SentReports>();
        services.AddKeyedScoped<IDeadlineSource, ReportDeadlines>(TownshipExtensions.PlatformDeadlineKey);
        return services;
    }

    public static void ConfigureDocuments(StoreOptions store)
    {
        store.Events.MapEventType<AnnualReportSaved>("platform.annual-report-saved.v1");
        store.Events.MapEventType<AnnualReportSubmitted>("platform.annual-report-submitted.v1");
        store.Events.MapEventType<AnnualReportReturned>("platform.annual-report-returned.v1");
        store.Events.MapEventType<AnnualReportApproved>("platform.annual-report-approved.v1");
        store.Events.MapEventType<AnnualReportSent>("platform.annual-report-sent.v1");
        store.Events.MapEventType<AnnualReportDueDatesSet>("platform.annual-report-due-dates-set.v1");
        store.Projections.Snapshot<TownshipAnnualReport>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<ReportSettings>(SnapshotLifecycle.Inline);
    }
}
