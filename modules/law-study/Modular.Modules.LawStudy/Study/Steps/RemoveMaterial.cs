using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Study.Steps;

internal sealed class RemoveMaterialInput : StudyStepInput
{
    public Guid? MaterialId { get; set; }
}

/// <summary>移除学习材料: a material attached in error is taken off the session (the timeline keeps that it was there).</summary>
internal static class RemoveMaterial
{
    public const string Step = "remove-material";

    public static IReadOnlyList<object> Decide(StudySession session, RemoveMaterialInput input, string by, InputErrors errors)
    {
        StudySession.Steps.Expect(session, Step, errors);
        if (input.MaterialId is not { } id || session.Materials.All(m => m.Id != id))
        {
            errors.Add("materialId", "没有这份材料", "There is no such material.");
            return [];
        }

        return errors.Any ? [] : [new StudyMaterialRemoved(id, by)];
    }

    public static Task<bool> RunAsync(StudyStepContext context, Guid id, RemoveMaterialInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        return context.RunAsync(id, input.Version, errors, s => Decide(s, input, context.By, errors), ct);
    }
}
