using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.PersonalData;
using Modular.Kit.Records;
using Modular.Kit.Steps;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>The staff API's read and step endpoints; every step answers the request as it now stands.</summary>
internal static class RequestEndpoints
{
    public static async Task<Ok<IReadOnlyList<RequestView>>> ListAsync(string? state, bool? overdue, RequestQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = errors.Choice<RequestState>("state", state, "状态", "state", required: false);
        errors.ThrowIfAny();
        var list = await queries.ListAsync(filter, ct);
        return TypedResults.Ok(overdue == true ? list.Where(r => r.Overdue).ToList() : list);
    }

    public static async Task<Results<Ok<RequestView>, NotFound>> GetAsync(Guid id, RequestQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, RequestQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    public static Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealAsync(Guid id, RevealRequest input, RevealApplicantData reveal, CancellationToken ct) =>
        reveal.AnswerAsync(id, input, ct);

    /// <summary>Runs one step; answers the request's new state, 404 when it is not this township's, 400 with every bad field.</summary>
    public static Task<Results<Ok<RequestView>, NotFound, ValidationProblem>> StepAsync(Guid id, Func<Task<bool>> step, RequestQueries queries, CancellationToken ct) =>
        StepAnswers.RunAsync(step, () => queries.GetAsync(id, ct));
}
