using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;

namespace Modular.Kit.Steps;

/// <summary>How the API answers a step on a record, in every module alike.</summary>
public static class StepAnswers
{
    /// <summary>
    /// Runs one step and answers the record as it now stands: 404 when the step found no such record in this township,
    /// 400 with every bad field. A stale version escapes as a version conflict, which the host answers 409.
    /// </summary>
    public static async Task<Results<Ok<TView>, NotFound, ValidationProblem>> RunAsync<TView>(Func<Task<bool>> step, Func<Task<TView?>> read)
        where TView : class
    {
        try
        {
            if (!await step())
            {
                return TypedResults.NotFound();
            }
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }

        return await read() is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();
    }
}
