using System.Net;
using Modular.Host.Storage;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// PostgreSQL stopped under a running host, on a cluster of this test's own (the shared one serves every other test):
/// 503 problem details with Retry-After while it is away, one log line for the outage, and recovery without a restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"modular-outage-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
    private LocalPostgresCluster _cluster = null!;
    private PlatformFactory _platform = null!;

    public async Task InitializeAsync()
    {
        _cluster = new LocalPostgresCluster(_folder, LocalPostgresCluster.FreePort(), durable: false);
        await _cluster.StartAsync("outage");
        _platform = new PlatformFactory(TestPlugins.NotebookRoot, database: _cluster.ConnectionString("outage"));
        await _platform.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _cluster.StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in /tmp: harmless.
        }
    }

    [Fact]
    public async Task While_postgresql_is_down_requests_answer_503_with_retry_after_the_outage_is_logged_once_and_the_host_recovers_by_itself()
    {
        var (admin, slug, clerk) = await _platform.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        var notes = Notebook.Matters(slug);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(notes)).StatusCode);

        await _cluster.StopAsync();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await clerk.GetAsync(notes));
            answers.Add(await admin.GetAsync("/api/admin/townships"));
        }

        var page = await clerk.GetAsync($"/t/{slug}");
        await _cluster.StartAsync("outage");
        var recovered = false;
        for (var i = 0; i < 120 && !recovered; i++)
        {
            recovered = (await clerk.GetAsync(notes)).StatusCode == HttpStatusCode.OK;
            if (!recovered)
            {
                await Task.Delay(500);
            }
        }

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.StatusCode);
            Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType);
            Assert.True(a.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.True(recovered, "the host did not answer 200 again after PostgreSQL came back");
        // The log is written from a background thread: give it a moment to reach the file.
        var log = await ReadLogAsync();
        for (var i = 0; i < 50 && !log.Any(l => l.Contains("Database available again", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
            log = await ReadLogAsync();
        }

        Assert.Single(log, l => l.Contains("Database unavailable", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains("Unhandled error", StringComparison.Ordinal));
    }

    private async Task<List<string>> ReadLogAsync()
    {
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(_platform.LogsPath, "*.json"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
