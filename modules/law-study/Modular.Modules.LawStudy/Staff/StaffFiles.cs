using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Staff;

/// <summary>The roster's files: the export (masked; in full only with the reveal permission and a reason, audited), its template, the import.</summary>
internal static class StaffFiles
{
    public static async Task<Results<FileStreamHttpResult, ValidationProblem, ForbidHttpResult>> ExportAsync(
        string? department, bool? enforcementPost, bool? includeLeft, bool? full, string? reason,
        StaffRoster roster, IPersonalDataGuard guard, ICurrentUser user, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (!LedgerFiles.FullExportAllowed(full == true, reason, user.HasPermission(Permissions.PersonalDataReveal), errors))
        {
            return TypedResults.Forbid();
        }

        var d = errors.Optional("department", department, "部门", "Department", 50);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var members = await roster.MembersAsync(new StaffFilter(d, enforcementPost, includeLeft ?? false), ct);
        if (full == true)
        {
            await guard.RecordFullExportAsync("工作人员花名册 完整导出", members.Count, reason!, ct);
        }

        Func<PersonalDataKind, string?, string> show = full == true ? (_, v) => v ?? "" : (k, v) => v is null ? "" : guard.Mask(k, v);
        var file = new MemoryStream();
        Workbook.Write(file, StaffWorkbook.SheetName, StaffWorkbook.Columns, StaffWorkbook.Rows(members, show));
        file.Position = 0;
        return TypedResults.File(file, Workbook.ContentType, $"staff-{TownshipTime.Today(time):yyyyMMdd}{(full == true ? "-full" : "")}.xlsx");
    }

    public static FileContentHttpResult Template() =>
        TypedResults.File(Workbook.Write(StaffWorkbook.SheetName, StaffWorkbook.Columns, []), Workbook.ContentType, "staff-template.xlsx");

    public static async Task<Results<Ok<StaffImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(IFormFile? file, StaffImport import, CancellationToken ct)
    {
        if (LedgerFiles.UploadRefusal(file, StaffWorkbook.MaxFileBytes) is { } refusal)
        {
            return TypedResults.ValidationProblem(refusal);
        }

        await using var stream = file!.OpenReadStream();
        var result = await import.ImportAsync(stream, ct);
        return result.Errors.Count > 0 ? ImportProblems.Refused(result.Errors) : TypedResults.Ok(result);
    }
}
