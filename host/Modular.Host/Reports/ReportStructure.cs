using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;

namespace Modular.Host.Reports;

/// <summary>A part of the report that people write, beside the facts the records give (or alone, where none can).</summary>
/// <param name="Chapter">The summary's chapter whose facts it sits beside; null for the parts no record can draft.</param>
public sealed record ReportPart(string Key, LocalizedText Title, string? Chapter, LocalizedText Hint);

/// <summary>
/// The report's shape. The five contents every report must have (measures and results; how the party and government
/// heads performed their duty as first responsible persons; shortcomings and causes; next year's plan; other matters)
/// are its first-level headings, in the order the provincial guides give them; the township summary's own chapters
/// (organisation … legal literacy) are the second-level headings of the first, each with the records' facts and the
/// people's account beside them. The summary's last chapter, shortcomings and next year's plan, is the third and fourth.
/// </summary>
public static class ReportStructure
{
    public const string Opening = "opening";
    public const string FirstResponsible = "first-responsible";
    public const string Shortcomings = "shortcomings";
    public const string Plan = "plan";
    public const string Other = "other";

    /// <summary>The summary's chapters under 一、主要举措和成效, each a part of its own for what people add to the facts.</summary>
    public static IReadOnlyList<ReportPart> Chapters { get; } =
    [
        new(AnnualReportChapters.Organisation, new("强化组织保障，推动工作落实", "Organisation"), AnnualReportChapters.Organisation,
            new("领导小组、工作机制、宣传氛围等。", "The leading group, working mechanisms, publicity.")),
        new(AnnualReportChapters.FunctionsByLaw, new("依法全面履行政府职能", "Performing government functions fully by law"), AnnualReportChapters.FunctionsByLaw,
            new("权责清单的调整与公示。", "How the power list was adjusted and published.")),
        new(AnnualReportChapters.DecisionsByLaw, new("推进行政决策科学化、民主化、法治化", "Decisions by law"), AnnualReportChapters.DecisionsByLaw,
            new("决策制度、法律顾问、规范性文件、执法队伍。", "Decision rules, legal counsel, normative documents, enforcement staff.")),
        new(AnnualReportChapters.SupervisionAndOpenness, new("强化对行政权力的制约和监督", "Supervision of power and openness"), AnnualReportChapters.SupervisionAndOpenness,
            new("各类监督、政务公开。", "Supervision of every kind, open government.")),
        new(AnnualReportChapters.DisputeResolution, new("健全矛盾纠纷多元化解机制", "Dispute resolution"), AnnualReportChapters.DisputeResolution,
            new("法律服务、矛盾纠纷化解、信访。", "Legal services, disputes, petitions.")),
        new(AnnualReportChapters.LegalLiteracy, new("全面提高政府工作人员和广大群众的法治思维和依法行政能力", "Staff and public legal literacy"), AnnualReportChapters.LegalLiteracy,
            new("学法用法、法治宣传。", "Law study, legal publicity.")),
    ];

    /// <summary>Every part people write, in the document's order.</summary>
    public static IReadOnlyList<ReportPart> Parts { get; } =
    [
        new(Opening, new("导语", "Opening"), null, new("报告的开头一段。", "The report's opening paragraph.")),
        .. Chapters,
        new(FirstResponsible, new("党政主要负责人履行推进法治建设第一责任人职责情况", "How the party and government heads performed their duty as first responsible persons"), null,
            new("党政主要负责人如何履行推进法治建设第一责任人职责。", "How the heads led the rule-of-law work.")),
        new(Shortcomings, new("存在的不足和原因", "Shortcomings and their causes"), null, new("不足之处及其原因。", "What fell short, and why.")),
        new(Plan, new("下一年度工作计划", "Next year's plan"), null, new("下一年度的工作安排。", "What the township will do next year.")),
        new(Other, new("其他需要报告的情况", "Other matters"), null, new("无则写“无”。", "Write “none” if there is nothing.")),
    ];

    /// <summary>The first-level headings (the five contents), in order, with the parts under each.</summary>
    public static IReadOnlyList<(LocalizedText Heading, IReadOnlyList<string> Parts)> Contents { get; } =
    [
        (new("主要举措和成效", "Measures taken and their results"), [.. Chapters.Select(c => c.Key)]),
        (new("党政主要负责人履行推进法治建设第一责任人职责情况", "The heads' duty as first responsible persons"), [FirstResponsible]),
        (new("存在的不足和原因", "Shortcomings and their causes"), [Shortcomings]),
        (new("下一年度工作计划", "Next year's plan"), [Plan]),
        (new("其他需要报告的情况", "Other matters"), [Other]),
    ];

    public static ReportPart? Part(string key) => Parts.FirstOrDefault(p => p.Key == key);

    /// <summary>Chinese ordinals for headings: 一、二、… and （一）（二）….</summary>
    public static string Ordinal(int n) =>
        n is >= 1 and <= 10 ? "一二三四五六七八九十"[(n - 1)..n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The most a written part may hold: a report runs to a few thousand characters.</summary>
    public const int MaxPartLength = 20_000;
}
