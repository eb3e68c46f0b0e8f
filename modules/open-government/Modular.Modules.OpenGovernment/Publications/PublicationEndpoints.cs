using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Modules.OpenGovernment.Shared;
using static Modular.Kit.Text;

namespace Modular.Modules.OpenGovernment.Publications;

internal sealed record DraftRequest(int ExpectedVersion, string? Title, string? Category, string? DocumentNumber, [property: LongText(TextLimits.RichText)] string? BodyHtml, DateOnly? MadeOn, string? Disclosure, string? NotDisclosedReason, string? IssuingOffice)
{
    // Not part of the body: without this the API description offered an "input" object that binding ignores.
    [System.Text.Json.Serialization.JsonIgnore]
    public PublicationInput Input => new(Title, Category, DocumentNumber, BodyHtml, MadeOn, Disclosure, NotDisclosedReason, IssuingOffice);
}

internal sealed record VersionRequest(int ExpectedVersion);

internal sealed record ReasonRequest(int ExpectedVersion, string? Reason);

internal sealed record ApproveRequest(int ExpectedVersion, bool ConfidentialityPassed, string? ConfidentialityOpinion, bool LegalityPassed, string? LegalityOpinion);

internal sealed record AttachmentRequest(int ExpectedVersion, string? FileName, [property: LongText(TextLimits.FileContent)] string? ContentBase64);

internal sealed record CategoryRequest(string? Name);

/// <summary>A publication as staff see it: the working copy, its state, reviews, versions and the Art 26 due date.</summary>
internal sealed record PublicationView(
    Guid Id, int Version, string State, PublicationContent Content, string Disclosure, IReadOnlyList<AttachmentRef> Attachments,
    IReadOnlyList<ReviewRecord> Reviews, IReadOnlyList<PublishedVersion> Versions, string? ReturnReason, string? WithdrawalReason, DateOnly? DueOn,
    bool DueOnProvisional)
{
    public static PublicationView Of(Publication p, IStatutoryClock clock)
    {
        var due = p.AwaitsPublication ? PublicationDeadlines.DueOn(p, clock) : null;
        return new(
            p.Id, p.Version, StateName(p.State), p.Content, PublicationInput.DisclosureName(p.Content.Disclosure), p.Attachments, p.Reviews, p.Versions,
            p.ReturnReason, p.WithdrawalReason, due?.Date, due?.IsProvisional == true);
    }

    public static string StateName(PublicationState s) => s switch
    {
        PublicationState.Draft => "draft",
        PublicationState.Submitted => "submitted",
        PublicationState.Returned => "returned",
        PublicationState.Published => "published",
        PublicationState.Filed => "filed",
        _ => "withdrawn",
    };
}

internal sealed record PublicationRow(Guid Id, int Version, string Title, string Category, string State, string Disclosure, DateOnly MadeOn, DateOnly? DueOn, bool DueOnProvisional);

