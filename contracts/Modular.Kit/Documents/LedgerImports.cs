using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Modular.Kit.Documents;

/// <summary>What an import took, or the rows that made it take nothing (<c>{imported, errors}</c>).</summary>
public sealed record LedgerImportResult(int Imported, IReadOnlyList<ImportRowError> Errors);

/// <summary>The all-or-nothing end of every register import, after a module has read its rows.</summary>
public static class LedgerImports
{
    /// <summary>
    /// Stages and saves the rows in one unit of work when the read found no bad row; otherwise takes nothing and
    /// answers the bad rows.
    /// </summary>
    public static async Task<LedgerImportResult> SaveAsync<TRow>(
        IDocumentSession session, (IReadOnlyList<TRow> Rows, IReadOnlyList<ImportRowError> Errors) read, Func<IReadOnlyList<TRow>, Task<int>> stage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stage);
        if (read.Errors.Count > 0)
        {
            return new(0, read.Errors);
        }

        var imported = await stage(read.Rows);
        await session.SaveChangesAsync(ct);
        return new(imported, []);
    }

    /// <summary>
    /// An import endpoint's answer: 400 naming the file when the upload is missing or too large, 400 problem details
    /// naming every bad row (<see cref="ImportProblems"/>), or 200 with the count.
    /// </summary>
    public static async Task<Results<Ok<LedgerImportResult>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        IFormFile? file, long maxBytes, Func<Stream, Task<LedgerImportResult>> import)
    {
        ArgumentNullException.ThrowIfNull(import);
        if (LedgerFiles.UploadRefusal(file, maxBytes) is { } refusal)
        {
            return TypedResults.ValidationProblem(refusal);
        }

        await using var stream = file!.OpenReadStream();
        var result = await import(stream);
        return result.Errors.Count > 0 ? ImportProblems.Refused(result.Errors) : TypedResults.Ok(result);
    }
}
