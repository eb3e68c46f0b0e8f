using System.Text.RegularExpressions;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>The duties of each stage of handling a power (受理、审查、决定、送达、监管责任).</summary>
internal sealed record StageResponsibilities(string Intake, string Review, string Decision, string Delivery, string Supervision)
{
    public static StageResponsibilities Empty { get; } = new("", "", "", "", "");
}

/// <summary>
/// One item of the power-and-responsibility list (权责事项) as it reads in one version. Stored inside events and
/// version documents, so it is public for Marten's serializer; categories and sources are kept as their Chinese names,
/// which are also the API's keys.
/// </summary>
internal sealed record PowerItem(
    string Code,
    string Name,
    string? SubItem,
    string Category,
    string LegalBasis,
    string ImplementingOffice,
    IReadOnlyList<string> CooperatingDepartments,
    string PowerSource,
    StageResponsibilities Responsibilities,
    IReadOnlyList<string> AccountabilityCases,
    IReadOnlyList<string> WorkflowSteps,
    IReadOnlyList<string> IntegrityRisks,
    string TimeLimit,
    string SupervisionPhone);

/// <summary>The nine categories, the sources of power, and the rules an item must meet.</summary>
internal static partial class PowerItemRules
{
    // 国务院办公厅《关于推行地方各级政府工作部门权力清单制度的指导意见》: powers are listed by kind; a township list uses these nine.
    public static readonly IReadOnlyList<string> Categories = ["行政许可", "行政处罚", "行政强制", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他"];

    public static readonly IReadOnlyDictionary<string, string> CategoryEnglish = new Dictionary<string, string>
    {
        ["行政许可"] = "Licensing",
        ["行政处罚"] = "Penalties",
        ["行政强制"] = "Compulsory measures",
        ["行政给付"] = "Benefits",
        ["行政检查"] = "Inspections",
        ["行政确认"] = "Confirmations",
        ["行政奖励"] = "Awards",
        ["行政裁决"] = "Adjudications",
        ["其他"] = "Other",
    };

    /// <summary>法定 statutory (the township's own power by law), 委托 entrusted by a county department, 授权 delegated by law or regulation.</summary>
    public static readonly IReadOnlyList<string> PowerSources = ["法定", "委托", "授权"];

    public static readonly IReadOnlyList<string> ChangeKinds = [ProposedChange.Add, ProposedChange.Amend, ProposedChange.Repeal];

    [GeneratedRegex(@"第[一二三四五六七八九十百千零〇两\d]+条")]
    private static partial Regex ArticlePattern();

    // A landline with its area code (0857-1234567), a mobile number, or the 12345 government hotline.
    [GeneratedRegex(@"^(0\d{2,3}-?\d{7,8}|1\d{10}|12345)$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-_.]{0,39}$")]
    private static partial Regex CodePattern();

    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static string CategoryLabel(string category, bool english) =>
        english && CategoryEnglish.TryGetValue(category, out var name) ? name : category;

    /// <summary>Every problem of <paramref name="item"/>, keyed <paramref name="prefix"/> + field name (camelCase, as in the API).</summary>
    public static void Validate(PowerItem? item, string prefix, IDictionary<string, string[]> errors)
    {
        if (item is null)
        {
            errors[prefix.TrimEnd('.')] = ["请填写事项内容 / The item is required."];
            return;
        }

        void Add(string field, string message) => errors[prefix + field] = [message];

        if (!IsCode(item.Code))
        {
            Add("code", "编码须为1–40位字母、数字或连字符 / The code must be 1–40 letters, digits or hyphens.");
        }

        if (string.IsNullOrWhiteSpace(item.Name))
        {
            Add("name", "请填写事项名称 / The name is required.");
        }
        else if (item.Name.Length > 200)
        {
            Add("name", "事项名称不超过200字 / The name is at most 200 characters.");
        }

        if (!Categories.Contains(item.Category))
        {
            Add("category", $"类别须为：{string.Join("、", Categories)} / Unknown category.");
        }

        if (string.IsNullOrWhiteSpace(item.LegalBasis))
        {
            Add("legalBasis", "请填写设定依据 / The legal basis is required.");
        }
        else if (!ArticlePattern().IsMatch(item.LegalBasis))
        {
            Add("legalBasis", "设定依据须具体到条款（如“第六十二条”） / The legal basis must name the article (第…条).");
        }

        if (string.IsNullOrWhiteSpace(item.ImplementingOffice))
        {
            Add("implementingOffice", "请填写实施主体 / The implementing office is required.");
        }

        if (!PowerSources.Contains(item.PowerSource))
        {
            Add("powerSource", "权力来源须为法定、委托或授权 / The source must be 法定, 委托 or 授权.");
        }

        if (item.WorkflowSteps is null || item.WorkflowSteps.Count(s => !string.IsNullOrWhiteSpace(s)) == 0)
        {
            Add("workflowSteps", "请填写办理流程（至少一步） / At least one workflow step is required.");
        }
        else if (item.WorkflowSteps.Count > 30)
        {
            Add("workflowSteps", "办理流程不超过30步 / At most 30 workflow steps.");
        }

        if (string.IsNullOrWhiteSpace(item.SupervisionPhone) || !PhonePattern().IsMatch(item.SupervisionPhone.Trim()))
        {
            Add("supervisionPhone", "监督电话格式有误（如 0857-3221234） / The supervision phone is not a phone number.");
        }
    }

    /// <summary>The item with whitespace trimmed and empty list entries dropped, as it is stored.</summary>
    public static PowerItem Normalise(PowerItem item) => item with
    {
        Code = item.Code.Trim(),
        Name = item.Name.Trim(),
        SubItem = string.IsNullOrWhiteSpace(item.SubItem) ? null : item.SubItem.Trim(),
        Category = item.Category.Trim(),
        LegalBasis = item.LegalBasis.Trim(),
        ImplementingOffice = item.ImplementingOffice.Trim(),
        CooperatingDepartments = Clean(item.CooperatingDepartments),
        PowerSource = item.PowerSource.Trim(),
        Responsibilities = item.Responsibilities is { } r
            ? new StageResponsibilities((r.Intake ?? "").Trim(), (r.Review ?? "").Trim(), (r.Decision ?? "").Trim(), (r.Delivery ?? "").Trim(), (r.Supervision ?? "").Trim())
            : StageResponsibilities.Empty,
        AccountabilityCases = Clean(item.AccountabilityCases),
        WorkflowSteps = Clean(item.WorkflowSteps),
        IntegrityRisks = Clean(item.IntegrityRisks),
        TimeLimit = (item.TimeLimit ?? "").Trim(),
        SupervisionPhone = item.SupervisionPhone.Trim(),
    };

    private static List<string> Clean(IReadOnlyList<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();

    /// <summary>The fields (API names) whose values differ between two versions of an item.</summary>
    public static IReadOnlyList<string> ChangedFields(PowerItem before, PowerItem after)
    {
        var changed = new List<string>();
        void Compare(string field, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                changed.Add(field);
            }
        }

        void CompareList(string field, IReadOnlyList<string> a, IReadOnlyList<string> b)
        {
            if (!a.SequenceEqual(b))
            {
                changed.Add(field);
            }
        }

        Compare("name", before.Name, after.Name);
        Compare("subItem", before.SubItem, after.SubItem);
        Compare("category", before.Category, after.Category);
        Compare("legalBasis", before.LegalBasis, after.LegalBasis);
        Compare("implementingOffice", before.ImplementingOffice, after.ImplementingOffice);
        CompareList("cooperatingDepartments", before.CooperatingDepartments, after.CooperatingDepartments);
        Compare("powerSource", before.PowerSource, after.PowerSource);
        Compare("responsibilities", before.Responsibilities, after.Responsibilities);
        CompareList("accountabilityCases", before.AccountabilityCases, after.AccountabilityCases);
        CompareList("workflowSteps", before.WorkflowSteps, after.WorkflowSteps);
        CompareList("integrityRisks", before.IntegrityRisks, after.IntegrityRisks);
        Compare("timeLimit", before.TimeLimit, after.TimeLimit);
        Compare("supervisionPhone", before.SupervisionPhone, after.SupervisionPhone);
        return changed;
    }

    /// <summary>Chinese labels of the fields, for pages and the workbook.</summary>
    public static string FieldLabel(string field) => field switch
    {
        "code" => "编码",
        "name" => "事项名称",
        "subItem" => "子项",
        "category" => "类别",
        "legalBasis" => "设定依据",
        "implementingOffice" => "实施主体",
        "cooperatingDepartments" => "配合部门",
        "powerSource" => "权力来源",
        "responsibilities" => "责任事项",
        "accountabilityCases" => "追责情形",
        "workflowSteps" => "办理流程",
        "integrityRisks" => "廉政风险点",
        "timeLimit" => "办理时限",
        "supervisionPhone" => "监督电话",
        _ => field,
    };
}
