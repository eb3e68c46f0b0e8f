using System.Globalization;
using Marten;
using Modular.Contracts.Caching;
using Modular.Contracts.PersonalData;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Modules.Mediation.Disputes.Steps;
using SpecialGroups = Modular.Modules.Mediation.Shared.SpecialGroups;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>
/// Where a dispute stood in a ledger kept before the platform: recorded as one event after its intake, so the
/// history says plainly that these steps were imported, not taken here.
/// </summary>
internal sealed record LedgerOutcomeImported(LedgerOutcome Outcome, DateOnly? On, string? Mediator, AgreementForm? Form, string? Note);

internal enum LedgerOutcome
{
    InMediation, // 调解中
    Agreed,      // 达成协议
    Failed,      // 调解不成
    Routed,      // 已分流
    Refused,     // 拒绝调解
}

/// <summary>
/// The dispute ledger (矛盾纠纷排查化解台帐) in Excel, one dispute per row. The export and the import share their
/// columns, so a full export can be imported elsewhere; the export is masked unless asked for in full with a reason.
/// </summary>
internal static class DisputeLedgerWorkbook
{
    public const int MaxRows = 5000;
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const string SheetName = "矛盾纠纷台帐";

    public static readonly IReadOnlyList<string> Columns =
    [
        "编号", "受理日期", "来源", "移交单位", "类别", "村（社区）",
        "申请人", "申请人身份证号码", "申请人联系电话", "被申请人", "被申请人身份证号码", "被申请人联系电话",
        "纠纷简要情况", "特殊群体", "激化风险", "调解员", "办理结果", "结果日期", "协议形式", "结果说明",
    ];

    private static readonly string[] Required = ["受理日期", "来源", "类别", "村（社区）", "申请人", "被申请人", "纠纷简要情况", "激化风险"];

    private static LocalizedOutcome[] Outcomes { get; } =
    [
        new(LedgerOutcome.InMediation, "调解中"), new(LedgerOutcome.Agreed, "达成协议"), new(LedgerOutcome.Failed, "调解不成"),
        new(LedgerOutcome.Routed, "已分流"), new(LedgerOutcome.Refused, "拒绝调解"),
    ];

