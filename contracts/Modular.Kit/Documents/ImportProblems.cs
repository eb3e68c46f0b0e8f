using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Modular.Kit.Documents;

/// <summary>
/// The one answer of an import that took nothing: 400 problem details whose <c>errors</c> name each bad row
/// (<c>"row 4": ["第4行 受理日期：…"]</c>, beside any field of the form) and whose <c>rows</c> carry every
/// <see cref="ImportRowError"/> as it is (row, column, message) for a client that lists them.
/// </summary>
public static class ImportProblems
{
    public const string NothingImported = "导入失败，未导入任何记录 / Nothing was imported.";

    public static ProblemHttpResult Refused(IReadOnlyList<ImportRowError> rows, IReadOnlyDictionary<string, string[]>? fieldErrors = null, string title = NothingImported)
    {
        var errors = new Dictionary<string, string[]>(fieldErrors ?? new Dictionary<string, string[]>(), StringComparer.Ordinal);
        foreach (var byRow in rows.GroupBy(e => e.Row))
        {
            errors[$"row {byRow.Key}"] = byRow.Select(e => $"第{e.Row}行 {e.Column}：{e.Message}").ToArray();
        }

        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Extensions = { ["rows"] = rows },
        });
    }
}
