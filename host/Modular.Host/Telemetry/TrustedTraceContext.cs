using System.Diagnostics;
using System.Net;

namespace Modular.Host.Telemetry;

/// <summary>
/// Reads a request's <c>traceparent</c> only when the connection comes from a caller named in
/// <c>Modular:Telemetry:TraceParentFrom</c>. A trace id is the request's correlation id, and a parent's sampled flag
/// decides whether the trace is recorded: from anyone else it would let a stranger choose the id that ties log lines
/// and stored events together, or have every one of their requests recorded. Their request starts a trace of its own.
/// Baggage is never taken from a caller. ASP.NET Core's hosting asks this propagator (from the container) before any
/// middleware runs; the connection is already known then, through the request's context.
/// </summary>
internal sealed class TrustedTraceContext(DistributedContextPropagator inner, IHttpContextAccessor http, IReadOnlyList<IPNetwork> trusted)
    : DistributedContextPropagator
{
    public override IReadOnlyCollection<string> Fields => inner.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter) => inner.Inject(activity, carrier, setter);

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        if (Trusted())
        {
            inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);
            return;
        }

        traceId = null;
        traceState = null;
    }

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) => null;

    private bool Trusted()
    {
        if (trusted.Count == 0 || TelemetryOptions.Plain(http.HttpContext?.Connection.RemoteIpAddress) is not { } address)
        {
            return false;
        }

        foreach (var network in trusted)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
