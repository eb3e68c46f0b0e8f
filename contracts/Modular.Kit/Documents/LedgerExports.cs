using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;

namespace Modular.Kit.Documents;

/// <summary>
/// The two ends of a ledger's files once <see cref="LedgerFiles"/> let them through: an export written masked, or in
/// full with the export recorded by the guard first; an import answered 200 or, when any row is bad, with every row
/// named (<see cref="ImportProblems"/>).
/// </summary>
public static class LedgerExports
{
    /// <summary>How a cell shows a person's value: in clear for a full export, masked otherwise (blank when there is none).</summary>
    public static Func<PersonalDataKind, string?, string> Show(bool full, IPersonalDataGuard guard) =>
        full ? (_, v) => v ?? "" : (k, v) => v is null ? "" : guard.Mask(k, v);

    /// <summary>Writes the sheet; a full export is recorded (what, how many, why) before a byte of it is written.</summary>
    public static async Task<FileStreamHttpResult> FileAsync<T>(
        IReadOnlyList<T> records, bool full, string? reason, string subject, IPersonalDataGuard guard, string sheetName, IReadOnlyList<string> columns,
        Func<IEnumerable<T>, Func<PersonalDataKind, string?, string>, IEnumerable<IReadOnlyList<object?>>> rows, string fileName, CancellationToken ct)
    {
        if (full)
        {
            await guard.RecordFullExportAsync(subject, records.Count, reason!, ct);
        }

        var file = new MemoryStream();
        Workbook.Write(file, sheetName, columns, rows(records, Show(full, guard)));
        file.Position = 0;
        return TypedResults.File(file, Workbook.ContentType, fileName);
    }

    /// <summary>An import's answer: the upload refused before it is read, every bad row named, or 200 with the result.</summary>
    public static async Task<Results<Ok<TResult>, ValidationProblem, ProblemHttpResult>> ImportAsync<TResult>(
        IFormFile? file, long maxBytes, Func<Stream, Task<TResult>> import, Func<TResult, IReadOnlyList<ImportRowError>> errors)
    {
        if (LedgerFiles.UploadRefusal(file, maxBytes) is { } refusal)
        {
            return TypedResults.ValidationProblem(refusal);
        }

        await using var stream = file!.OpenReadStream();
        var result = await import(stream);
        return errors(result) is { Count: > 0 } rows ? ImportProblems.Refused(rows) : TypedResults.Ok(result);
    }
}
