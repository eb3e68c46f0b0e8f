using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Petitions.Steps;

internal sealed class ExtendDeadlineInput : PetitionStepInput
{
    public string? Reason { get; set; }

    public int? Days { get; set; }
}

internal sealed record ExtendDeadline(DateOnly? On, int? Days, string? Reason);

/// <summary>信访工作条例 Art 34: extendable once, by up to 30 days, with the reasons told, before the 60 days run out.</summary>
internal static class ExtendDeadlineStep
{
    public const string Name = "extension";

    public static ExtendDeadline Read(ExtendDeadlineInput input, DateOnly today, InputErrors errors)
    {
        var on = PetitionStep.ReadOn(input.On, today, errors);
        var reason = errors.Required("reason", input.Reason, "延期理由", "Reason", 2000);
        if (input.Days is not { } days || days < 1 || days > PetitionClock.MaxExtensionDays)
        {
            errors.Add("days", "延长期限为1至30日", "The extension is 1 to 30 days.");
        }

        return new(on, input.Days, reason);
    }

    /// <summary>The table offers it until it has been used.</summary>
    public static bool NotYetExtended(Petition p) => p.ExtendedOn is null;

    /// <param name="opinionDueOn">The last day of the 60 days, moved off a rest day (<see cref="PetitionClock.OriginalOpinionDueOn"/>).</param>
    public static IReadOnlyList<object> Decide(Petition p, ExtendDeadline c, DateOnly? opinionDueOn, InputErrors errors)
    {
        PetitionStep.NotBeforeLastStep(p, c.On, errors);
        if (!NotYetExtended(p))
        {
            errors.Add("state", "办理期限只能延长一次", "The deadline can be extended only once.");
        }
        else if (Petition.Steps.Expect(p, Name, errors) && !errors.Any && c.On is { } day && opinionDueOn is { } due && day > due)
        {
            errors.Add("on", $"延期须在办理期限（{due:yyyy-MM-dd}）届满前决定", $"An extension must be decided before the deadline ({due:yyyy-MM-dd}).");
        }

        return errors.Any ? [] : [new OpinionDeadlineExtended(c.On!.Value, c.Days!.Value, c.Reason!)];
    }

    public static Task<bool> RunAsync(PetitionStepContext context, Guid id, ExtendDeadlineInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, (p, c, errors) => Decide(p, c, context.Clock.OriginalOpinionDueOn(p)?.Date, errors), ct);

    public static void Map(IEndpointRouteBuilder petitions) => PetitionStep.Map<ExtendDeadlineInput>(petitions, Name, RunAsync);
}
