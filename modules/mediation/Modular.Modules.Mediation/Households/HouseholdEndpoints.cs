using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.PersonalData;
using Modular.Kit.Records;
using Modular.Kit.Steps;
using SpecialGroups = Modular.Modules.Mediation.Shared.SpecialGroups;

namespace Modular.Modules.Mediation.Households;

internal sealed record ImportAnswer(int Households, int Members);

/// <summary>The ledger's API: what the pages offer, as JSON; every change answers the household as it now stands.</summary>
internal static class HouseholdEndpoints
{
    public static async Task<Results<Ok<LedgerView>, ValidationProblem>> ListAsync(string? village, string? specialGroup, string? q, string? closed, int? page, HouseholdQueries queries, CancellationToken ct)
    {
        var group = SpecialGroups.Parse(specialGroup);
        if (!string.IsNullOrWhiteSpace(specialGroup) && group is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["specialGroup"] = ["特殊群体无效 / The special group is not one of the choices."] });
        }

        return TypedResults.Ok(await queries.ListAsync(new LedgerFilter(village, group, q, closed == "true"), page ?? 1, ct));
    }

    public static async Task<Results<Ok<HouseholdView>, NotFound>> GetAsync(Guid id, HouseholdQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, HouseholdQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    public static async Task<Ok<IReadOnlyList<SpecialGroupList>>> SpecialGroupsAsync(HouseholdQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.SpecialGroupListsAsync(ct));

    public static async Task<Results<Created<RegisteredHousehold>, ValidationProblem>> RegisterAsync(string township, HouseholdInput input, HouseholdLedger ledger, CancellationToken ct)
    {
        try
        {
            var registered = await ledger.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/t/{township}/mediation/households/{registered.Id}", registered);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }

    /// <summary>Runs one change; answers the household's new state, 404 when it (or the member) is not this township's, 400 with every bad field.</summary>
    public static Task<Results<Ok<HouseholdView>, NotFound, ValidationProblem>> ChangeAsync(Guid id, Func<Task<bool>> change, HouseholdQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(change, () => queries.GetAsync(id, ct));

    /// <summary>One field of one member in clear, for the reason given (the API's policy has checked the permission); 404 for another township's.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealAsync(
        Guid id, Guid memberId, RevealRequest request, HouseholdQueries queries, IPersonalDataGuard guard, CancellationToken ct)
    {
        if (await queries.LoadAsync(id, ct) is not { } household || household.Find(memberId) is not { } member)
        {
            return TypedResults.NotFound();
        }

        return await Reveals.AnswerAsync(request, kind => household.PersonalData(member, kind), household.Subject(member), guard, ct);
    }

    /// <summary>The ledger as .xlsx, masked; with <c>full=true</c> and a reason, in clear for a user allowed to (403 otherwise).</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(string? full, string? reason, HouseholdExport export, CancellationToken ct)
    {
        if (full != "true")
        {
            return TypedResults.File(await export.MaskedAsync(ct), Workbook.ContentType, export.FileName(full: false));
        }

        try
        {
            return TypedResults.File(await export.FullAsync(reason, ct), Workbook.ContentType, export.FileName(full: true));
        }
        catch (UnauthorizedAccessException refused)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权完整导出 / Not allowed", detail: refused.Message);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }

    public static FileContentHttpResult Template() =>
        TypedResults.File(HouseholdWorkbook.Template(), Workbook.ContentType, "人口信息台帐_导入模板.xlsx");

    /// <summary>Imports a workbook (multipart field <c>file</c>); one bad row and nothing is imported, every bad row named.</summary>
    public static async Task<Results<Ok<ImportAnswer>, ValidationProblem, ProblemHttpResult>> ImportAsync(HttpRequest request, ImportHouseholds importer, CancellationToken ct)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        if (file is null || file.Length == 0 || file.Length > HouseholdWorkbook.MaxBytes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请以 multipart/form-data 上传不超过10MB的 .xlsx 文件 / Upload an .xlsx file of at most 10 MB as multipart/form-data."] });
        }

        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var outcome = await importer.ImportAsync(stream, ct);
        if (outcome.Errors.Count == 0)
        {
            return TypedResults.Ok(new ImportAnswer(outcome.Households, outcome.Members));
        }

        return ImportProblems.Refused(outcome.Errors);
    }
}
