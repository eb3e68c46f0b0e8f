using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Documents;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>An exam's results as the organiser sends them on: every person's best score, and the ranking by department.</summary>
internal static class ResultsWorkbook
{
    public static readonly IReadOnlyList<string> PeopleColumns = ["名次", "姓名", "部门", "岗位", "考试次数", "最好成绩", "等次", "交卷时间"];

    public static readonly IReadOnlyList<string> DepartmentColumns = ["名次", "部门", "应考人数", "实考人数", "合格人数", "优秀人数", "平均分", "合格率（%）"];

    public static byte[] Write(ExamResultSet results) =>
        WorkbookSheets.Write(
        [
            new("成绩", PeopleColumns, results.People.Select((p, i) => (IReadOnlyList<object?>)
                [p.Sat ? i + 1 : null, p.Name, p.Department, p.Post, p.AttemptsUsed, p.Best, p.BandLabel, p.BestAt is { } at ? Kit.TownshipTime.Format(at) : ""])),
            new("部门排名", DepartmentColumns, results.Departments.Select(d => (IReadOnlyList<object?>)
                [d.Rank, d.Department, d.Sitters, d.Sat, d.Passed, d.Excellent, d.Average, d.PassRate])),
        ]);

    public static async Task<Results<FileContentHttpResult, NotFound>> EndpointAsync(Guid id, ExamResults results, CancellationToken ct) =>
        await results.ForExamAsync(id, ct) is { } set
            ? TypedResults.File(Write(set), Workbook.ContentType, string.Create(CultureInfo.InvariantCulture, $"exam-results-{set.Year}.xlsx"))
            : TypedResults.NotFound();
}
