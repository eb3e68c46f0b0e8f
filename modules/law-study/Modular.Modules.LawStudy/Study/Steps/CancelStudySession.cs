using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Study.Steps;

internal sealed class CancelStudySessionInput : StudyStepInput
{
    public string? Reason { get; set; }
}

/// <summary>撤销: a session recorded in error or called off. It stays on the record with its reason and counts for nobody.</summary>
internal static class CancelStudySession
{
    public const string Step = "cancel";

    public static IReadOnlyList<object> Decide(StudySession session, CancelStudySessionInput input, string by, InputErrors errors)
    {
        StudySession.Steps.Expect(session, Step, errors);
        var reason = errors.Required("reason", input.Reason, "撤销原因", "Reason", 500);
        return errors.Any ? [] : [new StudySessionCancelled(reason!, by)];
    }

    public static Task<bool> RunAsync(StudyStepContext context, Guid id, CancelStudySessionInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        return context.RunAsync(id, input.Version, errors, s => Decide(s, input, context.By, errors), ct);
    }
}
