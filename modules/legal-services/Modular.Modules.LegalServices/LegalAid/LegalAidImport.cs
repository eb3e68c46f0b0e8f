using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Mediation;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Kit.Time;
using Modular.Modules.LegalServices.LegalAid.Steps;
using static Modular.Modules.LegalServices.Consultations.ConsultationVocabulary;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>One row of an imported register: the receipt, and the steps after it that bring it to the row's state.</summary>
internal sealed record ImportedApplication(ApplicationReceived Received, IReadOnlyList<object> Steps);

/// <summary>
/// Reads a legal-aid register kept in Excel (the columns <see cref="LegalAidWorkbook"/> writes). Each row is checked as
/// the intake form checks it, and its later columns become the steps that bring it to its 状态, each date not before the
/// one before it: closed ones arrive closed, open ones on their clocks. Every bad row is named (row, column, message);
/// any bad row and nothing comes back. A register keeps no materials notice, provisional aid or objection, so rows in a
/// state that needs one (补充材料中, 异议审查中) and referral drafts are refused with a message saying so.
/// </summary>
internal static class LegalAidImport
{
    private const string By = "导入";

    private static readonly IReadOnlyList<string> Required = ["工作站接收时间", "申请人", "援助形式", "经济困难状况认定", "案情及申请理由", "状态"];

    private static readonly ApplicationState[] Forwarded =
        [ApplicationState.Forwarded, ApplicationState.UnderReview, ApplicationState.Granted, ApplicationState.Refused, ApplicationState.Assigned,
            ApplicationState.InProgress, ApplicationState.Closed, ApplicationState.Terminated];