    private sealed record LocalizedOutcome(LedgerOutcome Outcome, string Chinese);

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<Dispute> disputes, DisputeSettings settings, Func<PersonalDataKind, string?, string> show) =>
        disputes.Select(d =>
        {
            var applicants = d.Parties.Where(p => p.Role == PartyRole.Applicant).ToList();
            var respondents = d.Parties.Where(p => p.Role == PartyRole.Respondent).ToList();
            var (outcome, on, note) = Outcome(d);
            return (IReadOnlyList<object?>)
            [
                d.Number, d.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DisputeVocabulary.Label(d.Source).Chinese, d.TransferredFrom,
                settings.Label(d.Category).Chinese, d.Village,
                Names(applicants), Joined(applicants, p => show(PersonalDataKind.IdNumber, p.IdNumber)), Joined(applicants, p => show(PersonalDataKind.PhoneNumber, p.Phone)),
                Names(respondents), Joined(respondents, p => show(PersonalDataKind.IdNumber, p.IdNumber)), Joined(respondents, p => show(PersonalDataKind.PhoneNumber, p.Phone)),
                d.Summary, string.Join("、", d.SpecialGroups.Select(g => SpecialGroups.Label(g).Chinese)), DisputeVocabulary.Label(d.Risk).Chinese,
                d.Mediator, Outcomes.First(o => o.Outcome == outcome).Chinese, on?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.AgreementForm is { } form ? DisputeVocabulary.Label(form).Chinese : null, note,
            ];
        });

    private static (LedgerOutcome Outcome, DateOnly? On, string? Note) Outcome(Dispute d) => d switch
    {
        { ResolvedOn: { } on } => (LedgerOutcome.Agreed, on, d.Agreement?.Terms ?? d.OralTerms ?? d.OutcomeNote),
        { FailedOn: { } on } => (LedgerOutcome.Failed, on, d.FailureReason ?? d.OutcomeNote),
        { RoutedOn: { } on } => (LedgerOutcome.Routed, on, d.RoutedTo is null ? d.OutcomeNote : $"{d.RoutedTo}：{d.RoutingReason}"),
        { RefusedOn: { } on } => (LedgerOutcome.Refused, on, d.RefusalReason ?? d.OutcomeNote),
        _ => (LedgerOutcome.InMediation, null, null),
    };

    private static string Names(IEnumerable<Party> parties) => string.Join("、", parties.Select(p => p.Name));

    // Values of several parties are kept in order, "；" apart, so the import can give each back to its party.
    private static string Joined(IReadOnlyList<Party> parties, Func<Party, string> value) =>
        parties.All(p => value(p).Length == 0) ? "" : string.Join("；", parties.Select(value));

    /// <summary>
    /// Reads a ledger and checks every row as an intake would be checked, plus its outcome; returns the disputes to
    /// record, or every bad row. Nothing is recorded by this method.
    /// </summary>
    public static (List<(DisputeTakenIn Intake, LedgerOutcomeImported? Outcome)> Disputes, List<ImportRowError> Errors) Read(
        Stream file, DisputeSettings settings, DateOnly today)
    {
        var (rows, problems) = Workbook.Read(file, Required, MaxRows);
        var errors = problems.ToList();
        var disputes = new List<(DisputeTakenIn, LedgerOutcomeImported?)>();
        foreach (var row in rows)
        {
            var rowErrors = new InputErrors();
            var input = new DisputeIntakeInput
            {
                Source = ChoiceName<DisputeSource>(row["来源"], DisputeVocabulary.Label),
                ReceivedOn = row["受理日期"],
                Category = settings.Categories.FirstOrDefault(c => c.Chinese == row["类别"])?.Code ?? row["类别"],
                Village = row["村（社区）"],
                Summary = row["纠纷简要情况"],
                Risk = ChoiceName<EscalationRisk>(row["激化风险"], DisputeVocabulary.Label),
                TransferredFrom = row["移交单位"],
                SpecialGroups = [.. Split(row["特殊群体"], '、', ',', '，')],
                Parties = [.. Parties(row, "申请人", PartyRole.Applicant), .. Parties(row, "被申请人", PartyRole.Respondent)],
            };
            foreach (var column in new[] { "申请人身份证号码", "申请人联系电话", "被申请人身份证号码", "被申请人联系电话" })
            {
                var names = Split(row[column.StartsWith("被", StringComparison.Ordinal) ? "被申请人" : "申请人"], '、', ',', '，').Count();
                if (Places(row[column]).Count > names)
                {
                    rowErrors.Add(column, $"{column}多于当事人人数（多人以“；”分隔，按姓名顺序）", "More values than parties (several are '；' apart, in the names' order).");
                }
            }

            var intake = TakeInDispute.Validate(input, settings, today, rowErrors, "");
            var outcome = ReadOutcome(row, intake?.ReceivedOn, today, rowErrors);
            if (rowErrors.Any)
            {
                errors.AddRange(rowErrors.ToDictionary().SelectMany(e => e.Value.Select(m => new ImportRowError(row.Number, Column(e.Key), m))));
            }
            else
            {
                disputes.Add((intake!, outcome));
            }
        }

        return (disputes, errors);
    }

    private static LedgerOutcomeImported? ReadOutcome(WorkbookRow row, DateOnly? receivedOn, DateOnly today, InputErrors errors)
    {
        var text = row["办理结果"];
        var mediator = errors.Optional("mediator", row["调解员"], "调解员", "Mediator", 100);
        if (text.Length == 0 && mediator is null)
        {
            return null;
        }

        var outcome = Outcomes.FirstOrDefault(o => o.Chinese == text)?.Outcome;
        if (outcome is null)
        {
            errors.Add("outcome", $"办理结果应为：{string.Join("、", Outcomes.Select(o => o.Chinese))}", "The outcome is not one of the choices.");
            return null;
        }

        var on = errors.Date("outcomeOn", row["结果日期"], "结果日期", "Outcome date", today, required: outcome != LedgerOutcome.InMediation);
        if (on is { } day && receivedOn is { } received && day < received)
        {
            errors.Add("outcomeOn", "结果日期不能早于受理日期", "The outcome cannot precede the intake.");
        }

        AgreementForm? form = null;
        if (outcome == LedgerOutcome.Agreed)
        {
            form = row["协议形式"] switch
            {
                "书面协议" or "书面" => AgreementForm.Written,
                "口头协议" or "口头" => AgreementForm.Oral,
                _ => null,
            };
            if (form is null)
            {
                errors.Add("form", "达成协议的，协议形式应为“书面协议”或“口头协议”", "An agreement is written or oral.");
            }
        }

        var note = errors.Optional("note", row["结果说明"], "结果说明", "Note", 4000);
        return new LedgerOutcomeImported(outcome.Value, on, mediator, form, note);
    }

    private static IEnumerable<PartyInput> Parties(WorkbookRow row, string column, PartyRole role)
    {
        var names = Split(row[column], '、', ',', '，').ToList();
        // Kept in the parties' order with empty places ("；5205…" is the second party's), as the export writes them.
        var ids = Places(row[column + "身份证号码"]);
        var phones = Places(row[column + "联系电话"]);
        return names.Select((name, i) => new PartyInput
        {
            Name = name,
            Role = role.ToString(),
            IdNumber = i < ids.Count && ids[i].Length > 0 ? ids[i] : null,
            Phone = i < phones.Count && phones[i].Length > 0 ? phones[i] : null,
        });
    }

    private static List<string> Places(string value) =>
        value.Length == 0 ? [] : [.. value.Split(['；', ';'], StringSplitOptions.TrimEntries)];

    private static IEnumerable<string> Split(string value, params char[] separators) =>
        value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // A cell holds the Chinese label as the export writes it, or the English name as an API client would.
    private static string ChoiceName<TEnum>(string cell, Func<TEnum, Contracts.Modules.LocalizedText> label)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().FirstOrDefault(v => label(v).Chinese == cell) is var match && label(match).Chinese == cell ? match.ToString() : cell;

    private static string Column(string field) => field switch
    {
        "receivedOn" => "受理日期",
        "source" => "来源",
        "transferredFrom" => "移交单位",
        "category" => "类别",
        "village" => "村（社区）",
        "summary" => "纠纷简要情况",
        "specialGroups" => "特殊群体",
        "risk" => "激化风险",
        "mediator" => "调解员",
        "outcome" => "办理结果",
        "outcomeOn" => "结果日期",
        "form" => "协议形式",
        "note" => "结果说明",
        "parties" => "申请人、被申请人",
        _ when field.StartsWith("parties[", StringComparison.Ordinal) => PartyColumn(field),
        _ => field,
    };

    // The import lists applicants before respondents, so a party's place in the row is its number here.
    private static string PartyColumn(string field)
    {
        var number = int.Parse(field.AsSpan("parties[".Length, field.IndexOf(']', StringComparison.Ordinal) - "parties[".Length), CultureInfo.InvariantCulture) + 1;
        var what = field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..] switch
        {
            "idNumber" => "身份证号码",
            "phone" => "联系电话",
            _ => "姓名",
        };
        return $"第{number}位当事人{what}";
    }
}

