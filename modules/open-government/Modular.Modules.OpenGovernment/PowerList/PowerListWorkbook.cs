using System.Globalization;
using MiniExcelLibs;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>A row of an imported workbook that cannot be taken, with its row number as Excel shows it.</summary>
public sealed record ImportRowError(int Row, string Field, string Message);

/// <summary>
/// The list as townships exchange it: one sheet, one item per row, the header row naming the fields in Chinese.
/// Several values in one cell (departments, steps, cases, risks) are one per line, or separated by "；".
/// </summary>
internal static class PowerListWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
        var rows = items.Select(item =>
        {
            var row = new Dictionary<string, object?>
            {
                ["编码"] = item.Code,
                ["事项名称"] = item.Name,
                ["子项"] = item.SubItem ?? "",
                ["类别"] = item.Category,
                ["设定依据"] = item.LegalBasis,
                ["实施主体"] = item.ImplementingOffice,
                ["配合部门"] = Join(item.CooperatingDepartments),
                ["权力来源"] = item.PowerSource,
                ["受理责任"] = item.Responsibilities.Intake,
                ["审查责任"] = item.Responsibilities.Review,
                ["决定责任"] = item.Responsibilities.Decision,
                ["送达责任"] = item.Responsibilities.Delivery,
                ["监管责任"] = item.Responsibilities.Supervision,
                ["追责情形"] = Join(item.AccountabilityCases),
                ["办理流程"] = Join(item.WorkflowSteps),
                ["廉政风险点"] = Join(item.IntegrityRisks),
                ["办理时限"] = item.TimeLimit,
                ["监督电话"] = item.SupervisionPhone,
            };
            if (effectiveDates is not null)
            {
                row["生效日期"] = effectiveDates.TryGetValue(item.Code, out var d) ? PowerListDates.Show(d) : "";
            }

            return row;
        }).ToList();

        if (rows.Count == 0)
        {
            // An empty list still gets its header row, so the file can be filled in and imported.
            rows.Add(Columns.ToDictionary(c => c, _ => (object?)null));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "权责清单");
        return stream.ToArray();
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
        var errors = new List<ImportRowError>();
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Take(MaxRows + 2).ToList();
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or FormatException or System.Xml.XmlException)
        {
            errors.Add(new ImportRowError(0, "file", "无法读取该文件，请使用 .xlsx 模板 / The file is not a readable .xlsx workbook."));
            return (items, errors);
        }

        if (rows.Count == 0)
        {
            errors.Add(new ImportRowError(1, "file", "工作表为空 / The sheet is empty."));
            return (items, errors);
        }

        var header = rows[0].Where(c => Cell(c.Value).Length > 0).ToDictionary(c => Cell(c.Value), c => c.Key);
        var missing = Required.Where(c => !header.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportRowError(1, "header", $"缺少列：{string.Join("、", missing)} / Missing columns."));
            return (items, errors);
        }

        if (rows.Count > MaxRows + 1)
        {
            errors.Add(new ImportRowError(MaxRows + 2, "file", $"一次最多导入{MaxRows}行 / At most {MaxRows} rows at once."));
            return (items, errors);
        }

        for (var i = 1; i < rows.Count; i++)
        {
            var rowNumber = i + 1; // the header is row 1
            string Get(string column) => header.TryGetValue(column, out var key) && rows[i].TryGetValue(key, out var v) ? Cell(v) : "";
            if (Columns.All(c => Get(c).Length == 0))
            {
                continue;
            }

            var item = new PowerItem(
                Get("编码"), Get("事项名称"), Get("子项"), Get("类别"), Get("设定依据"), Get("实施主体"), Split(Get("配合部门")), Get("权力来源"),
                new StageResponsibilities(Get("受理责任"), Get("审查责任"), Get("决定责任"), Get("送达责任"), Get("监管责任")),
                Split(Get("追责情形")), Split(Get("办理流程")), Split(Get("廉政风险点")), Get("办理时限"), Get("监督电话"));
            var problems = new Dictionary<string, string[]>();
            PowerItemRules.Validate(item, "", problems);
            foreach (var (field, messages) in problems)
            {
                errors.AddRange(messages.Select(m => new ImportRowError(rowNumber, ColumnLabel(field), m)));
            }

            if (problems.Count == 0)
            {
                items.Add((rowNumber, PowerItemRules.Normalise(item)));
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
            errors.Add(new ImportRowError(2, "file", "没有可导入的事项 / The sheet has no items."));
        }

        return (items, errors);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
