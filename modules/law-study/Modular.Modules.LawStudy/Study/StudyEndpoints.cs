using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.Records;
using Modular.Kit.Steps;
using Modular.Modules.LawStudy.Study.Steps;

namespace Modular.Modules.LawStudy.Study;

/// <summary>The study API: reads, the steps of a session, its materials, the hours and the figures.</summary>
internal static class StudyEndpoints
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>The year asked for (this year when none), or null with the field named.</summary>
    public static int? Year(int? year, DateOnly today, InputErrors errors)
    {
        if (year is null)
        {
            return today.Year;
        }

        return errors.Number("year", year, "年度", "Year", FirstYear, LastYear);
    }

    public static async Task<Results<Ok<IReadOnlyList<StudySessionRow>>, ValidationProblem>> ListAsync(
        int? year, string? kind, bool? includeCancelled, StudyQueries queries, StudyHours hours, CancellationToken ct)
    {
        var errors = new InputErrors();
        var y = Year(year, hours.Today, errors);
        var k = errors.Choice<StudyKind>("kind", kind, "学习形式", "kind of session", required: false);
        return errors.Any
            ? TypedResults.ValidationProblem(errors.ToDictionary())
            : TypedResults.Ok(await queries.ListAsync(new StudyFilter(y!.Value, k, includeCancelled ?? false), ct));
    }

    public static async Task<Results<Ok<StudySessionView>, NotFound>> GetAsync(Guid id, StudyQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, StudyQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    public static Task<Results<Ok<StudySessionView>, NotFound, ValidationProblem>> AttendanceAsync(
        Guid id, TakeAttendanceInput input, TakeAttendance step, StudyQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => queries.GetAsync(id, ct));

    public static Task<Results<Ok<StudySessionView>, NotFound, ValidationProblem>> AttachAsync(
        Guid id, AttachMaterialInput input, AttachMaterial step, StudyQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => queries.GetAsync(id, ct));

    public static Task<Results<Ok<StudySessionView>, NotFound, ValidationProblem>> RemoveMaterialAsync(
        Guid id, RemoveMaterialInput input, StudyStepContext context, StudyQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(() => RemoveMaterial.RunAsync(context, id, input, ct), () => queries.GetAsync(id, ct));

    public static Task<Results<Ok<StudySessionView>, NotFound, ValidationProblem>> CancelAsync(
        Guid id, CancelStudySessionInput input, StudyStepContext context, StudyQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(() => CancelStudySession.RunAsync(context, id, input, ct), () => queries.GetAsync(id, ct));

    /// <summary>A material of the session, served so a browser can never run it: its own type, nosniff, a CSP that allows nothing.</summary>
    public static async Task<IResult> MaterialAsync(Guid id, Guid materialId, StudyQueries queries, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        if (await queries.LoadAsync(id, ct) is not { } s || s.Materials.All(m => m.Id != materialId)
            || await session.LoadAsync<StoredStudyMaterial>(materialId, ct) is not { } file)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(DocumentFiles.IsInline(file.ContentType) ? "inline" : "attachment")
        {
            FileNameStar = file.FileName,
            FileName = "material" + Path.GetExtension(file.FileName),
        }.ToString();
        return TypedResults.Bytes(file.Content, file.ContentType);
    }

    public static async Task<Results<Ok<IReadOnlyList<PersonHours>>, ValidationProblem>> HoursAsync(
        int? year, string? department, bool? behind, StudyHours hours, CancellationToken ct)
    {
        var errors = new InputErrors();
        var y = Year(year, hours.Today, errors);
        var d = errors.Optional("department", department, "部门", "Department", 50);
        return errors.Any
            ? TypedResults.ValidationProblem(errors.ToDictionary())
            : TypedResults.Ok(await hours.ForYearAsync(new HoursFilter(y!.Value, d, behind ?? false), ct));
    }

    public static async Task<Results<Ok<MyStudy>, ValidationProblem>> MineAsync(int? year, StudyHours hours, CancellationToken ct)
    {
        var errors = new InputErrors();
        var y = Year(year, hours.Today, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await hours.MineAsync(y!.Value, ct));
    }

    public static async Task<Results<Ok<StudyFigureSet>, ValidationProblem>> FiguresAsync(int? year, StudyFigures figures, StudyHours hours, CancellationToken ct)
    {
        var errors = new InputErrors();
        var y = Year(year, hours.Today, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await figures.ForYearAsync(y!.Value, ct));
    }
}