    private static readonly ApplicationState[] Assigned = [ApplicationState.Assigned, ApplicationState.InProgress, ApplicationState.Closed, ApplicationState.Terminated];

    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["receivedAt"] = "工作站接收时间",
        ["applicantName"] = "申请人",
        ["applicantIdNumber"] = "身份证号码",
        ["applicantPhone"] = "联系电话",
        ["applicantAddress"] = "住址",
        ["representativeName"] = "代理申请人",
        ["representativeRelation"] = "代理申请人",
        ["representativePhone"] = "代理申请人电话",
        ["detained"] = "被羁押",
        ["detentionPlace"] = "羁押场所",
        ["matter"] = "申请事项",
        ["form"] = "援助形式",
        ["means"] = "经济困难状况认定",
        ["exemptGroup"] = "免予核查人员",
        ["noMeansTestMatter"] = "不受经济困难条件限制情形",
        ["meansDetails"] = "经济困难状况",
        ["summary"] = "案情及申请理由",
        ["opposingParty"] = "对方当事人",
        ["materials"] = "申请材料",
        ["state"] = "状态",
        ["forwardedAt"] = "转交时间",
        ["letterNumber"] = "转交公函",
        ["agencyOn"] = "机构收到日期",
        ["decidedOn"] = "决定日期",
        ["decision"] = "决定",
        ["decisionNumber"] = "决定书编号",
        ["reasons"] = "不予理由",
        ["assignedOn"] = "指派日期",
        ["assigneeKind"] = "承办人员类别",
        ["assignee"] = "承办人员",
        ["organisation"] = "承办机构",
        ["startedOn"] = "开始办理日期",
        ["endedOn"] = "结案日期",
        ["outcome"] = "办理结果",
        ["terminationReason"] = "终止理由",
        ["report"] = "结案报告",
        ["visitedOn"] = "回访日期",
        ["visitor"] = "回访人",
    };

    public static (IReadOnlyList<ImportedApplication> Rows, IReadOnlyList<ImportRowError> Errors) Read(Stream file, DateTimeOffset now, LegalAidSettings settings)
    {
        return WorkbookRows.ReadAll(file, Required, LegalAidWorkbook.MaxRows, ColumnOf, (row, errors) =>
        {
            var received = ReceiveApplication.Read(Intake(row, errors), now, errors);
            // The later columns are checked even when the intake's are bad: every problem of the row at once.
            var steps = Steps(row, received?.StationReceivedAt, now, settings, errors);
            return new ImportedApplication(received!, steps);
        });
    }

    /// <summary>
    /// Stages the rows in the order they were received, with new numbers of their years after the township's own (the
    /// row's 编号 is the old register's), in one unit of work the caller saves.
    /// </summary>
    public static async Task<int> StageAsync(IDocumentSession session, IReadOnlyList<ImportedApplication> rows, CancellationToken ct)
    {
        var numbers = new YearlyNumberBatch<LegalAidNumberCounter>(session);
        foreach (var row in rows.OrderBy(r => r.Received.StationReceivedAt))
        {
            var year = TownshipTime.DayOf(row.Received.StationReceivedAt).Year;
            var number = await numbers.NextAsync(year, ct);
            var id = Guid.CreateVersion7();
            var steps = row.Steps.Select(e => e is ApplicationForwarded { LetterNumber: "" } f ? f with { LetterNumber = $"法援转〔{year}〕{number}号" } : e);
            session.Events.StartStream<LegalAidApplication>(id, [row.Received with { Id = id, Number = number }, .. steps]);
        }

        numbers.Stage();
        return rows.Count;
    }

    private static ApplicationInput Intake(WorkbookRow row, InputErrors errors)
    {
        var detained = row["被羁押"];
        errors.Require(detained is "" or "是" or "否", "detained", "被羁押一栏请填写“是”或“否”", "Detained is 是 or 否.");
        var (repName, repRelation) = Representative(row["代理申请人"]);
        return new ApplicationInput
        {
            ReceivedAt = row["工作站接收时间"],
            ApplicantName = row["申请人"],
            ApplicantIdNumber = row["身份证号码"],
            ApplicantPhone = row["联系电话"],
            ApplicantAddress = row["住址"],
            RepresentativeName = repName,
            RepresentativeRelation = repRelation,
            RepresentativePhone = row["代理申请人电话"],
            Detained = detained == "是",
            DetentionPlace = row["羁押场所"],
            Matter = ChoiceCell<LegalAidMatter>(row["申请事项"], LegalAidVocabulary.Label),
            Form = ChoiceCell<AidForm>(row["援助形式"], LegalAidVocabulary.Label),
            Means = ChoiceCell<MeansRoute>(row["经济困难状况认定"], LegalAidVocabulary.Label),
            ExemptGroup = ChoiceCell<ExemptGroup>(row["免予核查人员"], LegalAidVocabulary.Label),
            NoMeansTestMatter = ChoiceCell<NoMeansTestMatter>(row["不受经济困难条件限制情形"], LegalAidVocabulary.Label),
            MeansDetails = row["经济困难状况"],
            Summary = row["案情及申请理由"],
            OpposingParty = row["对方当事人"],
            Materials = row["申请材料"],
        };
    }

    // "王小明（儿子）" as the export writes it; a name alone leaves the relation to be asked for (Art 40).
    private static (string? Name, string? Relation) Representative(string cell)
    {
        if (cell.Length == 0)
        {
            return (null, null);
        }

        var open = cell.IndexOf('（', StringComparison.Ordinal);
        return open > 0 && cell.EndsWith('）') ? (cell[..open], cell[(open + 1)..^1]) : (cell, null);
    }

    private static List<object> Steps(WorkbookRow row, DateTimeOffset? receivedAt, DateTimeOffset now, LegalAidSettings settings, InputErrors errors)
    {
        var steps = new List<object>();
        var state = errors.Choice<ApplicationState>("state", ChoiceCell<ApplicationState>(row["状态"], LegalAidVocabulary.Label), "状态", "state");
        if (state is null)
        {
            return steps;
        }

        if (state is ApplicationState.Draft or ApplicationState.Dismissed or ApplicationState.MaterialsRequested or ApplicationState.ObjectionPending)
        {
            errors.Add("state", $"“{LegalAidVocabulary.Label(state.Value).Chinese}”的申请不能从登记簿导入，请导入后在系统中办理", "Applications in this state cannot be imported from a register: enter them in the platform.");
            return steps;
        }

        var today = TownshipTime.DayOf(now);
        var last = receivedAt is { } r ? TownshipTime.DayOf(r) : (DateOnly?)null;
        DateOnly? Day(string field, string column, string en, bool required = true)
        {
            var day = errors.Date(field, row[column], column, en, today, required);
            if (day is { } d && last is { } l && d < l)
            {
                errors.Add(field, $"{column}不能早于前一环节的日期", $"The {en} cannot precede the step before it.");
            }

            last = day ?? last;
            return day;
        }

        bool In(params ApplicationState[] states) => states.Contains(state.Value);

        if (In(Forwarded))
        {
            var at = errors.Instant("forwardedAt", row["转交时间"], "转交时间", "Forwarded at", now);
            if (at < receivedAt)
            {
                errors.Add("forwardedAt", "转交时间不能早于工作站接收时间", "The application cannot be forwarded before the station received it.");
            }

            last = at is { } a ? TownshipTime.DayOf(a) : last;
            steps.Add(new ApplicationForwarded(at ?? now, settings.Agency, errors.Optional("letterNumber", row["转交公函"], "转交公函", "Forwarding letter", 100) ?? ""));
            if (Day("agencyOn", "机构收到日期", "agency's receipt", required: !In(ApplicationState.Forwarded)) is { } agencyOn)
            {
                steps.Add(new AgencyReceiptRecorded(agencyOn));
            }
        }

        if (In(ApplicationState.Refused))
        {
            errors.Require(row["决定"] == "不予", "decision", "不予法律援助的，决定一栏请填写“不予”", "A refusal is written 不予.");
            var reasons = errors.Required("reasons", row["不予理由"], "不予理由", "Reasons", 2000);
            steps.Add(new AidRefused(Day("decidedOn", "决定日期", "decision day") ?? today, DecisionNumber(row, errors), reasons ?? ""));
        }

        if (In([ApplicationState.Granted, .. Assigned]))
        {
            errors.Require(row["决定"] == "给予", "decision", "给予法律援助的，决定一栏请填写“给予”", "A grant is written 给予.");
            steps.Add(new AidGranted(Day("decidedOn", "决定日期", "decision day") ?? today, DecisionNumber(row, errors)));
        }

        if (In(Assigned))
        {
            var on = Day("assignedOn", "指派日期", "assignment day");
            var kind = errors.Choice<AssigneeKind>("assigneeKind", ChoiceCell<AssigneeKind>(row["承办人员类别"], LegalAidVocabulary.Label), "承办人员类别", "kind of assignee");
            var assignee = errors.Required("assignee", row["承办人员"], "承办人员", "Assignee", 50);
            var organisation = errors.Required("organisation", row["承办机构"], "承办机构", "Organisation", 100);
            steps.Add(new AidAssigned(on ?? today, kind ?? AssigneeKind.Lawyer, assignee ?? "", organisation ?? ""));
            if (Day("startedOn", "开始办理日期", "start", required: In(ApplicationState.InProgress, ApplicationState.Closed)) is { } started)
            {
                steps.Add(new AidStarted(started, By));
            }
        }

        steps.AddRange(Ending(row, state.Value, Day, errors));
        return steps;
    }

    private static IEnumerable<object> Ending(WorkbookRow row, ApplicationState state, Func<string, string, string, bool, DateOnly?> day, InputErrors errors)
    {
        if (state == ApplicationState.Withdrawn)
        {
            return [new ApplicationWithdrawn(day("endedOn", "结案日期", "day withdrawn", true) ?? default, By)];
        }

        if (state == ApplicationState.Terminated)
        {
            var on = day("endedOn", "结案日期", "day terminated", true);
            var text = row["办理结果"];
            var ground = errors.Choice<TerminationGround>("outcome",
                ChoiceCell<TerminationGround>(text.StartsWith(LegalAidWorkbook.TerminatedPrefix, StringComparison.Ordinal) ? text[LegalAidWorkbook.TerminatedPrefix.Length..] : text, LegalAidVocabulary.Label) ?? text,
                "终止情形（第四十八条）", "ground of termination (Art 48)");
            var reason = errors.Required("terminationReason", row["终止理由"], "终止理由", "Reason", 2000);
            return [new AidTerminated(on ?? default, ground ?? default, reason ?? "")];
        }

        if (state != ApplicationState.Closed)
        {
            return [];
        }

        var closedOn = day("endedOn", "结案日期", "closing day", true);
        var outcome = errors.Required("outcome", row["办理结果"], "办理结果", "Outcome", 2000);
        List<object> ending = [new AidClosed(closedOn ?? default, outcome ?? "", errors.Optional("report", row["结案报告"], "结案报告", "Closing report", 8000) ?? "")];
        if (day("visitedOn", "回访日期", "follow-up visit", false) is { } visited)
        {
            ending.Add(new RecipientVisited(visited, errors.Required("visitor", row["回访人"], "回访人", "Visitor", 50) ?? "", By));
        }

        return ending;
    }

    private static string DecisionNumber(WorkbookRow row, InputErrors errors) => errors.Optional("decisionNumber", row["决定书编号"], "决定书编号", "Decision number", 100) ?? "";
}

