using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.LawStudy;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Modules.LawStudy.Certificates;

namespace Modular.Modules.LawStudy.Enforcement.Steps;

internal sealed class RecordTaskInput
{
    public string? Kind { get; set; }

    public string? Category { get; set; }

    public string? Area { get; set; }

    public string? On { get; set; }

    public string? PowerItemCode { get; set; }

    public string? PowerItemName { get; set; }

    public string? Subject { get; set; }
}

/// <summary>
/// 登记执法任务: an inspection, a penalty case or a coercive measure is recorded, numbered in its year (2020-0001). Its
/// day may lie ahead (an inspection planned); the officers are assigned by their own step, through the gate.
/// </summary>
internal sealed class RecordTask(IDocumentSession session, ICurrentUser user)
{
    public static EnforcementTaskRecorded? Decide(RecordTaskInput input, string by, InputErrors errors)
    {
        var kind = errors.Choice<EnforcementKind>("kind", input.Kind, "执法类型", "kind");
        if (kind == EnforcementKind.Licensing)
        {
            errors.Add("kind", "执法任务为行政检查、行政处罚或行政强制", "A task is an inspection, a penalty case or a coercive measure.");
        }

        var category = errors.Required("category", input.Category, "执法类别", "Category", 50);
        if (category is not null && !CertificateVocabulary.IsCategory(category))
        {
            errors.Add("category", $"执法类别应为：{string.Join("、", CertificateVocabulary.Categories)}", "Unknown enforcement category.");
        }

        var area = errors.Required("area", input.Area, "执法区域", "Area", 100);
        var on = errors.Day("on", input.On);
        if (on is null && !errors.Has("on"))
        {
            errors.Add("on", "请填写执法日期", "The task's date is required.");
        }

        var code = errors.Optional("powerItemCode", input.PowerItemCode, "权责清单事项编码", "Power-list item code", 50);
        var name = errors.Optional("powerItemName", input.PowerItemName, "权责清单事项名称", "Power-list item name", 200);
        var subject = errors.Required("subject", input.Subject, "检查对象或案由", "Subject", 500);
        return errors.Any ? null : new EnforcementTaskRecorded(Guid.Empty, "", kind!.Value, category!, area!, on!.Value, code, name, subject!, by);
    }

    public Task<Guid> RecordAsync(RecordTaskInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var recorded = Decide(input, user.DisplayName, errors);
        errors.ThrowIfAny();
        var id = Guid.NewGuid();
        return YearlyNumbers.SaveWithNextAsync<EnforcementTaskCounter, Guid>(session, recorded!.On.Year, number =>
        {
            session.Events.StartStream<EnforcementTask>(id, recorded with { Id = id, Number = number });
            return id;
        }, ct);
    }

    /// <summary><c>POST …/enforcement/tasks</c>: 201 with the task.</summary>
    public static async Task<Created<TaskView>> EndpointAsync(RecordTaskInput input, RecordTask handler, TaskQueries queries, CancellationToken ct)
    {
        var id = await handler.RecordAsync(input, ct);
        return TypedResults.Created($"enforcement/tasks/{id}", await queries.GetAsync(id, ct));
    }
}
