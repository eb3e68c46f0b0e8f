using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Study.Steps;

/// <summary>What the API and the form post to record a session; the laws one name each (《中华人民共和国民法典》).</summary>
internal sealed class RecordStudySessionInput
{
    public string? Kind { get; set; }

    public string? Topic { get; set; }

    public IReadOnlyList<string?>? Laws { get; set; }

    public string? HeldOn { get; set; }

    public decimal? Hours { get; set; }

    public string? Organiser { get; set; }
}

/// <summary>
/// 记录学法活动: a session that has been held is recorded, with the laws studied and its length. Attendance is its own
/// step (taken from the roster), so a clerk may record the session first and the sign-in sheet after.
/// </summary>
internal sealed class RecordStudySession(StudyStepContext context)
{
    public const int MaxLaws = 20;

    public static StudySessionRecorded? Decide(RecordStudySessionInput input, DateOnly today, string by, InputErrors errors)
    {
        var kind = errors.Choice<StudyKind>("kind", input.Kind, "学习形式", "kind of session");
        var topic = errors.Required("topic", input.Topic, "学习主题", "Topic", 200);
        var laws = Laws(input.Laws, errors);
        var heldOn = errors.Date("heldOn", input.HeldOn, "学习日期", "Date held", today);
        var hours = errors.Hours("hours", input.Hours, "学时", "Hours", 0.5m, StudyInputs.MaxSessionHours);
        var organiser = errors.Required("organiser", input.Organiser, "组织部门", "Organiser", 50);
        return errors.Any ? null : new StudySessionRecorded(Guid.Empty, kind!.Value, topic!, laws, heldOn!.Value, hours!.Value, organiser!, by);
    }

    /// <summary>One law at least, each named once; blank lines (a form's empty rows) are left out.</summary>
    public static IReadOnlyList<string> Laws(IReadOnlyList<string?>? names, InputErrors errors)
    {
        var laws = new List<string>();
        var given = (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        if (given.Count == 0)
        {
            errors.Add("laws", "请填写学习的法律法规（至少一部）", "Name at least one law studied.");
            return laws;
        }

        if (given.Count > MaxLaws)
        {
            errors.Add("laws", $"一次学习最多填写{MaxLaws}部法律法规", $"At most {MaxLaws} laws per session.");
            return laws;
        }

        foreach (var name in given)
        {
            if (errors.Required("laws", name, "法律法规名称", "Name of the law", 100) is { } law && !laws.Contains(law, StringComparer.Ordinal))
            {
                laws.Add(law);
            }
        }

        return laws;
    }

    public async Task<Guid> RecordAsync(RecordStudySessionInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var recorded = Decide(input, context.Today, context.By, errors);
        errors.ThrowIfAny();
        var id = Guid.CreateVersion7();
        context.Session.Events.StartStream<StudySession>(id, recorded! with { Id = id });
        await context.Session.SaveChangesAsync(ct);
        return id;
    }

    /// <summary><c>POST …/study/sessions</c>: 201 with the session; a refused input escapes to the host, which answers 400.</summary>
    public static async Task<Created<StudySessionView>> EndpointAsync(RecordStudySessionInput input, RecordStudySession handler, StudyQueries queries, CancellationToken ct)
    {
        var id = await handler.RecordAsync(input, ct);
        return TypedResults.Created($"sessions/{id}", await queries.GetAsync(id, ct));
    }
}
