using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>The staff API's read and step endpoints; every step answers the request as it now stands.</summary>
internal static class RequestEndpoints
{
    public static async Task<Results<Ok<IReadOnlyList<RequestView>>, ValidationProblem>> ListAsync(string? state, bool? overdue, RequestQueries queries, CancellationToken ct)
    {
        RequestState? filter = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            var errors = new Errors();
            filter = errors.Choice<RequestState>("state", state, "状态", "state");
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }
        }

        var list = await queries.ListAsync(filter, ct);
        return TypedResults.Ok(overdue == true ? list.Where(r => r.Overdue).ToList() : list);
    }

    public static async Task<Results<Ok<RequestView>, NotFound>> GetAsync(Guid id, RequestQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, RequestQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealAsync(Guid id, RevealInput input, RevealApplicantData reveal, CancellationToken ct)
    {
        try
        {
            return await reveal.RevealAsync(id, input, ct) is { } revealed ? TypedResults.Ok(revealed) : TypedResults.NotFound();
        }
        catch (RequestInputException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }

    /// <summary>Runs one step; answers the request's new state, 404 when it is not this township's, 400 with every bad field.</summary>
    public static async Task<Results<Ok<RequestView>, NotFound, ValidationProblem>> StepAsync(Guid id, Func<Task<bool>> step, RequestQueries queries, CancellationToken ct)
    {
        try
        {
            if (!await step())
            {
                return TypedResults.NotFound();
            }
        }
        catch (RequestInputException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }

        return TypedResults.Ok((await queries.GetAsync(id, ct))!);
    }
}