/// <summary>Records an imported ledger in one transaction: every row's dispute with its number, or nothing.</summary>
internal sealed class DisputeLedgerImport(IDocumentSession session, DisputeSettingsReader settingsReader, DisputeClock clock, ITownshipCache cache)
{
    public async Task<(int Imported, IReadOnlyList<ImportRowError> Errors)> ImportAsync(Stream file, CancellationToken ct)
    {
        var (disputes, errors) = DisputeLedgerWorkbook.Read(file, await settingsReader.GetAsync(ct), clock.Today);
        if (errors.Count > 0)
        {
            return (0, errors);
        }

        // Numbers are taken per year from the counters, all in this one unit of work.
        var counters = new Dictionary<int, DisputeNumberCounter>();
        foreach (var (intake, outcome) in disputes.OrderBy(x => x.Intake.ReceivedOn))
        {
            var year = intake.ReceivedOn.Year;
            if (!counters.TryGetValue(year, out var counter))
            {
                var key = year.ToString(CultureInfo.InvariantCulture);
                counters[year] = counter = await session.LoadAsync<DisputeNumberCounter>(key, ct) ?? new DisputeNumberCounter { Id = key };
            }

            counter.Last++;
            var id = Guid.CreateVersion7();
            var taken = intake with { Id = id, Number = $"{year}-{counter.Last:D4}" };
            session.Events.StartStream<Dispute>(id, outcome is null ? [taken] : [taken, outcome]);
        }

        session.Store(counters.Values.ToArray());
        cache.Changed(session, DisputeQueries.FilterChoicesKey);
        await session.SaveChangesAsync(ct);
        return (disputes.Count, []);
    }
}
