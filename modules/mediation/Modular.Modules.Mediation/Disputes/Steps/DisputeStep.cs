using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.Contracts.Caching;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.Mediation.Disputes.Steps;

/// <summary>What every step's body carries: the version read and the day the step happened (yyyy-MM-dd).</summary>
internal abstract class DisputeStepInput
{
    public long? Version { get; set; }

    public string? On { get; set; }
}

/// <summary>
/// What a step needs of the platform, for the API and the page alike: the township's day, who records it, the
/// dispute's dates, and the session its events go to.
/// </summary>
internal sealed class DisputeStepContext(IDocumentSession session, DisputeClock clock, ICurrentUser user, ITownshipCache cache)
{
    public DateOnly Today => clock.Today;

    public DisputeClock Clock => clock;

    public string UserName => user.DisplayName;

    /// <summary>
    /// One step, as the API and the page run it: reads the input into the step's command (naming every bad field), lets
    /// the pure decision return the events, refuses every problem at once, and saves. False when not this township's.
    /// </summary>
    public Task<bool> RunAsync<TInput, TCommand>(Guid id, TInput input, Func<TInput, DateOnly, InputErrors, TCommand> read,
        Func<Dispute, TCommand, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
        where TInput : DisputeStepInput
        => session.ReadAndRunStepAsync(id, input.Version, input, Today, read, decide, ct);

    /// <summary>For a step that can name a new village or mediator: the ledger's filter lists are forgotten on every instance once it commits.</summary>
    public DisputeStepContext ChangingFilterChoices()
    {
        cache.Changed(session, DisputeQueries.FilterChoicesKey);
        return this;
    }
}

/// <summary>The rules every step of a dispute shares: its date, and how its endpoint is mapped.</summary>
internal static class DisputeStep
{
    /// <summary>The step's day as typed: a date, not in the future (a step is recorded once it has happened).</summary>
    public static DateOnly? ReadOn(string? on, DateOnly today, InputErrors errors) => errors.Date("on", on, "日期", "Date", today);

    /// <summary>
    /// The day to record: never before the previous step. When the date is missing or bad the previous step's day
    /// stands in, so the step's own checks still run and every problem is named at once.
    /// </summary>
    public static DateOnly On(Dispute d, DateOnly? on, InputErrors errors)
    {
        if (on is { } day && day < d.LastStepOn)
        {
            errors.Add("on", $"日期不能早于上一步（{d.LastStepOn:yyyy-MM-dd}）", $"The date cannot precede the previous step ({d.LastStepOn:yyyy-MM-dd}).");
        }

        return on ?? d.LastStepOn;
    }

    /// <summary>
    /// The start of every decision: the state the table allows and the date rule, checked together with the step's own
    /// fields; the day to record comes back.
    /// </summary>
    public static DateOnly Expect(Dispute d, string step, DateOnly? on, InputErrors errors)
    {
        Dispute.Steps.Expect(d, step, errors);
        return On(d, on, errors);
    }

    /// <summary><c>POST …/disputes/{id}/{step}</c>: the dispute as it now stands, 404 when not this township's, 400 with every bad field.</summary>
    public static RouteHandlerBuilder Map<TInput>(IEndpointRouteBuilder disputes, string step, Func<DisputeStepContext, Guid, TInput, CancellationToken, Task<bool>> run)
        where TInput : DisputeStepInput =>
        disputes.MapPost($"/{{id:guid}}/{step}", (Guid id, TInput input, DisputeStepContext context, DisputeQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => run(context, id, input, ct), () => queries.GetAsync(id, ct))).RequireAuthorization(Permissions.DisputesHandle);
}
