using System.Net;

namespace Modular.Host.Telemetry;

/// <summary>What every instance exports about itself, under <c>Modular:Telemetry</c> (README, "Seeing the cluster").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Modular:Telemetry";

    /// <summary>Traces and metrics at all. Off: no listener, no <c>/metrics</c>; correlation ids are still W3C trace ids.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The resource's <c>service.name</c>. Unset: <c>OTEL_SERVICE_NAME</c>, else <c>modular-host</c>.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The resource's <c>service.instance.id</c>. Unset: the machine's name and the port it listens on (its process id when that is not one known port).</summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// Share of new traces recorded, 0 to 1; a request whose trusted caller sent a <c>traceparent</c> follows the
    /// caller's decision (parent-based). Unset: 1 when traces are exported over OTLP, 0 otherwise (nothing would read them).
    /// </summary>
    public double? SamplingRatio { get; set; }

    /// <summary>
    /// Callers (addresses or CIDR networks, as the connection comes in, before forwarded headers) whose
    /// <c>traceparent</c> continues their trace. Anyone else's is ignored: the request starts a trace of its own.
    /// </summary>
    public string[] TraceParentFrom { get; set; } = [];

    /// <summary>
    /// Also Marten's <c>marten.connection</c> span around each session's connection (its commands as span events). Off by
    /// default: Marten 9 gives that span the current span's parent instead of the current span, so it and the
    /// statements under it hang off the trace beside the request rather than inside it, and each session pays for a
    /// wrapper and a span. Npgsql's span per statement is there either way, inside the request.
    /// </summary>
    public bool MartenConnections { get; set; }

    /// <summary>
    /// Marten's counter of appended events (<c>marten_event_append_events_total</c>) by township as well as by event type.
    /// A county's instance (30 townships, some hundred event types) stays far below <see cref="AppendSeries"/>; an
    /// instance serving hundreds or thousands of townships turns this off and counts by event type alone (the county
    /// view has every township's figures).
    /// </summary>
    public bool AppendsByTownship { get; set; } = true;

    /// <summary>
    /// The most series that counter keeps (OpenTelemetry's default is 2,000 per metric): past it, new townships' and
    /// types' counts are folded into one <c>otel_metric_overflow="true"</c> series, the totals still right. The province
    /// benchmark met the default at 300 townships.
    /// </summary>
    public int AppendSeries { get; set; } = 20_000;

    /// <summary>Seconds a reading of the daemon's progress is reused before the next scrape reads it again.</summary>
    public int DaemonLagSeconds { get; set; } = 5;

    public OtlpSettings Otlp { get; set; } = new();

    public PrometheusSettings Prometheus { get; set; } = new();

    public sealed class OtlpSettings
    {
        /// <summary>The collector. Unset: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; neither set: nothing is sent over OTLP.</summary>
        public string? Endpoint { get; set; }

        /// <summary><c>grpc</c> or <c>http/protobuf</c>. Unset: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else <c>grpc</c>.</summary>
        public string? Protocol { get; set; }
    }

    public sealed class PrometheusSettings
    {
        /// <summary>Serve the Prometheus scrape endpoint.</summary>
        public bool Enabled { get; set; } = true;

        public string Path { get; set; } = "/metrics";

        /// <summary>Callers (addresses or CIDR networks) besides the machine itself that may scrape.</summary>
        public string[] AllowedNetworks { get; set; } = [];

        /// <summary>A secret a scraper may send as <c>Authorization: Bearer …</c> from anywhere.</summary>
        public string? ScrapeToken { get; set; }
    }

    internal static IReadOnlyList<IPNetwork> Networks(IEnumerable<string> values, string setting) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Select(v =>
            IPAddress.TryParse(v, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
            : IPNetwork.TryParse(v, out var network) ? network
            : throw new InvalidOperationException($"{setting} 中的 {v} 不是IP地址或CIDR网段 / {v} in {setting} is not an IP address or a CIDR network."))];

    internal static IPAddress? Plain(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
