using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Modules;
using Modular.Contracts.Townships;
using Modular.Host.Identity;
using Modular.Host.Reports.Steps;
using Modular.Host.Townships;
using Modular.Kit.Documents;

namespace Modular.Host.Reports;

/// <summary>A step's body: the version read, and a reason where the step takes one.</summary>
public sealed record ReportStepInput(long? Version, string? Reason = null);

/// <summary>
/// The annual report's API, <c>/api/t/{township}/annual-report/…</c>: the report of a year, each step, versions and their
/// comparison, the .docx and .xlsx, and the due-day settings. A report not started is 404 for every step but a save.
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/t/{township}/annual-report").WithTags("annual-report")
            .RequireAuthorization(Policies.TownshipMember);

        reports.MapGet("/settings", async (IQuerySession session, TownshipContext here, CancellationToken ct) =>
            TypedResults.Ok(await ReportSettingsSteps.ViewAsync(session, here.Required().Slug, ct)));
        reports.MapPut("/settings", async (ReportSettingsInput input, IDocumentSession session, TownshipContext here, ICurrentUser user, TimeProvider time, CancellationToken ct) =>
        {
            await ReportSettingsSteps.SetAsync(session, here.Required().Slug, input, user.UserName, time.GetUtcNow(), ct);
            return TypedResults.Ok(await ReportSettingsSteps.ViewAsync(session, here.Required().Slug, ct));
        }).RequireAuthorization(PlatformPermissions.AnnualReportWrite);

        var year = reports.MapGroup("/{year:int}");
        year.MapGet("", async Task<Results<Ok<ReportView>, NotFound>> (int year, AnnualReports reports, CancellationToken ct) =>
            AnnualReports.IsYear(year) ? TypedResults.Ok(await reports.ViewAsync(year, ct)) : TypedResults.NotFound());

        year.MapPost("/versions", async Task<Results<Ok<ReportView>, NotFound>> (int year, SaveReportInput input, AnnualReports reports, CancellationToken ct) =>
        {
            if (!AnnualReports.IsYear(year))
            {
                return TypedResults.NotFound();
            }

            await reports.SaveAsync(year, input, ct);
            return TypedResults.Ok(await reports.ViewAsync(year, ct));
        }).RequireAuthorization(PlatformPermissions.AnnualReportWrite);

        Step(year, ReportSteps.Submit, PlatformPermissions.AnnualReportWrite, (r, y, i, ct) => r.SubmitAsync(y, i.Version, ct));
        Step(year, ReportSteps.Approve, PlatformPermissions.AnnualReportApprove, (r, y, i, ct) => r.ApproveAsync(y, i.Version, ct));
        Step(year, ReportSteps.Return, PlatformPermissions.AnnualReportApprove, (r, y, i, ct) => r.ReturnAsync(y, i.Version, i.Reason, ct));
        Step(year, ReportSteps.Send, PlatformPermissions.AnnualReportWrite, (r, y, i, ct) => r.SendAsync(y, i.Version, ct));
        Step(year, ReportSteps.Publish, PlatformPermissions.AnnualReportWrite, (r, y, i, ct) => r.PublishAsync(y, i.Version, ct));

        year.MapGet("/versions/{number:int}", async Task<Results<Ok<ReportVersion>, NotFound>> (int year, int number, AnnualReports reports, CancellationToken ct) =>
            await reports.LoadAsync(year, ct) is { } report && AnnualReports.VersionOf(report, number) is { } version ? TypedResults.Ok(version) : TypedResults.NotFound());

        year.MapGet("/compare", async Task<Results<Ok<VersionComparison>, NotFound>> (int year, int from, int? to, AnnualReports reports, CancellationToken ct) =>
            await reports.LoadAsync(year, ct) is { } report && AnnualReports.VersionOf(report, from) is { } a && AnnualReports.VersionOf(report, to) is { } b
                ? TypedResults.Ok(ReportDiff.Compare(a, b))
                : TypedResults.NotFound());

        year.MapGet("/docx", async Task<Results<FileContentHttpResult, NotFound>> (int year, int? version, AnnualReports reports, CancellationToken ct) =>
            await reports.LoadAsync(year, ct) is { } report && AnnualReports.VersionOf(report, version) is { } v
                ? TypedResults.File(reports.Docx(report, v), WordDocument.ContentType, reports.DocxName(report, v))
                : TypedResults.NotFound());

        year.MapGet("/xlsx", async Task<Results<FileContentHttpResult, NotFound>> (int year, int? version, AnnualReports reports, CancellationToken ct) =>
            await reports.LoadAsync(year, ct) is { } report && AnnualReports.VersionOf(report, version) is { } v
                ? TypedResults.File(reports.Xlsx(v), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", reports.XlsxName(report, v))
                : TypedResults.NotFound());
    }

    private static void Step(RouteGroupBuilder year, string step, string permission, Func<AnnualReports, int, ReportStepInput, CancellationToken, Task<bool>> run) =>
        year.MapPost($"/{step}", async Task<Results<Ok<ReportView>, NotFound>> (int year, ReportStepInput input, AnnualReports reports, CancellationToken ct) =>
            AnnualReports.IsYear(year) && await run(reports, year, input, ct) ? TypedResults.Ok(await reports.ViewAsync(year, ct)) : TypedResults.NotFound())
            .RequireAuthorization(permission);
}
