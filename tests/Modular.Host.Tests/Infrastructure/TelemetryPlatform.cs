using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Modular.Testing;
using OpenTelemetry.Trace;

namespace Modular.Host.Tests.Infrastructure;

/// <summary>
/// The notebook host on Kestrel (real loopback connections, as a Prometheus beside it would make) with every trace
/// recorded: kept in memory for the tests to read, and sent over OTLP/HTTP to a receiver of the fixture's own.
/// A traceparent is believed from 127.0.0.2 only, so a client bound to that address is the trusted caller and an
/// ordinary one (127.0.0.1) is not.
/// </summary>
public sealed class TelemetryPlatform() : PlatformFactory(TestPlugins.NotebookRoot, kestrel: true), IAsyncLifetime
{
    public const string ScrapeToken = "scrape-token-for-tests";
    public const string TrustedCaller = "127.0.0.2";

    private readonly OtlpReceiver _receiver = new();

    public SpanLog Spans { get; } = new();

    public OtlpReceiver Receiver => _receiver;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await _receiver.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _receiver.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Modular:Telemetry:Enabled", "true");
        builder.UseSetting("Modular:Telemetry:SamplingRatio", "1");
        builder.UseSetting("Modular:Telemetry:TraceParentFrom:0", TrustedCaller);
        builder.UseSetting("Modular:Telemetry:Prometheus:ScrapeToken", ScrapeToken);
        builder.UseSetting("Modular:Telemetry:DaemonLagSeconds", "1");
        builder.UseSetting("Modular:Telemetry:Otlp:Endpoint", _receiver.Address);
        builder.UseSetting("Modular:Telemetry:Otlp:Protocol", "http/protobuf");
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
    }

    /// <summary>A client whose connections come from <paramref name="local"/> (any 127.x address is this machine's loopback).</summary>
    public HttpClient ClientFrom(string local)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancel) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(local), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancel);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = ServerAddress };
    }

    /// <summary>The spans ended so far, from several threads at once (the exporter adds each as it ends).</summary>
    public sealed class SpanLog : ICollection<Activity>
    {
        private readonly List<Activity> _spans = [];

        public int Count { get { lock (_spans) { return _spans.Count; } } }

        public bool IsReadOnly => false;

        public void Add(Activity item) { lock (_spans) { _spans.Add(item); } }

        public void Clear() { lock (_spans) { _spans.Clear(); } }

        public bool Contains(Activity item) { lock (_spans) { return _spans.Contains(item); } }

        public void CopyTo(Activity[] array, int arrayIndex) { lock (_spans) { _spans.CopyTo(array, arrayIndex); } }

        public bool Remove(Activity item) { lock (_spans) { return _spans.Remove(item); } }

        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public List<Activity> Snapshot() { lock (_spans) { return [.. _spans]; } }

        /// <summary>The trace's spans, waiting up to ten seconds for one matching <paramref name="until"/> (a span is exported as it ends).</summary>
        public async Task<List<Activity>> OfTraceAsync(string traceId, Func<List<Activity>, bool> until)
        {
            for (var i = 0; ; i++)
            {
                var spans = Snapshot().Where(s => s.TraceId.ToHexString() == traceId).ToList();
                if (until(spans) || i == 100)
                {
                    return spans;
                }

                await Task.Delay(100);
            }
        }
    }

    /// <summary>A collector as small as it gets: Kestrel on loopback taking OTLP/HTTP protobuf posts and keeping their bodies.</summary>
    public sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly List<(string Path, string ContentType, byte[] Body)> _posts = [];
        private WebApplication? _app;

        public string Address { get; private set; } = "";

        public async Task StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            _app = builder.Build();
            _app.MapPost("/v1/{signal}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                lock (_posts)
                {
                    _posts.Add((http.Request.Path, http.Request.ContentType ?? "", body.ToArray()));
                }

                return Results.Ok();
            });
            await _app.StartAsync();
            Address = _app.Urls.Single();
        }

        public List<(string Path, string ContentType, byte[] Body)> Posts()
        {
            lock (_posts)
            {
                return [.. _posts];
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}

/// <summary>
/// The telemetry tests run alone, after the parallel collections: a meter provider hears every live host's meters of
/// the same name, and a series first heard from another host disappears with that host's meter.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryPlatform>
{
    public const string Name = "telemetry";
}