internal static class PublicationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var read = api.MapGroup("/publications").RequireAuthorization(Permissions.PublicationsRead);
        read.MapGet("", ListAsync);
        read.MapGet("/{id:guid}", GetAsync);
        read.MapGet("/{id:guid}/versions/{number:int}", GetVersionAsync);
        read.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync);
        read.MapGet("/categories", async (IQuerySession session, CancellationToken ct) => TypedResults.Ok(await Catalogue.CategoriesAsync(session, ct)));

        var write = api.MapGroup("/publications").RequireAuthorization(Permissions.PublicationsWrite);
        write.MapPost("", DraftAsync);
        write.MapPut("/{id:guid}", (Guid id, DraftRequest r, PublicationWorkflow w, CancellationToken ct) => Answer(w.EditAsync(id, r.ExpectedVersion, r.Input, ct)));
        write.MapPost("/{id:guid}/attachments", AttachAsync);
        write.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", (Guid id, Guid attachmentId, int expectedVersion, PublicationWorkflow w, CancellationToken ct) =>
            Answer(w.RemoveAttachmentAsync(id, expectedVersion, attachmentId, ct)));
        write.MapPost("/{id:guid}/submit", (Guid id, VersionRequest r, PublicationWorkflow w, CancellationToken ct) => Answer(w.SubmitAsync(id, r.ExpectedVersion, ct)));
        write.MapPost("/{id:guid}/revise", (Guid id, DraftRequest r, PublicationWorkflow w, CancellationToken ct) => Answer(w.ReviseAsync(id, r.ExpectedVersion, r.Input, ct)));
        write.MapPost("/{id:guid}/withdraw", (Guid id, ReasonRequest r, PublicationWorkflow w, CancellationToken ct) => Answer(w.WithdrawAsync(id, r.ExpectedVersion, r.Reason, ct)));
        write.MapPost("/categories", AddCategoryAsync);

        var review = api.MapGroup("/publications").RequireAuthorization(Permissions.PublicationsReview);
        review.MapPost("/{id:guid}/approve", (Guid id, ApproveRequest r, PublicationWorkflow w, CancellationToken ct) =>
            Answer(w.ApproveAsync(id, r.ExpectedVersion, new ReviewInput(r.ConfidentialityPassed, r.ConfidentialityOpinion, r.LegalityPassed, r.LegalityOpinion), ct)));
        review.MapPost("/{id:guid}/return", (Guid id, ReasonRequest r, PublicationWorkflow w, CancellationToken ct) => Answer(w.ReturnAsync(id, r.ExpectedVersion, r.Reason, ct)));

        var normative = api.MapGroup("/normative-documents");
        normative.MapGet("", async (int? year, NormativeDocuments register, IStatutoryClock clock, CancellationToken ct) =>
            TypedResults.Ok(await register.RegisterForAsync(year ?? clock.Today.Year, ct))).RequireAuthorization(Permissions.PublicationsRead);
        normative.MapPost("", async Task<Created<IdAnswer>> (RegisterNormativeDocument r, NormativeDocuments register, CancellationToken ct) =>
        {
            var created = await register.RegisterAsync(r, ct);
            return TypedResults.Created($"normative-documents/{created}", new IdAnswer(created, 1));
        }).RequireAuthorization(Permissions.PublicationsWrite);
        normative.MapPost("/{id:guid}/repeal", (Guid id, RepealNormativeDocument r, NormativeDocuments register, CancellationToken ct) => Answer(register.RepealAsync(id, r, ct)))
            .RequireAuthorization(Permissions.PublicationsWrite);
        normative.MapPost("/none-made", async Task<NoContent> (DeclareNoneMade r, NormativeDocuments register, CancellationToken ct) =>
        {
            await register.DeclareNoneMadeAsync(r.Year, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.PublicationsWrite);
    }

    private static async Task<Ok<List<PublicationRow>>> ListAsync(string? state, string? category, IQuerySession session, IStatutoryClock clock, CancellationToken ct) =>
        TypedResults.Ok((await PublicationQueries.ListAsync(session, state, category, ct)).Select(p => Row(p, clock)).ToList());

    public static PublicationRow Row(Publication p, IStatutoryClock clock)
    {
        var due = p.AwaitsPublication ? PublicationDeadlines.DueOn(p, clock) : null;
        return new(
            p.Id, p.Version, p.Content.Title, p.Content.Category, PublicationView.StateName(p.State), PublicationInput.DisclosureName(p.Content.Disclosure), p.Content.MadeOn,
            due?.Date, due?.IsProvisional == true);
    }

    private static async Task<Results<Ok<PublicationView>, NotFound>> GetAsync(Guid id, IQuerySession session, IStatutoryClock clock, CancellationToken ct) =>
        await session.LoadAsync<Publication>(id, ct) is { } p ? TypedResults.Ok(PublicationView.Of(p, clock)) : TypedResults.NotFound();

    private static async Task<Results<Ok<PublishedVersion>, NotFound>> GetVersionAsync(Guid id, int number, IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<Publication>(id, ct))?.Versions.FirstOrDefault(v => v.Number == number) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    private static async Task<Created<IdAnswer>> DraftAsync(DraftRequest r, PublicationWorkflow w, CancellationToken ct)
    {
        var created = await w.DraftAsync(r.Input, ct);
        return TypedResults.Created($"publications/{created.Id}", created);
    }

    private static async Task<IResult> AttachAsync(Guid id, AttachmentRequest r, PublicationWorkflow w, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(r.ContentBase64 ?? "");
        }
        catch (FormatException)
        {
            throw new InputRejectedException(new Dictionary<string, string[]> { ["contentBase64"] = [T("文件内容须为 Base64 编码。", "The file content must be Base64.")] });
        }

        return await Answer(w.AddAttachmentAsync(id, r.ExpectedVersion, r.FileName, bytes, ct));
    }

    private static async Task<IResult> DownloadAsync(Guid id, Guid attachmentId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var publication = await session.LoadAsync<Publication>(id, ct);
        var known = publication is not null && (publication.Attachments.Any(a => a.Id == attachmentId) || publication.Versions.Any(v => v.Attachments.Any(a => a.Id == attachmentId)));
        return known && await session.LoadAsync<StoredAttachment>(attachmentId, ct) is { } file ? Serve(http, file) : TypedResults.NotFound();
    }

    /// <summary>Serves a stored file so a browser can never run it: its own type, nosniff, and a CSP that allows nothing.</summary>
    public static IResult Serve(HttpContext http, StoredAttachment file)
    {
        var inline = AttachmentFiles.IsInline(file.ContentType);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(inline ? "inline" : "attachment")
        {
            FileNameStar = file.FileName,
            FileName = AsciiName(file.FileName),
        }.ToString();
        return TypedResults.Bytes(file.Content, file.ContentType);
    }

    private static string AsciiName(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        var ascii = new string([.. Path.GetFileNameWithoutExtension(fileName).Where(c => c is >= ' ' and < (char)127 and not '"' and not '\\')]);
        return (string.IsNullOrWhiteSpace(ascii) ? "attachment" : ascii) + ext;
    }

    private static async Task<IResult> AddCategoryAsync(CategoryRequest r, IDocumentSession session, Contracts.Caching.ITownshipCache cache, ICurrentUser user, TimeProvider time, CancellationToken ct)
    {
        await Catalogue.AddAsync(session, cache, r.Name, user.UserName, time.GetUtcNow(), ct);
        return TypedResults.Ok(await Catalogue.CategoriesAsync(session, ct));
    }

    /// <summary>A step's answer: the new version, 404 for a record not in this township, 409 for a step the state does not allow.</summary>
    private static Task<IResult> Answer(Task<IdAnswer?> step) =>
        Refusals.AnswerAsync(async () => await step is { } done
            ? TypedResults.Ok(done)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: T("未找到", "Not found")));
}

internal sealed record IdAnswer(Guid Id, int Version);
