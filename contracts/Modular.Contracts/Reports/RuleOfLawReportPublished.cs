using Modular.Contracts.Integration;

namespace Modular.Contracts.Reports;

/// <summary>One block of the published report's text: a heading of its level (1 一、, 2 （一）), a paragraph (0), or a line set right (-1: the issuing office, the date).</summary>
public sealed record ReportBlock(int Level, string Text);

/// <summary>
/// A township published its annual rule-of-law government work report (法治政府建设年度报告): the platform hands it to
/// open government, which files it as a proactive publication on the township's portal (法治政府建设与责任落实督察工作规定
/// 第二十五条: reports are made public on the government's portal). Appended to the report's stream in the same
/// transaction as the step, so it exists exactly when the report is published; handled once.
/// </summary>
/// <param name="ReportId">The report's stream: a handler derives its own record's id from it, so a replay finds it.</param>
/// <param name="Title">野马川镇2020年法治政府建设工作报告.</param>
/// <param name="Blocks">The text as sent to the county, its figures written in.</param>
/// <param name="Docx">The .docx of that version (GB/T 9704-2012), to attach.</param>
[IntegrationEventAlias("platform.rule-of-law-report-published.v1")]
public sealed record RuleOfLawReportPublished(
    Guid ReportId,
    int Year,
    int ReportVersion,
    string Title,
    string IssuingOffice,
    DateOnly MadeOn,
    DateTimeOffset PublishedAt,
    IReadOnlyList<ReportBlock> Blocks,
    string DocxFileName,
    byte[] Docx,
    string PublishedBy) : IIntegrationEvent;
