using Modular.Kit.Documents;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>
/// The list as townships exchange it: one sheet, one item per row, the header row naming the fields in Chinese.
/// Several values in one cell (departments, steps, cases, risks) are one per line, or separated by "；". The kit's
/// <see cref="Workbook"/> reads and writes the file; the columns and what each cell means are the list's.
/// </summary>
internal static class PowerListWorkbook
{
    public const string ContentType = Workbook.ContentType;

    public const int MaxRows = 2000;

    public static readonly IReadOnlyList<string> Columns =
    [
        "编码", "事项名称", "子项", "类别", "设定依据", "实施主体", "配合部门", "权力来源",
        "受理责任", "审查责任", "决定责任", "送达责任", "监管责任", "追责情形", "办理流程", "廉政风险点", "办理时限", "监督电话",
    ];

    private static readonly string[] Required = ["编码", "事项名称", "类别", "设定依据", "实施主体", "权力来源", "办理流程", "监督电话"];

    private static readonly Dictionary<string, string> ColumnOfField = new()
    {
        ["code"] = "编码",
        ["name"] = "事项名称",
        ["subItem"] = "子项",
        ["category"] = "类别",
        ["legalBasis"] = "设定依据",
        ["implementingOffice"] = "实施主体",
        ["cooperatingDepartments"] = "配合部门",
        ["powerSource"] = "权力来源",
        ["accountabilityCases"] = "追责情形",
        ["workflowSteps"] = "办理流程",
        ["integrityRisks"] = "廉政风险点",
        ["timeLimit"] = "办理时限",
        ["supervisionPhone"] = "监督电话",
    };

    public static string ColumnLabel(string field) => ColumnOfField.GetValueOrDefault(field, field);

    public static byte[] Template() => Write([PowerListDemoItems.Example], effectiveDates: null);

    public static byte[] Write(IEnumerable<PowerItem> items, IReadOnlyDictionary<string, DateOnly>? effectiveDates)
    {
        IReadOnlyList<string> columns = effectiveDates is null ? Columns : [.. Columns, "生效日期"];
        var rows = items.Select(item => (IReadOnlyList<object?>)
        [
            item.Code, item.Name, item.SubItem ?? "", item.Category, item.LegalBasis, item.ImplementingOffice, Join(item.CooperatingDepartments), item.PowerSource,
            item.Responsibilities.Intake, item.Responsibilities.Review, item.Responsibilities.Decision, item.Responsibilities.Delivery, item.Responsibilities.Supervision,
            Join(item.AccountabilityCases), Join(item.WorkflowSteps), Join(item.IntegrityRisks), item.TimeLimit, item.SupervisionPhone,
            .. effectiveDates is null ? [] : new object?[] { effectiveDates.TryGetValue(item.Code, out var d) ? PowerListDates.Show(d) : "" },
        ]);
        return Workbook.Write("权责清单", columns, rows);
    }

    private static string Join(IReadOnlyList<string> values) => string.Join("\n", values);

    private static List<string> Split(string value) =>
        value.Split(['\n', '\r', '；', ';', '→'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>
    /// Reads every row; returns the items with their row numbers, or every problem found (header, cells, duplicates).
    /// Unreadable files answer one problem on row 0.
    /// </summary>
    public static (List<(int Row, PowerItem Item)> Items, List<ImportRowError> Errors) Read(Stream file)
    {
        var items = new List<(int, PowerItem)>();
        var (rows, problems) = Workbook.Read(file, Required, MaxRows);
        var errors = problems.ToList();
        foreach (var row in rows)
        {
            string Get(string column) => row[column];
            if (Columns.All(c => Get(c).Length == 0))
            {
                continue;
            }

            var item = new PowerItem(
                Get("编码"), Get("事项名称"), Get("子项"), Get("类别"), Get("设定依据"), Get("实施主体"), Split(Get("配合部门")), Get("权力来源"),
                new StageResponsibilities(Get("受理责任"), Get("审查责任"), Get("决定责任"), Get("送达责任"), Get("监管责任")),
                Split(Get("追责情形")), Split(Get("办理流程")), Split(Get("廉政风险点")), Get("办理时限"), Get("监督电话"));
            var invalid = new Dictionary<string, string[]>();
            PowerItemRules.Validate(item, "", invalid);
            errors.AddRange(Workbook.RowErrors(row.Number, invalid, ColumnLabel));
            if (invalid.Count == 0)
            {
                items.Add((row.Number, PowerItemRules.Normalise(item)));
            }
        }

        foreach (var twice in items.GroupBy(x => x.Item2.Code).Where(g => g.Count() > 1))
        {
            foreach (var (row, _) in twice.Skip(1))
            {
                errors.Add(new ImportRowError(row, "编码", $"编码 {twice.Key} 与第{twice.First().Item1}行重复 / The code repeats row {twice.First().Item1}."));
            }
        }

        if (items.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportRowError(2, "文件", "没有可导入的事项 / The sheet has no items."));
        }

        return (items, errors);
    }
}
