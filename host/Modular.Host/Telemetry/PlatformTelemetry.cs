using System.Diagnostics;
using Marten;
using Marten.Services;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Modular.Host.Telemetry;

/// <summary>
/// Traces and metrics of every instance through OpenTelemetry: ASP.NET Core, HttpClient, Npgsql, Marten (sessions'
/// connections, appended events, the daemon's own meters), the runtime, and the daemon's lag per shard and database.
/// Exported over OTLP when a collector is configured, and to Prometheus at <c>/metrics</c> for the callers
/// <see cref="MetricsAccess"/> lets in.
/// </summary>
internal static class PlatformTelemetry
{
    private static readonly string[] Quiet = ["/health", "/_framework", "/_plugins", "/css", "/js"];

    /// <summary>Whether a sampled request is recorded: not health checks, scrapes or static files (a loop: the filter runs per request).</summary>
    private static bool Traced(PathString path, string metricsPath)
    {
        if (path.StartsWithSegments(metricsPath))
        {
            return false;
        }

        foreach (var quiet in Quiet)
        {
            if (path.StartsWithSegments(quiet))
            {
                return false;
            }
        }

        return true;
    }

    public static TelemetryOptions Options(IConfiguration configuration) =>
        configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

    public static void AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var options = Options(configuration);
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.Section));
        if (!options.Enabled)
        {
            return;
        }

        // Without this the ASP.NET Core instrumentation extracts a caller's traceparent again by itself (and takes
        // their baggage), past the trust rule below.
        Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());
        var trusted = TelemetryOptions.Networks(options.TraceParentFrom, "Modular:Telemetry:TraceParentFrom");
        services.AddSingleton<DistributedContextPropagator>(sp =>
            new TrustedTraceContext(DistributedContextPropagator.CreateDefaultPropagator(), sp.GetRequiredService<IHttpContextAccessor>(), trusted));

        var otlp = Otlp(configuration, options);
        var ratio = Math.Clamp(options.SamplingRatio ?? (otlp is null ? 0 : 1), 0, 1);
        var metricsPath = options.Prometheus.Path;
        services.AddSingleton<DaemonLag>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(options.ServiceName ?? configuration["OTEL_SERVICE_NAME"] ?? "modular-host",
                    serviceVersion: typeof(PlatformTelemetry).Assembly.GetName().Version?.ToString(),
                    autoGenerateServiceInstanceId: false, serviceInstanceId: options.InstanceId ?? InstanceId(configuration))
                .AddAttributes([new("host.name", Environment.MachineName), new("process.pid", Environment.ProcessId)]))
            .WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)))
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => Traced(http.Request.Path, metricsPath))
                    .AddSource("System.Net.Http", "Npgsql", "Marten");
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => otlp.Apply(o, "v1/traces"));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("System.Net.Http", "Npgsql", "Marten", DaemonLag.MeterName)
                    // Blazor's render metrics, which the ASP.NET Core instrumentation brings in: per component type, and
                    // in static rendering their batch timing throws a TaskCanceledException on every page (2-3 a page);
                    // dropped, so they are never enabled (README "Seeing the cluster").
                    .AddView(instrument => instrument.Meter.Name.StartsWith(ComponentsMeters, StringComparison.Ordinal) ? MetricStreamConfiguration.Drop : null)
                    .AddView(MartenAppendCounter, options.AppendsByTownship
                        ? new MetricStreamConfiguration { CardinalityLimit = Math.Max(2_000, options.AppendSeries) }
                        : new MetricStreamConfiguration { TagKeys = [MartenEventTypeTag], CardinalityLimit = Math.Max(2_000, options.AppendSeries) });
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => otlp.Apply(o, "v1/metrics"));
                }
            });
    }

    /// <summary>The prefix of Blazor's meters (<c>Microsoft.AspNetCore.Components</c>, <c>….Lifecycle</c>, …), left out.</summary>
    internal const string ComponentsMeters = "Microsoft.AspNetCore.Components";

    /// <summary>Marten's counter of appended events, tagged <c>event_type</c> and <c>tenant_id</c> (the township).</summary>
    internal const string MartenAppendCounter = "marten.event.append";

    /// <summary>The counter's tag for the event type: <c>event.type</c>, shown by Prometheus as <c>event_type</c>.</summary>
    internal const string MartenEventTypeTag = "event.type";

    /// <summary>Marten's share: a span for each session's connection, and a counter of appended events (by type and township).</summary>
    public static void ConfigureMarten(StoreOptions store, TelemetryOptions options)
    {
        if (!options.Enabled)
        {
            return;
        }

        store.OpenTelemetry.TrackConnections = options.MartenConnections ? JasperFx.OpenTelemetry.TrackLevel.Normal : JasperFx.OpenTelemetry.TrackLevel.None;
        store.OpenTelemetry.TrackEventCounters();
    }

    /// <summary>
    /// The scrape endpoint, as its own branch early in the pipeline: it never meets township resolution, the module gate
    /// or the output cache, and refuses everyone <see cref="MetricsAccess"/> does not let in.
    /// </summary>
    public static void UsePlatformMetricsEndpoint(this WebApplication app)
    {
        var options = Options(app.Configuration);
        if (!options.Enabled)
        {
            return;
        }

        // The lag's gauges exist once their owner does: made when the host has started (the store is built by then).
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<DaemonLag>());
        if (!options.Prometheus.Enabled)
        {
            return;
        }

        var access = new MetricsAccess(options.Prometheus);
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null, predicate: null, path: options.Prometheus.Path,
            configureBranchedPipeline: branch => branch.Use((http, next) => access.Allows(http) ? next(http) : access.RefuseAsync(http)),
            optionsName: null);
    }

    /// <summary>The machine and the port it listens on, when the configuration names one; else the machine and the process.</summary>
    private static string InstanceId(IConfiguration configuration)
    {
        var ports = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Port : 0)
            .Distinct().ToList();
        return ports is [> 0 and var port] ? $"{Environment.MachineName}:{port}" : $"{Environment.MachineName}:pid-{Environment.ProcessId}";
    }

    private static OtlpTarget? Otlp(IConfiguration configuration, TelemetryOptions options)
    {
        var protocol = (options.Otlp.Protocol ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]) switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"Modular:Telemetry:Otlp:Protocol {other} 不受支持 / is not supported: grpc or http/protobuf."),
        };
        if (!string.IsNullOrWhiteSpace(options.Otlp.Endpoint))
        {
            return new OtlpTarget(new Uri(options.Otlp.Endpoint), protocol, Explicit: true);
        }

        return string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ? null
            : new OtlpTarget(new Uri(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]!), protocol, Explicit: false);
    }

    /// <summary>
    /// Where OTLP goes. Given as the standard variable, the SDK reads it itself (and adds the signal's path for
    /// http/protobuf); given in our setting it is the collector's base address, and the signal's path is added here.
    /// </summary>
    private sealed record OtlpTarget(Uri Endpoint, OtlpExportProtocol Protocol, bool Explicit)
    {
        public void Apply(OtlpExporterOptions o, string signalPath)
        {
            o.Protocol = Protocol;
            if (Explicit)
            {
                o.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(Endpoint.ToString().TrimEnd('/') + "/" + signalPath) : Endpoint;
            }
        }
    }
}
