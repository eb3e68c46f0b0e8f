using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.PersonalData;
using Modular.Kit.Records;

namespace Modular.Modules.Mediation.Disputes;

internal sealed record ImportResult(int Imported, IReadOnlyList<ImportRowError> Errors);

/// <summary>The staff API of the dispute ledger: reads, the ledger's files, a party's audited reveal, the settings.</summary>
internal static class DisputeEndpoints
{
    public static async Task<Results<Ok<LedgerPage>, ValidationProblem>> LedgerAsync(
        string? state, string? category, string? village, string? mediator, string? from, string? to, bool? open, Guid? household, int? page,
        DisputeQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = Filter(errors, state, category, village, mediator, from, to, open);
        return errors.Any
            ? TypedResults.ValidationProblem(errors.ToDictionary())
            : TypedResults.Ok(await queries.LedgerAsync(filter! with { Household = household }, page ?? 1, ct));
    }

    /// <summary>Reads the ledger's filters from query text; bad ones are named in <paramref name="errors"/>.</summary>
    public static DisputeFilter? Filter(InputErrors errors, string? state, string? category, string? village, string? mediator, string? from, string? to, bool? open)
    {
        var s = errors.Choice<DisputeState>("state", state, "状态", "state", required: false);
        var start = errors.Day("from", from);
        var end = errors.Day("to", to);
        if (start is { } a && end is { } b && b < a)
        {
            errors.Add("to", "结束日期不能早于开始日期", "The end cannot precede the start.");
        }

        return errors.Any ? null : new DisputeFilter(s, Blank(category), Blank(village), Blank(mediator), start, end, open == true);
    }

    public static async Task<Results<Ok<DisputeFigureSet>, ValidationProblem>> FiguresAsync(string? from, string? to, DisputeFigures figures, DisputeClock clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var period = Period.Read(from, to, clock.Today, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await figures.ForPeriodAsync(period.From, period.To, ct));
    }

    public static async Task<Results<Ok<DisputeView>, NotFound>> GetAsync(Guid id, DisputeQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, DisputeQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();


    /// <summary>One field of one party in clear, for a user allowed to see it who gives a reason; audited.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealAsync(
        Guid id, int index, RevealRequest input, DisputeQueries queries, IPersonalDataGuard guard, CancellationToken ct)
    {
        var dispute = await queries.LoadAsync(id, ct);
        if (dispute is null || index < 0 || index >= dispute.Parties.Count)
        {
            return TypedResults.NotFound();
        }

        var party = dispute.Parties[index];
        return await Reveals.AnswerAsync(input, party.Personal, $"纠纷 {dispute.Number} / {party.Name}", guard, ct);
    }

    /// <summary>The ledger as .xlsx, masked; in full only for a user allowed to reveal, with a reason, audited.</summary>
    public static async Task<Results<FileStreamHttpResult, ValidationProblem, ForbidHttpResult>> ExportAsync(
        string? state, string? category, string? village, string? mediator, string? from, string? to, bool? open, bool? full, string? reason,
        DisputeQueries queries, DisputeSettingsReader settings, DisputeClock clock, IPersonalDataGuard guard, ICurrentUser user, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = Filter(errors, state, category, village, mediator, from, to, open);
        if (full == true && !user.HasPermission(Permissions.PersonalDataReveal))
        {
            return TypedResults.Forbid();
        }

        if (full == true)
        {
            errors.Required("reason", reason, "完整导出个人信息的理由", "Reason for a full export", 500);
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var disputes = await queries.AllAsync(filter!, ct);
        if (full == true)
        {
            await guard.RecordFullExportAsync("矛盾纠纷台帐 完整导出", disputes.Count, reason!, ct);
        }

        Func<PersonalDataKind, string?, string> show = full == true ? (_, v) => v ?? "" : (k, v) => guard.Mask(k, v);
        var file = new MemoryStream();
        Workbook.Write(file, DisputeLedgerWorkbook.SheetName, DisputeLedgerWorkbook.Columns, DisputeLedgerWorkbook.Rows(disputes, await settings.GetAsync(ct), show));
        file.Position = 0;
        var name = string.Create(CultureInfo.InvariantCulture, $"dispute-ledger-{clock.Today:yyyyMMdd}{(full == true ? "-full" : "")}.xlsx");
        return TypedResults.File(file, Workbook.ContentType, name);
    }

    public static FileContentHttpResult Template() =>
        TypedResults.File(Workbook.Write(DisputeLedgerWorkbook.SheetName, DisputeLedgerWorkbook.Columns, []), Workbook.ContentType, "dispute-ledger-template.xlsx");

    public static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(IFormFile? file, DisputeLedgerImport import, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请选择要导入的 .xlsx 文件 / Choose an .xlsx file to import."] });
        }

        if (file.Length > DisputeLedgerWorkbook.MaxFileBytes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["文件不能超过10 MB / The file is larger than 10 MB."] });
        }

        await using var stream = file.OpenReadStream();
        var (imported, errors) = await import.ImportAsync(stream, ct);
        return errors.Count > 0 ? ImportProblems.Refused(errors) : TypedResults.Ok(new ImportResult(imported, []));
    }

    public static async Task<Ok<DisputeSettings>> SettingsAsync(DisputeSettingsReader settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAsync(ct));

    public static async Task<Results<Ok<DisputeSettings>, ValidationProblem>> ChangeSettingsAsync(
        Func<Task> change, DisputeSettingsReader settings, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }

        return TypedResults.Ok(await settings.ReloadAsync(ct));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
