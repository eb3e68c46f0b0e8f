using Modular.Contracts.PersonalData;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using SpecialGroups = Modular.Modules.Mediation.Shared.SpecialGroups;

namespace Modular.Modules.Mediation.Households;

/// <summary>One valid row of an imported ledger: the household it belongs to and the member it describes.</summary>
internal sealed record LedgerRow(int Row, string Number, HouseholdFacts Facts, Member Member);

/// <summary>
/// The ledger as townships keep it in Excel: one row per member, the household's columns repeated on each. The export,
/// the template and the import share these columns; 性别 and 年龄 are read from the ID number, so an import ignores them.
/// </summary>
internal static class HouseholdWorkbook
{
    public const string SheetName = "人口信息台帐";
    public const int MaxRows = 5000;
    public const long MaxBytes = 10 * 1024 * 1024;

    private const string Number = "户号";

    /// <summary>The columns, and the input field each one fills (null: derived, not read on import).</summary>
    private static readonly (string Column, string? Field)[] Layout =
    [
        (Number, null), ("村", "village"), ("组", "group"), ("住址", "address"), ("姓名", "name"), ("与户主关系", "relation"),
        ("性别", null), ("身份证号码", "idNumber"), ("年龄", null), ("联系电话", "phone"), ("文化程度", "education"),
        ("职业", "occupation"), ("婚姻状况", "maritalStatus"), ("收入水平", "incomeBand"), ("服务需求", "serviceNeeds"),
        ("特殊群体", "specialGroups"), ("备注", "notes"),
    ];

    public static IReadOnlyList<string> Columns { get; } = [.. Layout.Select(c => c.Column)];

    private static readonly string[] Required = [Number, "村", "组", "住址", "姓名", "与户主关系", "身份证号码"];

    private static readonly char[] ListSeparators = ['、', '，', ',', '；', ';', '/'];

    /// <summary>One row per member. <paramref name="show"/> masks the personal fields, or leaves them clear for a full export.</summary>
    public static byte[] Write(IEnumerable<Household> households, DateOnly today, Func<PersonalDataKind, string?, string> show) =>
        Workbook.Write(SheetName, Columns, households.SelectMany(h => h.Members.Select(m => Row(h, m, today, show))));

    /// <summary>The header and one example row, filled the way the import reads it.</summary>
    public static byte[] Template() => Workbook.Write(SheetName, Columns,
    [
        ["0001", "野马川村", "一组", "野马川镇野马川村一组12号", "张三", "户主", "", "（18位身份证号码）", "", "13800000000", "初中", "务农", "有配偶", "1万–3万元", "", "残疾人", ""],
    ]);

    /// <summary>Reads and checks every row on its own; the rows' agreement with each other and the ledger is the importer's.</summary>
    public static (IReadOnlyList<LedgerRow> Rows, IReadOnlyList<ImportRowError> Errors) Read(Stream file, DateOnly today)
    {
        var (cells, fileErrors) = Workbook.Read(file, Required, MaxRows);
        var rows = new List<LedgerRow>();
        var errors = new List<ImportRowError>(fileErrors);
        foreach (var row in cells)
        {
            var problems = new InputErrors();
            var number = Padded(problems.Required("number", row[Number], "户号", "Household number", 30));
            var facts = HouseholdRules.Facts(problems, new HouseholdInput { Village = row["村"], Group = row["组"], Address = row["住址"], Notes = row["备注"] }, null);
            var member = HouseholdRules.Member(problems, MemberOf(row), Guid.CreateVersion7(), null, today);
            if (problems.Any)
            {
                errors.AddRange(Workbook.RowErrors(row.Number, problems.ToDictionary(), ColumnOf));
            }
            else
            {
                rows.Add(new LedgerRow(row.Number, number!, facts!, member!));
            }
        }

        return (rows, errors);
    }

    private static MemberInput MemberOf(WorkbookRow row) => new()
    {
        Name = row["姓名"],
        Relation = HouseholdVocabulary.NameOf<Relation>(row["与户主关系"], HouseholdVocabulary.Label),
        IdNumber = row["身份证号码"],
        Phone = row["联系电话"],
        Education = HouseholdVocabulary.NameOf<Education>(row["文化程度"], HouseholdVocabulary.Label),
        Occupation = row["职业"],
        MaritalStatus = HouseholdVocabulary.NameOf<MaritalStatus>(row["婚姻状况"], HouseholdVocabulary.Label),
        IncomeBand = HouseholdVocabulary.NameOf<IncomeBand>(row["收入水平"], HouseholdVocabulary.Label),
        ServiceNeeds = row["服务需求"],
        SpecialGroups = [.. row["特殊群体"].Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
    };

    private static string ColumnOf(string field) => field == "number" ? Number : Layout.FirstOrDefault(c => c.Field == field).Column ?? field;

    private static object?[] Row(Household h, Member m, DateOnly today, Func<PersonalDataKind, string?, string> show) =>
    [
        h.Number, h.Village, h.Group, show(PersonalDataKind.Address, h.Address), m.Name, HouseholdVocabulary.Label(m.Relation).Chinese,
        HouseholdVocabulary.Label(m.SexByIdNumber()).Chinese, show(PersonalDataKind.IdNumber, m.IdNumber), m.AgeOn(today),
        m.Phone is null ? "" : show(PersonalDataKind.PhoneNumber, m.Phone),
        m.Education is { } e ? HouseholdVocabulary.Label(e).Chinese : "", m.Occupation ?? "",
        m.MaritalStatus is { } s ? HouseholdVocabulary.Label(s).Chinese : "", m.IncomeBand is { } i ? HouseholdVocabulary.Label(i).Chinese : "",
        m.ServiceNeeds ?? "", string.Join("、", m.SpecialGroups.Select(g => SpecialGroups.Label(g).Chinese)), h.Notes ?? "",
    ];

    /// <summary>
    /// Excel's General format turns 0002 into 2: a short all-digit 户号 gets its zeros back, as the ledger numbers its
    /// own (0001, 0002…), so an imported household and a registered one cannot differ only by them.
    /// </summary>
    private static string? Padded(string? number) =>
        number is { Length: < 4 } && number.All(char.IsAsciiDigit) ? number.PadLeft(4, '0') : number;
}
