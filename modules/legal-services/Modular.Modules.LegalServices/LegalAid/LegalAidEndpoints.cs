using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Mediation;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.PersonalData;
using Modular.Kit.Records;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>A reveal of the means details: a reason only (there is one such field per application).</summary>
internal sealed class MeansRevealRequest
{
    public string? Reason { get; set; }
}

/// <summary>The staff API of the legal-aid register: reads, the register's file, reveals, figures, settings.</summary>
internal static class LegalAidEndpoints
{
    public static RegisterFilter? Filter(InputErrors errors, string? state, string? matter, string? from, string? to, bool? waiting)
    {
        var s = errors.Choice<ApplicationState>("state", state, "状态", "state", required: false);
        var m = errors.Choice<LegalAidMatter>("matter", matter, "申请事项", "matter", required: false);
        var start = errors.Day("from", from);
        var end = errors.Day("to", to);
        if (start is { } a && end is { } b && b < a)
        {
            errors.Add("to", "结束日期不能早于开始日期", "The end cannot precede the start.");
        }

        return errors.Any ? null : new RegisterFilter(s, m, start, end, waiting == true);
    }

    public static async Task<Results<Ok<RegisterPage>, ValidationProblem>> RegisterAsync(
        string? state, string? matter, string? from, string? to, bool? waiting, int? page, LegalAidQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = Filter(errors, state, matter, from, to, waiting);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await queries.RegisterAsync(filter!, page ?? 1, ct));
    }

    public static async Task<Results<Ok<ApplicationView>, NotFound>> GetAsync(Guid id, LegalAidQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, LegalAidQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    /// <summary>One field of the applicant in clear, for a user allowed to see it who gives a reason; audited.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealApplicantAsync(
        Guid id, RevealRequest input, LegalAidQueries queries, IPersonalDataGuard guard, CancellationToken ct)
    {
        var a = await queries.LoadAsync(id, ct);
        return a is null
            ? TypedResults.NotFound()
            : await Reveals.AnswerAsync(input, RevealFields.Of(a.Applicant.IdNumber, a.Applicant.Phone, a.Applicant.Address), Subject(a, a.Applicant.Name), guard, ct);
    }

    /// <summary>The representative's phone in clear (Art 40), with a reason; audited.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealRepresentativeAsync(
        Guid id, RevealRequest input, LegalAidQueries queries, IPersonalDataGuard guard, CancellationToken ct)
    {
        var a = await queries.LoadAsync(id, ct);
        return a?.Representative is not { } r
            ? TypedResults.NotFound()
            : await Reveals.AnswerAsync(input, RevealFields.Of(null, r.Phone, null), Subject(a, r.Name), guard, ct);
    }

    /// <summary>
    /// The means details in clear, with a reason, recorded by the guard as a reveal of means (who, whose, when, why;
    /// never the value), listed with the other reveals and in the county's security audit.
    /// </summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealMeansAsync(
        Guid id, MeansRevealRequest input, LegalAidQueries queries, IPersonalDataGuard guard, CancellationToken ct)
    {
        var a = await queries.LoadAsync(id, ct);
        if (a is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new InputErrors();
        var reason = errors.Required("reason", input.Reason, "查看理由", "Reason", Reveals.MaxReasonLength);
        if (a.MeansDetails is null)
        {
            errors.Add("field", "没有登记此项", "There is no such value on record.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        await guard.RevealAsync(PersonalDataKind.Means, a.MeansDetails!, Subject(a, a.Applicant.Name), reason!, ct);
        return TypedResults.Ok(new Revealed("MeansDetails", a.MeansDetails!));
    }

    public static string Subject(LegalAidApplication a, string name) => $"法律援助申请 {(a.Number.Length > 0 ? a.Number : "转介草稿")} / {name}";

    /// <summary>The register as .xlsx, masked; in full only for a user allowed to reveal, with a reason, audited.</summary>
    public static async Task<Results<FileStreamHttpResult, ValidationProblem, ForbidHttpResult>> ExportAsync(
        string? state, string? matter, string? from, string? to, bool? waiting, bool? full, string? reason,
        LegalAidQueries queries, LegalAidClock clock, IPersonalDataGuard guard, ICurrentUser user, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = Filter(errors, state, matter, from, to, waiting);
        if (full == true && !user.HasPermission(Permissions.PersonalDataReveal))
        {
            return TypedResults.Forbid();
        }

        if (full == true)
        {
            errors.Required("reason", reason, "完整导出个人信息的理由", "Reason for a full export", Reveals.MaxReasonLength);
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var applications = await queries.AllAsync(filter!, ct);
        if (full == true)
        {
            await guard.RecordFullExportAsync("法律援助申请登记台帐 完整导出", applications.Count, reason!, ct);
        }

        var file = new MemoryStream();
        Workbook.Write(file, LegalAidWorkbook.SheetName, LegalAidWorkbook.Columns, LegalAidWorkbook.Rows(applications, full == true, guard));
        file.Position = 0;
        var name = string.Create(CultureInfo.InvariantCulture, $"legal-aid-register-{clock.Today:yyyyMMdd}{(full == true ? "-full" : "")}.xlsx");
        return TypedResults.File(file, Workbook.ContentType, name);
    }

    public static async Task<Results<Ok<LegalAidFigureSet>, ValidationProblem>> FiguresAsync(string? from, string? to, LegalAidFigures figures, LegalAidClock clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var period = Period.Read(from, to, clock.Today, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await figures.ForPeriodAsync(period, ct));
    }

    public static async Task<Ok<LegalAidSettings>> SettingsAsync(LegalAidSettingsStore settings, CancellationToken ct) => TypedResults.Ok(await settings.GetAsync(ct));

    public static async Task<Results<Ok<LegalAidSettings>, ValidationProblem>> SetSettingsAsync(
        LegalAidSettingsInput input, LegalAidSettingsStore store, IQuerySession session, ITownshipContext township, CancellationToken ct)
    {
        try
        {
            await store.SetAsync(input, ct);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }

        return TypedResults.Ok((await session.LoadAsync<LegalAidSettings>(LegalAidSettings.StreamId(township.Required.Slug), ct))!);
    }
}