/// <summary>Imports an existing register: all rows or none, every bad row named.</summary>
internal sealed class LegalAidRegisterImport(IDocumentSession session, LegalAidSettingsStore settings, TimeProvider time)
{
    public async Task<LedgerImportResult> ImportAsync(Stream file, CancellationToken ct) =>
        await LedgerImports.SaveAsync(session, LegalAidImport.Read(file, time.GetUtcNow(), await settings.GetAsync(ct)), rows => LegalAidImport.StageAsync(session, rows, ct), ct);

    /// <summary><c>POST …/legal-aid/import</c> (multipart <c>file</c>): 200 with the count, or 400 naming every bad row.</summary>
    public static Task<Results<Ok<LedgerImportResult>, ValidationProblem, ProblemHttpResult>> EndpointAsync(IFormFile? file, LegalAidRegisterImport import, CancellationToken ct) =>
        LedgerImports.AnswerAsync(file, LegalAidWorkbook.MaxFileBytes, stream => import.ImportAsync(stream, ct));

    /// <summary>The empty register with the columns the export writes and the import reads.</summary>
    public static FileContentHttpResult Template() =>
        TypedResults.File(Workbook.Write(LegalAidWorkbook.SheetName, LegalAidWorkbook.Columns, []), Workbook.ContentType, "legal-aid-register-template.xlsx");
}
