using System.Diagnostics;
using Serilog.Context;

namespace Modular.Host.Operations;

/// <summary>
/// The id that ties a request's log lines and the events it stored together: the request's W3C trace id, so a log
/// line, a stored event's correlation id and a problem's <c>correlationId</c> lead to the request's trace. A caller's
/// own <c>X-Correlation-Id</c> still wins (scripts and other systems quote theirs); the trace then carries it as the
/// span's <c>modular.correlation_id</c>. Outside a request (the daemon, start-up work) it is the trace of the work
/// at hand, or a fresh id in the same format.
/// </summary>
internal sealed class Correlation
{
    public const string Header = "X-Correlation-Id";

    public const string SpanTag = "modular.correlation_id";

    private string? _id;

    public string Id
    {
        get => _id ??= TraceId();
        set => _id = value;
    }

    /// <summary>The current trace's id (the hex string the activity already holds), or a new one when nothing traces.</summary>
    public static string TraceId() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity
        ? activity.TraceId.ToHexString()
        : ActivityTraceId.CreateRandom().ToHexString();

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
            if (Activity.Current is { IsAllDataRequested: true } activity)
            {
                activity.SetTag(Correlation.SpanTag, incoming);
            }
        }

        context.Features.Set(correlation);
        context.Response.Headers[Correlation.Header] = correlation.Id;
        using (LogContext.PushProperty("CorrelationId", correlation.Id))
        {
            await next(context);
        }
    }
}
