using Modular.Contracts.LegalServices;
using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Consultations.Steps;

internal sealed class RouteToWindowInput : ConsultationStepInput
{
    public string? Window { get; set; }

    public string? Note { get; set; }
}

internal sealed record RouteToWindowCommand(DateTimeOffset? At, ServiceWindow? Window, string? Note, string By);

/// <summary>
/// 转窗口: the matter goes to the window that handles it (一站式受理, 多窗口服务), with a note for that window. Routed to
/// people's mediation, it is handed to the mediation module in the same transaction
/// (<see cref="ConsultationRoutedToMediation"/>), which takes it up as a lead to confirm where it is enabled.
/// </summary>
internal static class RouteToWindow
{
    public const string Step = "routing";

    public static RouteToWindowCommand Read(RouteToWindowInput input, DateTimeOffset now, string by, InputErrors errors) => new(
        ConsultationStep.ReadAt(input.At, now, errors),
        errors.Choice<ServiceWindow>("window", input.Window, "转办窗口", "window"),
        errors.Required("note", input.Note, "转办说明", "Note for the window", 2000),
        by);

    public static IReadOnlyList<object> Decide(Consultation c, RouteToWindowCommand command, InputErrors errors)
    {
        var at = ConsultationStep.Expect(c, Step, command.At, errors);
        if (errors.Any)
        {
            return [];
        }

        var routed = new ConsultationRouted(at, command.Window!.Value, command.Note!, command.By);
        return command.Window != ServiceWindow.PeopleMediation
            ? [routed]
            : [routed, new ConsultationRoutedToMediation(c.Id, c.Number, c.ReceivedAt, Kit.TownshipTime.DayOf(at), c.Topic,
                ConsultationVocabulary.Label(c.Topic).Chinese, new ConsultationPerson(c.Name, c.IdNumber, c.Phone, c.Address), c.Village,
                c.Question, command.Note, command.By)];
    }

    public static Task<bool> RunAsync(ConsultationStepContext context, Guid id, RouteToWindowInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);
}
