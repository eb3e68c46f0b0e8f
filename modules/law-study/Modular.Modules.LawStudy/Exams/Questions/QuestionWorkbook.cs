using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Exams;

internal sealed record QuestionImportResult(int Imported, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// The question bank as organisers exchange it (the county's bank, another township's, last year's): one question per
/// row, the columns below, in .xlsx or in CSV as Excel on Windows saves it (GBK or UTF-8 with a mark; detected). The
/// export writes the import's template, so an export imports into another township as it is.
/// </summary>
internal static class QuestionWorkbook
{
    public const string SheetName = "题库";
    public const int MaxRows = 5000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private static readonly string[] OptionColumns = [.. Enumerable.Range(0, Question.MaxOptions).Select(i => $"选项{(char)('A' + i)}")];

    public static readonly IReadOnlyList<string> Columns = ["题库（法律）", "题型", "题干", .. OptionColumns, "答案", "解析"];

    private static readonly IReadOnlyList<string> Required = ["题库（法律）", "题型", "题干", "答案"];

    private static string? ColumnOf(string field) => field switch
    {
        "law" => "题库（法律）",
        "kind" => "题型",
        "text" => "题干",
        "answer" => "答案",
        "explanation" => "解析",
        "options" => "选项A",
        _ when field.StartsWith("options[", StringComparison.Ordinal) && int.TryParse(field[8..^1], CultureInfo.InvariantCulture, out var i) && i < OptionColumns.Length => OptionColumns[i],
        _ => null,
    };

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<Question> questions) =>
        questions.Select(q => (IReadOnlyList<object?>)
        [
            q.Law, Question.Label(q.Kind).Chinese, q.Text,
            .. Enumerable.Range(0, Question.MaxOptions).Select(i => q.Kind != QuestionKind.TrueFalse && i < q.Options.Count ? q.Options[i] : ""),
            q.Kind == QuestionKind.TrueFalse ? Question.TrueFalseOptions[q.Answer.FirstOrDefault()] : Question.Letters(q.Answer),
            q.Explanation ?? "",
        ]);

    /// <summary>
    /// Reads a file and checks each row as the form checks a question; a row that repeats a question in use (same law,
    /// kind and stem) or another row of the file is refused, so importing a file twice never doubles a bank. Any bad row
    /// and nothing comes back.
    /// </summary>
    public static (IReadOnlyList<QuestionAdded> Rows, IReadOnlyList<ImportRowError> Errors) Read(Stream file, IReadOnlyCollection<(string Law, QuestionKind Kind, string Text)> inUse)
    {
        var (rows, fileErrors) = CsvLedger.ReadWorkbookOrCsv(file, Required, MaxRows);
        if (fileErrors.Count > 0)
        {
            return ([], fileErrors);
        }

        var taken = new HashSet<(string, QuestionKind, string)>(inUse);
        var added = new List<QuestionAdded>();
        var errors = new List<ImportRowError>();
        foreach (var row in rows)
        {
            var rowErrors = new InputErrors();
            var input = new QuestionInput
            {
                Law = row["题库（法律）"],
                Kind = row["题型"],
                Text = row["题干"],
                Options = [.. OptionColumns.Select(c => row[c])],
                Answer = row["答案"],
                Explanation = row["解析"],
            };
            var question = AddQuestion.Decide(input, rowErrors, imported: true);
            if (question is not null && !taken.Add((question.Law, question.Kind, question.Text)))
            {
                rowErrors.Add("text", "题库中已有相同的题目（或文件中重复）", "The bank already holds this question (or the file repeats it).");
            }

            if (rowErrors.Any)
            {
                errors.AddRange(Workbook.RowErrors(row.Number, rowErrors.ToDictionary(), ColumnOf));
            }
            else
            {
                added.Add(question!);
            }
        }

        return errors.Count > 0 ? ([], errors) : (added, []);
    }
}

/// <summary>Imports a bank file: all rows or none, every bad row named.</summary>
internal sealed class QuestionImport(IDocumentSession session)
{
    public async Task<QuestionImportResult> ImportAsync(Stream file, CancellationToken ct)
    {
        var inUse = (await session.Query<Question>().Where(q => q.State == QuestionState.InUse).Select(q => new { q.Law, q.Kind, q.Text }).ToListAsync(ct))
            .Select(q => (q.Law, q.Kind, q.Text)).ToList();
        var (rows, errors) = QuestionWorkbook.Read(file, inUse);
        if (errors.Count > 0)
        {
            return new(0, errors);
        }

        foreach (var row in rows)
        {
            var id = Guid.CreateVersion7();
            session.Events.StartStream<Question>(id, row with { Id = id });
        }

        await session.SaveChangesAsync(ct);
        return new(rows.Count, []);
    }

    public static async Task<Results<Ok<QuestionImportResult>, ValidationProblem, ProblemHttpResult>> EndpointAsync(IFormFile? file, QuestionImport import, CancellationToken ct)
    {
        if (LedgerFiles.UploadRefusal(file, QuestionWorkbook.MaxFileBytes) is { } refusal)
        {
            return TypedResults.ValidationProblem(refusal);
        }

        await using var stream = file!.OpenReadStream();
        var result = await import.ImportAsync(stream, ct);
        return result.Errors.Count > 0 ? ImportProblems.Refused(result.Errors) : TypedResults.Ok(result);
    }

    public static async Task<FileContentHttpResult> ExportEndpointAsync(string? law, QuestionBank bank, TimeProvider time, CancellationToken ct)
    {
        var questions = await bank.QuestionsAsync(new QuestionFilter(law), ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"question-bank-{TownshipTime.Today(time):yyyyMMdd}.xlsx");
        return TypedResults.File(Workbook.Write(QuestionWorkbook.SheetName, QuestionWorkbook.Columns, QuestionWorkbook.Rows(questions)), Workbook.ContentType, name);
    }

    public static FileContentHttpResult Template() =>
        TypedResults.File(Workbook.Write(QuestionWorkbook.SheetName, QuestionWorkbook.Columns, []), Workbook.ContentType, "question-bank-template.xlsx");
}
