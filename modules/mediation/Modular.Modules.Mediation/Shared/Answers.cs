using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Modular.Modules.Mediation.Shared;

/// <summary>How the API answers a step on a record, in every area alike.</summary>
internal static class Answers
{
    /// <summary>
    /// Runs one step and answers the record as it now stands; 404 when the step found no such record in this township,
    /// 400 with every bad field. A stale version escapes as Marten's concurrency error, which the host answers 409.
    /// </summary>
    public static async Task<Results<Ok<TView>, NotFound, ValidationProblem>> StepAsync<TView>(Func<Task<bool>> step, Func<Task<TView?>> read)
        where TView : class
    {
        try
        {
            if (!await step())
            {
                return TypedResults.NotFound();
            }
        }
        catch (InputException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }

        return TypedResults.Ok((await read())!);
    }
}
