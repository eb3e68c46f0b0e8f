using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// What an instance shows of itself: Prometheus text at /metrics for the machine and the token holder only, a
/// request's trace with its database spans, and the trace id as the one correlation id of logs, events and problems.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryPlatform platform)
{
    [Fact]
    public async Task Metrics_show_the_requests_the_database_the_appended_events_and_the_daemon_lag_per_projection()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        await Notebook.OpenMatterAsync(clerk, slug, "路灯报修", Notebook.Today(platform));
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(Notebook.Matters(slug))).StatusCode);
        using var scraper = platform.ClientFrom("127.0.0.1");

        // The lag is read when first asked for, so the next scrape has it; a request's duration is recorded after its
        // answer went out; and the exporter may answer a scrape from its copy of the last one (300 ms): ask until both show.
        var route = "http_route=\"/api/t/{township}/notebook/matters/\"";
        var text = "";
        for (var i = 0; i < 50 && !(text.Contains("modular_daemon_lag", StringComparison.Ordinal) && text.Contains(route, StringComparison.Ordinal)); i++)
        {
            await Task.Delay(200);
            var scrape = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
            text = await scrape.Content.ReadAsStringAsync();
        }

        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains(route, text, StringComparison.Ordinal);
        Assert.Contains("db_client_operation_duration_seconds_bucket{otel_scope_name=\"Npgsql\"", text, StringComparison.Ordinal);
        Assert.Contains($"marten_event_append_events_total{{otel_scope_name=\"Marten\",event_type=\"notebook.matter-opened.v1\",tenant_id=\"{slug}\"}} 1", text, StringComparison.Ordinal);
        Assert.Contains("modular_events_sequence", text, StringComparison.Ordinal);
        Assert.Contains("modular_daemon_high_water_mark", text, StringComparison.Ordinal);
        var lag = text.Split('\n').Where(l => l.StartsWith("modular_daemon_lag", StringComparison.Ordinal) && !l.StartsWith("modular_daemon_lag_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lag);
        Assert.All(lag, l => Assert.Contains("database=\"127.0.0.1:", l, StringComparison.Ordinal));
        Assert.All(lag, l => Assert.Contains("projection=\"", l, StringComparison.Ordinal));
        Assert.Contains(lag, l => l.Contains("projection=\"integration-events\"", StringComparison.Ordinal)); // the relay, a subscription
        Assert.Contains("target_info{", text, StringComparison.Ordinal);
        Assert.Contains("service_instance_id=\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_for_the_machine_itself_and_the_token_holder_and_never_for_what_comes_through_a_proxy()
    {
        using var local = platform.ClientFrom("127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/metrics")).StatusCode);

        // nginx on the same machine connects from loopback on behalf of anyone: what it forwards is refused.
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        var refused = await local.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("http_server", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" }, { "Authorization", "Bearer not-the-token" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await local.SendAsync(wrongToken)).StatusCode);

        using var token = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" }, { "Authorization", $"Bearer {TelemetryPlatform.ScrapeToken}" } } };
        Assert.Equal(HttpStatusCode.OK, (await local.SendAsync(token)).StatusCode);
    }

    [Fact]
    public async Task A_request_is_traced_with_its_database_spans_inside_it_and_its_trace_id_is_the_correlation_id()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);

        var opened = await Notebook.PostMatterAsync(clerk, slug, "水渠清淤", Notebook.Today(platform));

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var traceId = opened.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        // Each span is exported as it ends; the connection's span ends as the request's services are disposed.
        var spans = await platform.Spans.OfTraceAsync(traceId, s => s.Find(IsServer) is { } request && s.Any(IsDatabase) && s.Where(IsDatabase).All(d => Descends(d, request, s)));
        var server = Assert.Single(spans, IsServer);
        Assert.Equal("POST", server.GetTagItem("http.request.method"));
        var database = spans.Where(IsDatabase).ToList();
        Assert.NotEmpty(database);
        Assert.All(database, span => Assert.True(Descends(span, server, spans), $"{span.DisplayName} is not inside the request's span"));

        // The stored event, the request's log line and the span all carry the one id.
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var session = platform.Services.GetRequiredService<IDocumentStore>().QuerySession(slug);
        var stored = Assert.Single(await session.Events.FetchStreamAsync(id));
        Assert.Equal(traceId, stored.CorrelationId);
        var line = Assert.Single(await LogFiles.EventuallyAsync(platform.LogsPath, l => l.Contains(traceId, StringComparison.Ordinal) && l.Contains("\"@mt\":\"HTTP", StringComparison.Ordinal)));
        Assert.Equal(traceId, line.GetProperty("CorrelationId").GetString());
        Assert.Equal(traceId, line.GetProperty("@tr").GetString());
        Assert.Equal(server.SpanId.ToHexString(), line.GetProperty("@sp").GetString());
    }

    [Fact]
    public async Task A_refused_request_quotes_its_trace_id_as_the_problems_correlation_id()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);

        var refused = await Notebook.PostMatterAsync(clerk, slug, "", Notebook.Today(platform));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var correlation = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("correlationId").GetString();
        var span = await EventuallyAsync(() => platform.Spans.Snapshot().SingleOrDefault(s =>
            IsServer(s) && (string?)s.GetTagItem("url.path") == Notebook.Matters(slug) && s.GetTagItem("http.response.status_code") is 400));
        Assert.NotNull(span);
        Assert.Equal(span.TraceId.ToHexString(), correlation);
    }

    [Fact]
    public async Task A_callers_own_correlation_id_is_kept_and_put_on_the_span()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        var correlation = $"batch-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Get, Notebook.Matters(slug)) { Headers = { { "X-Correlation-Id", correlation } } };

        var response = await clerk.SendAsync(request);

        Assert.Equal(correlation, response.Headers.GetValues("X-Correlation-Id").Single());
        var span = await EventuallyAsync(() => platform.Spans.Snapshot().SingleOrDefault(s => IsServer(s) && (string?)s.GetTagItem("modular.correlation_id") == correlation));
        Assert.NotNull(span);
    }

    [Fact]
    public async Task A_traceparent_is_followed_from_the_trusted_caller_and_ignored_from_anyone_else()
    {
        var parentTrace = ActivityTraceId.CreateRandom().ToHexString();
        var strangerTrace = ActivityTraceId.CreateRandom().ToHexString();
        var parentSpan = ActivitySpanId.CreateRandom().ToHexString();
        using var trusted = platform.ClientFrom(TelemetryPlatform.TrustedCaller);
        using var stranger = platform.ClientFrom("127.0.0.1");

        var followed = await trusted.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/signin") { Headers = { { "traceparent", $"00-{parentTrace}-{parentSpan}-01" } } });
        var ignored = await stranger.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/signin") { Headers = { { "traceparent", $"00-{strangerTrace}-{parentSpan}-01" }, { "baggage", "township=somewhere" } } });

        Assert.Equal(parentTrace, followed.Headers.GetValues("X-Correlation-Id").Single());
        var server = Assert.Single(await platform.Spans.OfTraceAsync(parentTrace, s => s.Any(IsServer)), IsServer);
        Assert.Equal(parentSpan, server.ParentSpanId.ToHexString());
        var own = ignored.Headers.GetValues("X-Correlation-Id").Single();
        Assert.NotEqual(strangerTrace, own);
        Assert.Matches("^[0-9a-f]{32}$", own);
        var root = Assert.Single(await platform.Spans.OfTraceAsync(own, s => s.Any(IsServer)), IsServer);
        Assert.Equal(default, root.ParentSpanId);
        Assert.Empty(root.Baggage);
    }

    [Fact]
    public async Task Traces_reach_an_otlp_collector_as_protobuf_over_http()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        var response = await clerk.GetAsync(Notebook.Matters(slug));
        var traceId = Convert.FromHexString(response.Headers.GetValues("X-Correlation-Id").Single());

        // The SDK sends a batch every five seconds; protobuf carries the 16 bytes of a trace id as they are.
        var post = await EventuallyAsync(() => platform.Receiver.Posts().FirstOrDefault(p => p.Path == "/v1/traces" && p.Body.AsSpan().IndexOf(traceId) >= 0), seconds: 30);

        Assert.NotEqual(default, post);
        Assert.Equal("application/x-protobuf", post.ContentType);
        Assert.True(post.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes("modular-host")) >= 0, "the resource names the service");
    }

    private static bool IsServer(Activity span) => span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore";

    private static bool IsDatabase(Activity span) => span.Source.Name == "Npgsql";

    private static bool Descends(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<T?> EventuallyAsync<T>(Func<T?> read, int seconds = 10)
    {
        for (var i = 0; i < seconds * 10; i++)
        {
            if (read() is { } value && !EqualityComparer<T>.Default.Equals(value, default))
            {
                return value;
            }

            await Task.Delay(100);
        }

        return read();
    }
}
