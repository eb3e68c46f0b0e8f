using Marten;
using Modular.Contracts.LegalServices;
using Modular.Contracts.PersonalData;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Kit.Time;
using Modular.Modules.LegalServices.Consultations.Steps;
using static Modular.Modules.LegalServices.Consultations.ConsultationVocabulary;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>
/// The consultation register as the station keeps it in Excel (one row per consultation, the columns below). The
/// export writes what the import reads, so a full export of one township imports into another.
/// </summary>
internal static class ConsultationWorkbook
{
    public const string SheetName = "法律咨询登记";
    public const int MaxRows = 5000;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns =
        ["编号", "接待时间", "咨询渠道", "咨询类别", "姓名", "身份证号码", "联系电话", "村（社区）", "住址", "咨询内容", "办理结果", "办理时间", "答复内容", "转办窗口", "转办说明"];

    private static readonly IReadOnlyList<string> Required = ["接待时间", "咨询渠道", "咨询类别", "姓名", "村（社区）", "咨询内容", "办理结果"];

    // The form's fields and the columns they are read from, so a row's refusal names its column.
    private static readonly Dictionary<string, string> ColumnOf = new(StringComparer.Ordinal)
    {
        ["receivedAt"] = "接待时间",
        ["channel"] = "咨询渠道",
        ["topic"] = "咨询类别",
        ["name"] = "姓名",
        ["idNumber"] = "身份证号码",
        ["phone"] = "联系电话",
        ["village"] = "村（社区）",
        ["address"] = "住址",
        ["question"] = "咨询内容",
        ["state"] = "办理结果",
        ["at"] = "办理时间",
        ["answer"] = "答复内容",
        ["opinion"] = "答复内容",
        ["note"] = "转办说明",
        ["window"] = "转办窗口",
    };

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<Consultation> consultations, Func<PersonalDataKind, string?, string> show) =>
        consultations.Select(c => (IReadOnlyList<object?>)
        [
            c.Number, TownshipTime.Format(c.ReceivedAt), Label(c.Channel).Chinese, Label(c.Topic).Chinese, c.Name,
            show(PersonalDataKind.IdNumber, c.IdNumber), show(PersonalDataKind.PhoneNumber, c.Phone), c.Village, show(PersonalDataKind.Address, c.Address),
            c.Question, Label(c.State).Chinese, c.ClosedAt is { } at ? TownshipTime.Format(at) : c.OpinionPromisedAt is { } p ? TownshipTime.Format(p) : "",
            c.Answer ?? c.Opinion ?? c.OpinionNote ?? "", c.Window is { } w ? Label(w).Chinese : "", c.RoutingNote ?? "",
        ]);

    /// <summary>
    /// Reads a register and turns each row into its events, checked as the desk and the steps check them. Every bad row
    /// is named (row, column, message); any bad row and nothing comes back.
    /// </summary>
    public static (IReadOnlyList<(ConsultationRegistered Registered, object? Outcome)> Rows, IReadOnlyList<ImportRowError> Errors) Read(
        Stream file, DateTimeOffset now, ConsultationSettings settings)
    {
        return WorkbookRows.ReadAll(file, Required, MaxRows, ColumnOf, (row, rowErrors) =>
        {
            var input = new RegisterConsultationInput
            {
                ReceivedAt = row["接待时间"],
                Channel = ChoiceCell<ConsultationChannel>(row["咨询渠道"], Label),
                Topic = ChoiceCell<ConsultationTopic>(row["咨询类别"], Label),
                Name = row["姓名"],
                IdNumber = row["身份证号码"],
                Phone = row["联系电话"],
                Village = row["村（社区）"],
                Address = row["住址"],
                Question = row["咨询内容"],
            };
            rowErrors.Require(row["接待时间"].Length > 0, "receivedAt", "请填写接待时间", "The time received is required.");
            var registered = RegisterConsultation.Decide(input, now, settings, rowErrors, imported: true);
            // The outcome's cells are checked even when the registration's are bad: every problem of the row at once.
            var outcome = Outcome(row, registered?.ReceivedAt, now, rowErrors);
            return (registered!, outcome);
        });
    }

    /// <summary>Stages the rows with numbers of their years, in one unit of work (the caller saves it).</summary>
    public static async Task<int> StageAsync(IDocumentSession session, IReadOnlyList<(ConsultationRegistered Registered, object? Outcome)> rows, CancellationToken ct)
    {
        var numbers = new YearlyNumberBatch<ConsultationNumberCounter>(session);
        foreach (var (registered, outcome) in rows)
        {
            var year = TownshipTime.DayOf(registered.ReceivedAt).Year;
            var id = Guid.CreateVersion7();
            var first = registered with { Id = id, Number = await numbers.NextAsync(year, ct) };
            session.Events.StartStream<Consultation>(id, outcome is null ? [first] : [first, outcome]);
        }

        numbers.Stage();
        return rows.Count;
    }

    private static object? Outcome(WorkbookRow row, DateTimeOffset? receivedAt, DateTimeOffset now, InputErrors errors)
    {
        var state = ChoiceCell<ConsultationState>(row["办理结果"], Label);
        var parsed = errors.Choice<ConsultationState>("state", state ?? row["办理结果"], "办理结果", "outcome");
        if (parsed is null or ConsultationState.Registered)
        {
            return null;
        }

        // Imported as the register has it: the outcome's time after the receipt, read as the step would read it.
        var at = errors.Instant("at", row["办理时间"], "办理时间", "Time", now);
        if (at < receivedAt)
        {
            errors.Add("at", "办理时间不能早于接待时间", "The time cannot precede the receipt.");
        }

        var text = row["答复内容"];
        return parsed switch
        {
            ConsultationState.Answered => errors.Required("answer", text, "答复内容", "Answer", 4000) is { } a && at is { } t ? new ConsultationAnswered(t, a, "导入") : null,
            ConsultationState.AwaitingOpinion => at is { } t ? new WrittenOpinionPromised(t, errors.Optional("answer", text, "说明", "Note", 2000), "导入") : null,
            ConsultationState.OpinionGiven => errors.Required("opinion", text, "书面意见", "Written opinion", 8000) is { } o && at is { } t ? new WrittenOpinionGiven(t, o, "导入") : null,
            _ => Routed(row, at, errors),
        };
    }

    // An imported routing is history: it is not handed to mediation again (the mediator had it then).
    private static ConsultationRouted? Routed(WorkbookRow row, DateTimeOffset? at, InputErrors errors)
    {
        var window = errors.Choice<ServiceWindow>("window", ChoiceCell<ServiceWindow>(row["转办窗口"], Label) ?? row["转办窗口"], "转办窗口", "window");
        var note = errors.Required("note", row["转办说明"], "转办说明", "Note for the window", 2000);
        return window is { } w && note is { } n && at is { } t ? new ConsultationRouted(t, w, n, "导入") : null;
    }
}
