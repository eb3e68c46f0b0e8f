using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Reviews.Steps;

internal sealed class RecordChangesInput : CounselStepInput
{
    public string? Note { get; set; }
}

internal sealed record RecordChanges(DateOnly? On, string? Note, string By);

/// <summary>
/// 按审查意见修改: the drafting office records how it made the changes counsel asked for. Lawful with changes becomes
/// lawful only then (the gate's condition); changes beyond counsel's are a new version to resubmit.
/// </summary>
internal static class RecordChangesStep
{
    public const string Name = "changes-made";

    public static RecordChanges Read(RecordChangesInput input, DateOnly today, InputErrors errors, string by) =>
        new(CounselInput.On(input.On, today, errors), errors.Required("note", input.Note, "修改情况", "What was changed", 4000), by);

    public static IReadOnlyList<object> Decide(LegalityReview r, RecordChanges c, InputErrors errors)
    {
        LegalityReview.Steps.Expect(r, Name, errors);
        CounselInput.NotBefore(errors, c.On, r.LastStepOn);

        return errors.Any ? [] : [new ChangesMade(c.Note!, c.On!.Value, c.By)];
    }

    public static Task<bool> RunAsync(CounselStepContext context, Guid id, RecordChangesInput input, CancellationToken ct) =>
        context.RunAsync<LegalityReview, RecordChangesInput, RecordChanges>(id, input, (i, today, errors) => Read(i, today, errors, context.User.DisplayName), Decide, ct);
}
