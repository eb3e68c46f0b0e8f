using Modular.Contracts.PersonalData;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Staff;

internal sealed record StaffImportResult(int Imported, int SkippedLeft, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// The roster as the township keeps it in Excel, one row a person. The export writes what the import reads (its
/// template is the export's header), so a roster exported in full imports into an empty township; people marked 已离岗
/// are history and are not imported.
/// </summary>
internal static class StaffWorkbook
{
    public const string SheetName = "工作人员花名册";
    public const int MaxRows = StaffRoster.MaxRoster;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns = ["姓名", "部门", "岗位", "执法岗位", "登录账号", "身份证号码", "联系电话", "入职日期", "状态", "离岗日期", "离岗原因"];

    private static readonly IReadOnlyList<string> Required = ["姓名", "部门", "岗位", "入职日期"];

    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["name"] = "姓名",
        ["department"] = "部门",
        ["post"] = "岗位",
        ["enforcementPost"] = "执法岗位",
        ["userName"] = "登录账号",
        ["idNumber"] = "身份证号码",
        ["phone"] = "联系电话",
        ["joinedOn"] = "入职日期",
    };

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<StaffMember> members, Func<PersonalDataKind, string?, string> show) =>
        members.Select(m => (IReadOnlyList<object?>)
        [
            m.Name, m.Department, m.Post, m.EnforcementPost ? "是" : "否", m.UserName ?? "", show(PersonalDataKind.IdNumber, m.IdNumber), show(PersonalDataKind.PhoneNumber, m.Phone),
            m.JoinedOn.ToString("yyyy-MM-dd"), StaffMember.Label(m.State).Chinese, m.LeftOn?.ToString("yyyy-MM-dd") ?? "", m.LeavingReason ?? "",
        ]);

    /// <summary>
    /// Reads a roster, each row checked as the intake checks it, ID numbers and user names unique within the file and
    /// against the roster (<paramref name="taken"/>). Any bad row and nothing comes back, every bad row named.
    /// </summary>
    public static (IReadOnlyList<StaffMemberRegistered> Rows, int SkippedLeft, IReadOnlyList<ImportRowError> Errors) Read(
        Stream file, DateOnly today, IReadOnlySet<string> taken)
    {
        var (rows, fileErrors) = Workbook.Read(file, Required, MaxRows);
        if (fileErrors.Count > 0)
        {
            return ([], 0, fileErrors);
        }

        var people = new List<StaffMemberRegistered>();
        var errors = new List<ImportRowError>();
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var row in rows)
        {
            if (row["状态"] == StaffMember.Label(StaffState.Left).Chinese)
            {
                skipped++;
                continue;
            }

            var rowErrors = new InputErrors();
            var enforcement = row["执法岗位"] switch { "是" or "" => row["执法岗位"] == "是", "否" => false, _ => (bool?)null };
            rowErrors.Require(enforcement is not null, "enforcementPost", "执法岗位应填“是”或“否”", "Enforcement post is 是 or 否.");
            var registered = RegisterStaffMember.Decide(new RegisterStaffInput
            {
                Name = row["姓名"],
                Department = row["部门"],
                Post = row["岗位"],
                EnforcementPost = enforcement,
                UserName = row["登录账号"],
                IdNumber = row["身份证号码"],
                Phone = row["联系电话"],
                JoinedOn = row["入职日期"],
            }, today, rowErrors);
            if (registered is not null)
            {
                foreach (var key in RegisterStaffMember.Details(registered).Keys())
                {
                    if (taken.Contains(key.Key.Id) || !inFile.Add(key.Key.Id))
                    {
                        rowErrors.Add(key.Field, key.Field == "idNumber" ? "身份证号码已在花名册或本文件的其他行中" : "登录账号已在花名册或本文件的其他行中",
                            key.Field == "idNumber" ? "The ID number is on the roster or on another row." : "The user name is on the roster or on another row.");
                    }
                }
            }

            if (rowErrors.Any)
            {
                errors.AddRange(Workbook.RowErrors(row.Number, rowErrors.ToDictionary(), f => ColumnOf.GetValueOrDefault(f)));
            }
            else
            {
                people.Add(registered!);
            }
        }

        return errors.Count > 0 ? ([], skipped, errors) : (people, skipped, []);
    }
}

/// <summary>Imports an existing roster: all rows or none; the keys claimed in the same transaction as the entries.</summary>
internal sealed class StaffImport(IDocumentSession session, TimeProvider time)
{
    public async Task<StaffImportResult> ImportAsync(Stream file, CancellationToken ct)
    {
        var onRoster = await session.Query<StaffMember>().Where(m => m.State == StaffState.OnRoster).Take(StaffRoster.MaxRoster).ToListAsync(ct);
        var taken = onRoster.SelectMany(StaffKeys.Of).Select(k => k.Key.Id).ToHashSet(StringComparer.Ordinal);
        var (rows, skipped, errors) = StaffWorkbook.Read(file, Kit.TownshipTime.Today(time), taken);
        if (errors.Count > 0)
        {
            return new(0, skipped, errors);
        }

        var keys = new List<KeyRefusal>();
        foreach (var registered in rows)
        {
            var id = Guid.CreateVersion7();
            session.Events.StartStream<StaffMember>(id, registered with { Id = id });
            var held = RegisterStaffMember.Details(registered).Keys();
            StaffKeys.Claim(session, held, id);
            keys.AddRange(held);
        }

        await UniqueKeys.RefusingClashesAsync(async () =>
        {
            await session.SaveChangesAsync(ct);
            return true;
        }, keys);
        return new(rows.Count, skipped, []);
    }
}
