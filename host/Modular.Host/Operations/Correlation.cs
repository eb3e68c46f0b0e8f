using Serilog.Context;

namespace Modular.Host.Operations;

/// <summary>The id that ties a request's log lines and the events it stored together.</summary>
internal sealed class Correlation
{
    public const string Header = "X-Correlation-Id";

    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The request's correlation, for middleware that needs it only on a failure (no resolution per request).</summary>
    public static Correlation Of(HttpContext context) =>
        context.Features.Get<Correlation>() ?? context.RequestServices.GetRequiredService<Correlation>();
}

internal sealed class CorrelationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, Correlation correlation)
    {
        // Accept a caller's id only when it is short and plain, so a header cannot inject into the logs.
        if (context.Request.Headers[Correlation.Header].FirstOrDefault() is { Length: > 0 and <= 64 } incoming
            && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            correlation.Id = incoming;
        }

        context.Features.Set(correlation);
        context.Response.Headers[Correlation.Header] = correlation.Id;
        using (LogContext.PushProperty("CorrelationId", correlation.Id))
        {
            await next(context);
        }
    }
}
