using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LegalServices.Counsel.Reviews;

/// <summary>A file's bytes, kept in PostgreSQL beside the review (every host instance serves the same file).</summary>
internal sealed class ReviewFile
{
    public Guid Id { get; set; }

    public Guid ReviewId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];
}

internal sealed class AttachReviewFileInput : CounselStepInput
{
    public string? FileName { get; set; }

    [LongText(TextLimits.FileContent)]
    public string? ContentBase64 { get; set; }
}

/// <summary>Art 26's materials as files, attached to the version awaiting its opinion: documents only, 10 MB at most, 20 a version.</summary>
internal static class ReviewFiles
{
    public const string Step = "files";
    public const int MaxPerRound = 20;

    public static IReadOnlyList<object> Decide(LegalityReview r, ReviewFileAttached? file, InputErrors errors)
    {
        LegalityReview.Steps.Expect(r, Step, errors);
        if (r.Files.Count(f => f.Round == r.Latest.Round) >= MaxPerRound)
        {
            errors.Add("fileName", $"每一稿最多附{MaxPerRound}个文件", $"At most {MaxPerRound} files a version.");
        }

        return errors.Any ? [] : [file!];
    }

    public static async Task<bool> AttachAsync(CounselStepContext context, Guid id, AttachReviewFileInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var read = DocumentFiles.Read(errors, "fileName", input.FileName, "contentBase64", input.ContentBase64);
        var fileId = Guid.CreateVersion7();
        var attached = read is { } f ? new ReviewFileAttached(fileId, f.Name, f.ContentType, f.Content.Length, context.Now, context.User.DisplayName) : null;
        if (read is { } file)
        {
            // Staged in the same unit of work as the event: saved together or not at all.
            context.Session.Store(new ReviewFile { Id = fileId, ReviewId = id, FileName = file.Name, ContentType = file.ContentType, Content = file.Content });
        }

        return await context.Session.RunStepAsync<LegalityReview>(id, input.Version, errors, r => Decide(r, attached, errors), ct);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(Guid id, Guid fileId, CounselQueries queries, IQuerySession session, CancellationToken ct) =>
        await queries.LoadReviewAsync(id, ct) is { } review && review.Files.Any(f => f.Id == fileId) && await session.LoadAsync<ReviewFile>(fileId, ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();
}
