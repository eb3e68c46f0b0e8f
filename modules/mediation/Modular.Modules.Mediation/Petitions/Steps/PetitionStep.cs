using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.Mediation.Petitions.Steps;

/// <summary>What every step's body carries: the version read and the day the step happened (yyyy-MM-dd).</summary>
internal abstract class PetitionStepInput
{
    public long? Version { get; set; }

    public string? On { get; set; }
}

/// <summary>What a step needs of the platform, for the API and the page alike: the township's day and deadlines, and the session.</summary>
internal sealed class PetitionStepContext(IDocumentSession session, PetitionClock clock)
{
    public DateOnly Today => clock.Today;

    public PetitionClock Clock => clock;

    /// <summary>
    /// One step, as the API and the page run it: reads the input into the step's command (naming every bad field), lets
    /// the pure decision return the events, refuses every problem at once, and saves. False when not this township's.
    /// </summary>
    public Task<bool> RunAsync<TInput, TCommand>(Guid id, TInput input, Func<TInput, DateOnly, InputErrors, TCommand> read,
        Func<Petition, TCommand, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
        where TInput : PetitionStepInput
        => session.ReadAndRunStepAsync(id, input.Version, input, Today, read, decide, ct);
}

/// <summary>The rules every step of a petition shares: its date, the state the table allows, and how its endpoint is mapped.</summary>
internal static class PetitionStep
{
    /// <summary>The step's day as typed: a date, not in the future.</summary>
    public static DateOnly? ReadOn(string? on, DateOnly today, InputErrors errors) => errors.Date("on", on, "日期", "Date", today);

    /// <summary>The day of the petition's latest step: a later step cannot be dated before it.</summary>
    public static DateOnly LastDay(Petition p) =>
        new[] { p.ReceivedOn, p.AcceptedOn, p.InvestigationStartedOn, p.ExtendedOn, p.OpinionOn, p.ReviewRequestedOn, p.ReviewDecidedOn, p.SecondReviewRequestedOn }
            .Where(d => d is not null).Max()!.Value;

    /// <summary>The start of every decision: the date rule, then the state the table allows (a step's own guards follow).</summary>
    public static void Expect(Petition p, string step, DateOnly? on, InputErrors errors)
    {
        NotBeforeLastStep(p, on, errors);
        Petition.Steps.Expect(p, step, errors);
    }

    public static void NotBeforeLastStep(Petition p, DateOnly? on, InputErrors errors)
    {
        if (on is { } day && day < LastDay(p))
        {
            errors.Add("on", $"日期不能早于上一步（{LastDay(p):yyyy-MM-dd}）", $"The date cannot precede the previous step ({LastDay(p):yyyy-MM-dd}).");
        }
    }

    /// <summary><c>POST …/petitions/{id}/{step}</c>: the petition as it now stands, 404 when not this township's, 400 with every bad field.</summary>
    public static RouteHandlerBuilder Map<TInput>(IEndpointRouteBuilder petitions, string step, Func<PetitionStepContext, Guid, TInput, CancellationToken, Task<bool>> run)
        where TInput : PetitionStepInput =>
        petitions.MapPost($"/{{id:guid}}/{step}", (Guid id, TInput input, PetitionStepContext context, PetitionQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => run(context, id, input, ct), () => queries.GetAsync(id, ct))).RequireAuthorization(Permissions.PetitionsHandle);
}
