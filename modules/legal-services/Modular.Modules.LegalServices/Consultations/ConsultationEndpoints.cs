using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.PersonalData;
using Modular.Kit.Records;

namespace Modular.Modules.LegalServices.Consultations;


/// <summary>The staff API of the register: reads, the register's files, a person's audited reveal, the figures.</summary>
internal static class ConsultationEndpoints
{
    public static async Task<Results<Ok<ConsultationListPage>, ValidationProblem>> ListAsync(
        string? channel, string? topic, string? state, string? window, string? from, string? to, bool? open, bool? overdue, int? page,
        ConsultationQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = ConsultationFilter.Read(errors, channel, topic, state, window, from, to, open, overdue);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await queries.ListAsync(filter, page ?? 1, ct));
    }

    public static async Task<Results<Ok<ConsultationView>, NotFound>> GetAsync(Guid id, ConsultationQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, ConsultationQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    /// <summary>One field of the person in clear, for a user allowed to reveal who gives a reason; audited by the guard.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealAsync(
        Guid id, RevealRequest request, ConsultationQueries queries, IPersonalDataGuard guard, CancellationToken ct) =>
        await queries.LoadAsync(id, ct) is { } c
            ? await Reveals.AnswerAsync(request, RevealFields.Of(c.IdNumber, c.Phone, c.Address), c.Subject(), guard, ct)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<ConsultationFigureSet>, ValidationProblem>> FiguresAsync(
        string? from, string? to, ConsultationFigures figures, ConsultationClock clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var period = Period.Read(from, to, clock.Today, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await figures.ForPeriodAsync(period, ct));
    }

    /// <summary>The register as .xlsx, masked; in full only for a user allowed to reveal, with a reason, audited first.</summary>
    public static async Task<Results<FileStreamHttpResult, ValidationProblem, ForbidHttpResult>> ExportAsync(
        string? channel, string? topic, string? state, string? window, string? from, string? to, bool? open, bool? overdue, bool? full, string? reason,
        ConsultationQueries queries, ConsultationClock clock, IPersonalDataGuard guard, ICurrentUser user, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = ConsultationFilter.Read(errors, channel, topic, state, window, from, to, open, overdue);
        if (!LedgerFiles.FullExportAllowed(full == true, reason, user.HasPermission(Permissions.PersonalDataReveal), errors))
        {
            return TypedResults.Forbid();
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var consultations = await queries.AllAsync(filter, ct);
        if (full == true)
        {
            await guard.RecordFullExportAsync("法律咨询登记 完整导出", consultations.Count, reason!, ct);
        }

        Func<PersonalDataKind, string?, string> show = full == true ? (_, v) => v ?? "" : (k, v) => v is null ? "" : guard.Mask(k, v);
        var file = new MemoryStream();
        Workbook.Write(file, ConsultationWorkbook.SheetName, ConsultationWorkbook.Columns, ConsultationWorkbook.Rows(consultations, show));
        file.Position = 0;
        var name = string.Create(CultureInfo.InvariantCulture, $"consultations-{clock.Today:yyyyMMdd}{(full == true ? "-full" : "")}.xlsx");
        return TypedResults.File(file, Workbook.ContentType, name);
    }

    public static FileContentHttpResult Template() =>
        TypedResults.File(Workbook.Write(ConsultationWorkbook.SheetName, ConsultationWorkbook.Columns, []), Workbook.ContentType, "consultations-template.xlsx");

    public static Task<Results<Ok<LedgerImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(IFormFile? file, ConsultationImport import, CancellationToken ct) =>
        LedgerImports.AnswerAsync(file, ConsultationWorkbook.MaxFileBytes, stream => import.ImportAsync(stream, ct));
}

/// <summary>Imports an existing register: all rows or none, every bad row named.</summary>
internal sealed class ConsultationImport(IDocumentSession session, ConsultationSettingsStore settings, TimeProvider time)
{
    public async Task<LedgerImportResult> ImportAsync(Stream file, CancellationToken ct) =>
        await LedgerImports.SaveAsync(session, ConsultationWorkbook.Read(file, time.GetUtcNow(), await settings.GetAsync(ct)), rows => ConsultationWorkbook.StageAsync(session, rows, ct), ct);
}
