using Microsoft.AspNetCore.Mvc;
using Modular.Kit.Input;

namespace Modular.Host.Operations;

/// <summary>
/// Turns the platform's expected failures into RFC 7807 answers: bad input 400, clashes and stale versions 409.
/// Anything else is a fault of ours: 500 with the correlation id, never the exception's text.
/// </summary>
internal sealed class ProblemMapping(RequestDelegate next, ILogger<ProblemMapping> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException && !DatabaseOutage.IsUnavailable(exception))
        {
            await WriteAsync(context, exception, Correlation.Of(context));
        }
    }

    private async Task WriteAsync(HttpContext context, Exception exception, Correlation correlation)
    {
        var problem = exception switch
        {
            Modular.Kit.Input.InputRejectedException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "输入有误 / One or more fields are not valid.",
            },
            Townships.TownshipNotFoundException or Identity.UserNotFoundException => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "未找到 / Not found",
                Detail = exception.Message,
            },
            VersionConflictException stale => VersionConflictProblem(stale.Current),
            ConflictException conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "冲突 / Conflict", Detail = conflict.Message },
            JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
                or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "记录已被他人修改 / The record was changed by someone else.",
                    Detail = "请重新读取后再试 / Read it again and retry with its current version.",
                },
            // A JSON value of the wrong type, or a query or route value that does not parse: named by field.
            System.Text.Json.JsonException or BadHttpRequestException when BindingProblems.Of(exception) is { Count: > 0 } fields => new HttpValidationProblemDetails(fields)
            {
                Status = exception is BadHttpRequestException { StatusCode: var code } ? code : StatusCodes.Status400BadRequest,
                Title = "输入有误 / One or more fields are not valid.",
            },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "请求无法读取 / The request could not be read.", Detail = bad.Message },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "服务器内部错误 / Something went wrong on our side.",
                Detail = $"请将编号 {correlation.Id} 告知管理员 / Quote {correlation.Id} to your administrator.",
            },
        };

        if (problem.Status == StatusCodes.Status409Conflict && VersionConflict.CurrentVersion(exception) is { } current)
        {
            problem.Extensions["currentVersion"] = current;
        }

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            log.LogError(exception, "Unhandled error answering {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        problem.Extensions["correlationId"] = correlation.Id;
        // Written whatever the caller's Accept header says: an API error is always problem+json.
        context.Response.Clear();
        await TypedResults.Problem(problem).ExecuteAsync(context);
    }

    private static ProblemDetails VersionConflictProblem(long? current) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "记录已被他人修改 / The record was changed by someone else.",
        Detail = current is { } v
            ? $"记录当前版本为 {v}，请重新读取后再试 / The record is at version {v}: read it again and retry with that version."
            : "请重新读取后再试 / Read it again and retry with its current version.",
    };
}
