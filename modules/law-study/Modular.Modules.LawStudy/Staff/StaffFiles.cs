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
        return await LedgerExports.FileAsync(members, full == true, reason, "工作人员花名册 完整导出", guard, StaffWorkbook.SheetName, StaffWorkbook.Columns,
            StaffWorkbook.Rows, $"staff-{TownshipTime.Today(time):yyyyMMdd}{(full == true ? "-full" : "")}.xlsx", ct);
    }

    public static FileContentHttpResult Template() =>
        TypedResults.File(Workbook.Write(StaffWorkbook.SheetName, StaffWorkbook.Columns, []), Workbook.ContentType, "staff-template.xlsx");

    public static Task<Results<Ok<StaffImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(IFormFile? file, StaffImport import, CancellationToken ct) =>
        LedgerExports.ImportAsync(file, StaffWorkbook.MaxFileBytes, stream => import.ImportAsync(stream, ct), r => r.Errors);
}
