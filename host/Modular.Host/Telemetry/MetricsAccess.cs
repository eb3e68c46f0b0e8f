using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Modular.Host.Telemetry;

/// <summary>
/// Who may read <c>/metrics</c>: the machine itself (a Prometheus or an agent beside the host), the networks named in
/// <c>Modular:Telemetry:Prometheus:AllowedNetworks</c>, and anyone presenting the scrape token. Everyone else gets
/// 404 problem details, as for a page that is not there. The series name townships (tenant ids), projections,
/// routes and the database: nothing for the public, though no personal data. A request that came through a proxy
/// is never "the machine itself", even when the proxy runs on it and is not trusted for forwarded headers: nginx in
/// front of the host connects from loopback on behalf of the whole internet.
/// </summary>
internal sealed class MetricsAccess(TelemetryOptions.PrometheusSettings settings)
{
    private readonly IReadOnlyList<IPNetwork> _allowed = TelemetryOptions.Networks(settings.AllowedNetworks, "Modular:Telemetry:Prometheus:AllowedNetworks");
    private readonly byte[]? _token = string.IsNullOrEmpty(settings.ScrapeToken) ? null : Encoding.UTF8.GetBytes(settings.ScrapeToken);

    public bool Allows(HttpContext http)
    {
        if (_token is not null && http.Request.Headers.Authorization.ToString() is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[7..].Trim()), _token))
        {
            return true;
        }

        if (TelemetryOptions.Plain(http.Connection.RemoteIpAddress) is not { } address)
        {
            return false;
        }

        foreach (var network in _allowed)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return IPAddress.IsLoopback(address) && !Proxied(http.Request.Headers);
    }

    // X-Original-For is what the forwarded-headers middleware leaves after it has believed a trusted proxy.
    private static bool Proxied(IHeaderDictionary headers) =>
        headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("X-Original-For") || headers.ContainsKey("Forwarded");

    public Task RefuseAsync(HttpContext http) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到 / Not found.").ExecuteAsync(http);
}
