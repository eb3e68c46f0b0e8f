using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Modular.Contracts.Time;
using Modular.Kit.Documents;
using Modular.Modules.OpenGovernment.Shared;

namespace Modular.Modules.OpenGovernment.PowerList;

internal sealed record PowerItemHistoryEntry(DateOnly ValidFrom, DateOnly? ValidTo, string BeganBy, Guid BeganWithProposal, string? EndedBy, Guid? EndedWithProposal, string? EndReason, PowerItemView Item);

internal sealed record PowerItemDetail(string Code, DateOnly AsOf, PowerItemView? InForce, IReadOnlyList<PowerItemHistoryEntry> History);

internal sealed record ImportAnswer(Guid ProposalId, int Version, int Added, int Amended, int Unchanged);

/// <summary>The list's HTTP API, under /api/t/{township}/open-government/power-list.</summary>
internal static class PowerListEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var list = api.MapGroup("/power-list");
        list.MapGet("", AsOfAsync).RequireAuthorization(Permissions.PowerListRead);
        list.MapGet("/changes", ChangesAsync).RequireAuthorization(Permissions.PowerListRead);
        list.MapGet("/items/{code}", ItemAsync).RequireAuthorization(Permissions.PowerListRead);
        list.MapGet("/proposals", ProposalsAsync).RequireAuthorization(Permissions.PowerListRead);
        list.MapGet("/proposals/{id:guid}", ProposalAsync).RequireAuthorization(Permissions.PowerListRead);
        list.MapPost("/proposals", ProposeAsync).RequireAuthorization(Permissions.PowerListPropose);
        list.MapPost("/proposals/{id:guid}/approve", ApproveAsync).RequireAuthorization(Permissions.PowerListApprove);
        list.MapPost("/proposals/{id:guid}/reject", RejectAsync).RequireAuthorization(Permissions.PowerListApprove);
        list.MapGet("/template.xlsx", () => TypedResults.File(PowerListWorkbook.Template(), PowerListWorkbook.ContentType, "权责清单导入模板.xlsx"))
            .RequireAuthorization(Permissions.PowerListRead);
        list.MapGet("/export.xlsx", ExportAsync).RequireAuthorization(Permissions.PowerListRead);
        // The file is read from the request by hand: the API is called with the session cookie (SameSite=Lax), like its JSON posts.
        list.MapPost("/import", ImportAsync).RequireAuthorization(Permissions.PowerListPropose).DisableAntiforgery();
        list.MapPost("/demo", DemoAsync).RequireAuthorization(Permissions.PowerListPropose);
    }

    private static async Task<Results<Ok<PowerListAsOf>, ValidationProblem>> AsOfAsync(string? asOf, string? category, IQuerySession session, IStatutoryClock clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var date = PowerListDates.Parse(asOf, "asOf", errors) ?? clock.Today;
        if (category is not null && !PowerItemRules.Categories.Contains(category))
        {
            errors["category"] = [$"类别须为：{string.Join("、", PowerItemRules.Categories)} / Unknown category."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await PowerListQueries.AsOfAsync(session, date, category, ct));
    }

    private static async Task<Results<Ok<PowerListChanges>, ValidationProblem>> ChangesAsync(string? from, string? to, IQuerySession session, IStatutoryClock clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = PowerListDates.Parse(from, "from", errors, required: true);
        var end = PowerListDates.Parse(to, "to", errors) ?? clock.Today;
        if (start > end)
        {
            errors["to"] = ["截止日期不得早于起始日期 / 'to' must not be before 'from'."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await PowerListQueries.ChangesAsync(session, start!.Value, end, ct));
    }

    private static async Task<Results<Ok<PowerItemDetail>, NotFound, ValidationProblem>> ItemAsync(string code, string? asOf, IQuerySession session, IStatutoryClock clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var date = PowerListDates.Parse(asOf, "asOf", errors) ?? clock.Today;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var detail = Detail(code, date, await PowerListQueries.HistoryAsync(session, code, ct));
        return detail is null ? TypedResults.NotFound() : TypedResults.Ok(detail);
    }

    /// <summary>The item as of <paramref name="date"/> with its whole history, or null for a code never listed.</summary>
    public static PowerItemDetail? Detail(string code, DateOnly date, IReadOnlyList<PowerItemVersion> history)
    {
        if (history.Count == 0)
        {
            return null;
        }

        var inForce = history.FirstOrDefault(v => v.InForceOn(date));
        return new PowerItemDetail(code, date, inForce is null ? null : PowerItemView.From(inForce), history
            .Select(v => new PowerItemHistoryEntry(v.ValidFrom, v.ValidTo == PowerItemVersion.Open ? null : v.ValidTo, v.BeganBy, v.BeganWithProposal, v.EndedBy, v.EndedWithProposal, v.EndReason, PowerItemView.From(v)))
            .ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<PowerListProposal>>, ValidationProblem>> ProposalsAsync(string? status, IQuerySession session, CancellationToken ct)
    {
        if (status is not null and not (PowerListProposal.Pending or PowerListProposal.Approved or PowerListProposal.Rejected))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["状态须为 pending、approved 或 rejected / Unknown status."] });
        }

        return TypedResults.Ok(await PowerListQueries.ProposalsAsync(session, status, ct));
    }

    private static async Task<Results<Ok<PowerListProposal>, NotFound>> ProposalAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<PowerListProposal>(id, ct) is { } proposal ? TypedResults.Ok(proposal) : TypedResults.NotFound();

    private static async Task<Created<PowerListProposal>> ProposeAsync(ProposeChanges request, PowerListDesk desk, CancellationToken ct)
    {
        var proposal = await desk.ProposeAsync(request, "form", ct);
        return TypedResults.Created($"power-list/proposals/{proposal.Id}", proposal);
    }

    private static Task<IResult> ApproveAsync(Guid id, DecideProposal decision, PowerListDesk desk, CancellationToken ct) =>
        Decided(() => desk.ApproveAsync(id, decision, ct));

    private static Task<IResult> RejectAsync(Guid id, DecideProposal decision, PowerListDesk desk, CancellationToken ct) =>
        Decided(() => desk.RejectAsync(id, decision, ct));

    /// <summary>The proposal as decided, 404 when it is not this township's, 409 when it no longer awaits a decision or no longer fits the list.</summary>
    private static Task<IResult> Decided(Func<Task<PowerListProposal?>> decide) =>
        Refusals.AnswerAsync(async () => await decide() is { } proposal ? TypedResults.Ok(proposal) : TypedResults.NotFound());

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(string? asOf, IQuerySession session, IStatutoryClock clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var date = PowerListDates.Parse(asOf, "asOf", errors) ?? clock.Today;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var versions = await PowerListQueries.InForceAsync(session, date, ct);
        var bytes = PowerListWorkbook.Write(versions.Select(v => v.Item), versions.ToDictionary(v => v.Code, v => v.ValidFrom));
        return TypedResults.File(bytes, PowerListWorkbook.ContentType, $"权责清单_{PowerListDates.Show(date)}.xlsx");
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, PowerListImporter importer, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请以 multipart/form-data 上传 .xlsx 文件 / Upload the .xlsx file as multipart/form-data."] });
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        var errors = new Dictionary<string, string[]>();
        if (file is null || file.Length == 0)
        {
            errors["file"] = ["请选择要导入的 .xlsx 文件 / Choose the .xlsx file to import."];
        }
        else if (file.Length > PowerListImporter.MaxBytes)
        {
            errors["file"] = ["文件不得超过10MB / The file is larger than 10 MB."];
        }

        if (errors.Count > 0)
        {
            PowerListDates.Parse(form["effectiveOn"], "effectiveOn", errors, required: true);
            return TypedResults.ValidationProblem(errors);
        }

        await using var stream = new MemoryStream();
        await file!.CopyToAsync(stream, ct);
        stream.Position = 0;
        var outcome = await importer.ImportAsync(stream, file.FileName, form["effectiveOn"], form["title"], ct);
        if (outcome.Proposal is { } proposal)
        {
            return TypedResults.Created($"power-list/proposals/{proposal.Id}", new ImportAnswer(proposal.Id, proposal.Version, outcome.Added, outcome.Amended, outcome.Unchanged));
        }

        return ImportProblems.Refused(outcome.RowErrors, outcome.FieldErrors, "导入失败，未导入任何事项 / Nothing was imported.");
    }

    private static async Task<Ok<DemoAnswer>> DemoAsync(PowerListDemo demo, CancellationToken ct) =>
        TypedResults.Ok(new DemoAnswer(await demo.SeedHistoryAsync(ct)));
}

internal sealed record DemoAnswer(bool Seeded);
