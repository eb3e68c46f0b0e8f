using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Portal;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.Notebook.Matters.Steps;

/// <summary>The command: what the API and the step's form (<c>CloseMatterForm.razor</c>) post.</summary>
internal sealed class CloseMatterInput
{
    /// <summary>The version of the matter the clerk read: a stale one is a 409, never a silent overwrite.</summary>
    public long? Version { get; set; }

    public string? ClosedOn { get; set; }

    public string? Outcome { get; set; }
}

/// <summary>
/// 办结: the matter is closed with its outcome. One step, one file: the command above, the guard and the pure decision,
/// the run through the kit, the endpoint. TODO: name the article that sets the step's conditions, where they are checked.
/// </summary>
internal sealed class CloseMatter(IDocumentSession session, IPublicPageCache publicPages, TimeProvider time)
{
    /// <summary>The step's name: its line in <see cref="Matter.Steps"/>, the end of its route, the name of its form.</summary>
    public const string Step = "close";

    /// <summary>
    /// A pure function of the matter and the command: the events, or every refusal added to <paramref name="errors"/>
    /// (the <c>state</c> error when the matter's state does not allow the step). Unit-testable without PostgreSQL. Besides
    /// the matter's own event it publishes <see cref="MatterClosingReported"/>, for the work that follows a closing.
    /// </summary>
    public static IReadOnlyList<object> Decide(Matter matter, CloseMatterInput input, DateOnly today, InputErrors errors)
    {
        Matter.Steps.Expect(matter, Step, errors);
        var closedOn = errors.Date("closedOn", input.ClosedOn, "办结日期", "Date closed", today);
        var outcome = errors.Required("outcome", input.Outcome, "办理结果", "Outcome", 2000);
        if (closedOn < matter.OpenedOn)
        {
            errors.Add("closedOn", "办结日期不能早于登记日期", "A matter cannot be closed before it was recorded.");
        }

        return errors.Any ? [] : [new MatterClosed(closedOn!.Value, outcome!), new MatterClosingReported(matter.Id, matter.Number, closedOn!.Value)];
    }

    /// <summary>False when the matter is not this township's; refusals and stale versions escape as the kit's exceptions.</summary>
    public async Task<bool> RunAsync(Guid id, CloseMatterInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var today = TownshipTime.Today(time);
        var closed = await session.RunStepAsync<Matter>(id, input.Version, errors, matter => Decide(matter, input, today, errors), ct);
        if (closed)
        {
            // The public summary counts closings.
            await publicPages.EvictAsync(ct);
        }

        return closed;
    }

    /// <summary><c>POST …/matters/{id}/close</c>: 200 with the matter as it now stands, 404, 400 with every field, 409.</summary>
    public static Task<Results<Ok<MatterView>, NotFound, ValidationProblem>> EndpointAsync(
        Guid id, CloseMatterInput input, CloseMatter step, MatterQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(() => step.RunAsync(id, input, ct), () => queries.GetAsync(id, ct));
}
