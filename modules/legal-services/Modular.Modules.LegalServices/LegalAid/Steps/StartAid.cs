using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class StartAidInput : LegalAidStepInput
{
    public string? Note { get; set; }
}

internal sealed record StartAid(DateOnly? On, string? Note);

/// <summary>The assignee took the case up (met the recipient, signed the engagement): the aid is in progress.</summary>
internal static class StartAidStep
{
    public const string Name = "start";

    public static StartAid Read(StartAidInput input, DateOnly today, InputErrors errors) =>
        new(LegalAidStep.ReadOn(input.On, today, errors), errors.Optional("note", input.Note, "说明", "Note", 1000));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, StartAid c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new AidStarted(on, c.Note ?? "")];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, StartAidInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<StartAidInput>(applications, Name, RunAsync);
}
