using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.LawStudy;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Records;
using static Modular.Kit.Text;

namespace Modular.Modules.LawStudy.Enforcement;

internal sealed record TaskView(Guid Id, long Version, string Number, string Kind, string KindLabel, string Category, string Area, DateOnly On,
    string? PowerItemCode, string? PowerItemName, string Subject, string State, string StateLabel, IReadOnlyList<AssignedOfficer> Officers,
    DateOnly? ConcludedOn, bool? DecisionMade, string? Conclusion, IReadOnlyList<string> Allowed)
{
    public static TaskView Of(EnforcementTask t) => new(t.Id, t.Version, t.Number, t.Kind.ToString(), T(EnforcementTask.Label(t.Kind)), t.Category, t.Area, t.On,
        t.PowerItemCode, t.PowerItemName, t.Subject, t.State.ToString(), T(EnforcementTask.Label(t.State)), t.Officers, t.ConcludedOn, t.DecisionMade,
        t.Conclusion, EnforcementTask.Steps.Allowed(t));
}

/// <summary>The register's filters: kind, category, state, a period of task days, an officer.</summary>
internal sealed record TaskFilter(EnforcementKind? Kind, string? Category, TaskState? State, Period Period, Guid? Officer)
{
    public static TaskFilter Read(InputErrors errors, string? kind, string? category, string? state, string? from, string? to, Guid? officer, DateOnly today) =>
        new(errors.Choice<EnforcementKind>("kind", kind, "执法类型", "kind", required: false), category is { Length: > 0 } ? category : null,
            errors.Choice<TaskState>("state", state, "状态", "state", required: false), Period.Read(from, to, today, errors), officer);
}

/// <summary>The task register: a township records hundreds of tasks a year at most, read for a period.</summary>
internal sealed class TaskQueries(IQuerySession session)
{
    public const int MaxTasks = 5000;

    public async Task<IReadOnlyList<EnforcementTask>> InPeriodAsync(Period period, CancellationToken ct) =>
        await session.Query<EnforcementTask>().Where(t => t.On >= period.From && t.On <= period.To)
            .OrderByDescending(t => t.On).ThenByDescending(t => t.Number).Take(MaxTasks).ToListAsync(ct);

    public async Task<IReadOnlyList<TaskView>> ListAsync(TaskFilter filter, CancellationToken ct) =>
        [.. (await InPeriodAsync(filter.Period, ct))
            .Where(t => filter.Kind is not { } kind || t.Kind == kind)
            .Where(t => filter.Category is not { } category || t.Category == category)
            .Where(t => filter.State is not { } state || t.State == state)
            .Where(t => filter.Officer is not { } officer || t.Officers.Any(o => o.StaffId == officer))
            .Select(TaskView.Of)];

    public async Task<TaskView?> GetAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<EnforcementTask>(id, ct) is { } t ? TaskView.Of(t) : null;

    public async Task<IReadOnlyList<AssignmentRefusal>> RefusalsAsync(int year, CancellationToken ct) =>
        await session.Query<AssignmentRefusal>().Where(r => r.Year == year).OrderByDescending(r => r.RefusedOn).Take(MaxTasks).ToListAsync(ct);

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<EnforcementTask>(session, id, Describe, ct);

    private static string Describe(object e) => e switch
    {
        EnforcementTaskRecorded r => T($"登记：{EnforcementTask.Label(r.Kind).Chinese}（{r.Category}，{r.Area}）{r.Subject}", $"Recorded: {EnforcementTask.Label(r.Kind).English} ({r.Category}, {r.Area}) {r.Subject}"),
        OfficersAssigned a => T($"指派：{string.Join("、", a.Officers.Select(o => $"{o.Name}（{o.CertificateNumber}）"))}", $"Assigned: {string.Join(", ", a.Officers.Select(o => $"{o.Name} ({o.CertificateNumber})"))}"),
        EnforcementTaskConcluded c => T($"办结（{c.On:yyyy-MM-dd}）：{c.Conclusion}", $"Concluded ({c.On:yyyy-MM-dd}): {c.Conclusion}"),
        EnforcementDecisionRecorded => T("已报送政务公开年度报告统计", "Reported to the open-government annual report"),
        _ => e.GetType().Name,
    };
}

internal static class TaskEndpoints
{
    public static async Task<Results<Ok<IReadOnlyList<TaskView>>, ValidationProblem>> ListAsync(
        string? kind, string? category, string? state, string? from, string? to, Guid? officer, TaskQueries queries, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = TaskFilter.Read(errors, kind, category, state, from, to, officer, TownshipTime.Today(time));
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    public static async Task<Results<Ok<TaskView>, NotFound>> GetAsync(Guid id, TaskQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, TaskQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    public static async Task<Results<Ok<EnforcementFigureSet>, ValidationProblem>> FiguresAsync(int? year, EnforcementFigures figures, TimeProvider time, CancellationToken ct)
    {
        var y = year ?? TownshipTime.Today(time).Year;
        return y is < 2000 or > 9998
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [Both("年份无效", "The year is out of range.")] })
            : TypedResults.Ok(await figures.ForYearAsync(y, ct));
    }

    /// <summary><c>POST …/enforcement/qualification</c>: the contract's answer, for a page or a county system that asks by certificate numbers.</summary>
    public static async Task<Ok<QualificationAnswer>> QualificationAsync(QualificationInput input, EnforcementQualificationProvider gate, CancellationToken ct)
    {
        var errors = new InputErrors();
        var on = errors.Day("on", input.On);
        var category = errors.Required("category", input.Category, "执法类别", "Category", 50);
        var area = errors.Required("area", input.Area, "执法区域", "Area", 100);
        var numbers = (input.CertificateNumbers ?? []).Select(n => n?.Trim() ?? "").ToList();
        if (on is null && !errors.Has("on"))
        {
            errors.Add("on", "请填写执法日期", "The date is required.");
        }

        if (numbers.Count > 20)
        {
            errors.Add("certificateNumbers", "最多20个执法证编号", "Give up to 20 certificate numbers.");
        }
        else
        {
            for (var i = 0; i < numbers.Count; i++)
            {
                Certificates.CertificateDetails.Number(errors, $"certificateNumbers[{i}]", numbers[i]);
            }
        }

        errors.ThrowIfAny();
        return TypedResults.Ok(await gate.CheckAsync(new QualificationRequest(on!.Value, category!, area!, numbers), ct));
    }
}

/// <summary>The gate's question as the API posts it: text only, so junk is a field error.</summary>
internal sealed class QualificationInput
{
    public string? On { get; set; }

    public string? Category { get; set; }

    public string? Area { get; set; }

    public List<string?>? CertificateNumbers { get; set; }
}
