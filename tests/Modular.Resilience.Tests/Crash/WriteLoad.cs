using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Modular.Testing;
using Npgsql;

namespace Modular.Resilience.Tests.Crash;

/// <summary>
/// Bounded write load: <c>clients</c> signed-in mediators each take in disputes one after another, every one carrying
/// a marker of its own in its summary, until told to stop or the bound is reached. A write is acknowledged when the
/// host answered 201; anything else (a refused connection, a 503, a timeout) leaves it unacknowledged, and the client
/// goes on, pausing a little while the host is away.
/// </summary>
internal sealed class WriteLoad(IReadOnlyList<HttpClient> clients, string township)
{
    public const int MaxWritesPerClient = 2_000;

    private readonly ConcurrentDictionary<string, bool> _acknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _unacknowledged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _statuses = new();

    public ICollection<string> Acknowledged => _acknowledged.Keys;

    public ICollection<string> Unacknowledged => _unacknowledged.Keys;

    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    /// <summary>Answers seen while the database was down that were not 503 problem details with Retry-After.</summary>
    public ConcurrentQueue<string> OutageAnswers { get; } = new();

    public volatile bool DatabaseDown;

    public static async Task<(HttpClient Admin, string Township, List<HttpClient> Clients)> PrepareAsync(HostProcess host, int clients)
    {
        var admin = host.Client();
        var login = await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = HostProcess.AdminPassword });
        Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        var township = await Scenario.CreateTownshipAsync(admin, "mediation");
        var users = new List<HttpClient>();
        for (var i = 0; i < clients; i++)
        {
            var user = host.Client();
            var name = await Scenario.CreateUserAsync(admin, township, "mediation.mediator");
            Assert.Equal(HttpStatusCode.NoContent, (await user.PostAsJsonAsync("/api/auth/login", new { userName = name, password = Scenario.Password })).StatusCode);
            users.Add(user);
        }

        return (admin, township, users);
    }

    /// <summary>Runs every client until <paramref name="stop"/> is cancelled or each has tried <see cref="MaxWritesPerClient"/>.</summary>
    public Task RunAsync(CancellationToken stop) => Task.WhenAll(clients.Select(c => Task.Run(() => ClientAsync(c, stop), CancellationToken.None)));

    /// <summary>Waits until at least <paramref name="count"/> writes are acknowledged in all (bounded by <paramref name="timeout"/>).</summary>
    public async Task UntilAcknowledgedAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (_acknowledged.Count < count && clock.Elapsed < timeout)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Counts, in the database, the disputes carrying each marker: every acknowledged one exactly once, every
    /// unacknowledged one at most once. Returns (lost, duplicated).
    /// </summary>
    public async Task<(int Lost, int Duplicated, List<string> Details)> VerifyAsync(string connectionString)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        // Unpooled: a pooled connection from before an immediate stop of the database is dead.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        // Streams, not events: a dispute taken in once is one stream whatever events follow; two streams are a duplicate.
        await using var command = new NpgsqlCommand(
            "select substring(data::text from 'resilience-[0-9a-f]{32}') as marker, count(distinct stream_id) from modular.mt_events where tenant_id = @t and data::text like '%resilience-%' group by 1", connection);
        command.Parameters.AddWithValue("t", township);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        var details = new List<string>();
        var lost = 0;
        var duplicated = 0;
        foreach (var marker in Acknowledged)
        {
            var found = counts.GetValueOrDefault(marker);
            if (found == 0)
            {
                lost++;
                details.Add($"acknowledged {marker} is missing");
            }
            else if (found > 1)
            {
                duplicated++;
                details.Add($"acknowledged {marker} is there {found} times");
            }
        }

        foreach (var marker in Unacknowledged.Where(m => counts.GetValueOrDefault(m) > 1))
        {
            duplicated++;
            details.Add($"unacknowledged {marker} is there {counts[marker]} times");
        }

        return (lost, duplicated, details);
    }

    private async Task ClientAsync(HttpClient client, CancellationToken stop)
    {
        for (var i = 0; i < MaxWritesPerClient && !stop.IsCancellationRequested; i++)
        {
            var marker = $"resilience-{Guid.NewGuid():N}";
            var down = DatabaseDown;
            try
            {
                using var response = await client.PostAsJsonAsync($"/api/t/{township}/mediation/disputes", Intake(marker), CancellationToken.None);
                var status = (int)response.StatusCode;
                _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                Figures.Answer(status);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    _acknowledged[marker] = true;
                    Figures.Add("writes acknowledged");
                    continue;
                }

                _unacknowledged[marker] = true;
                if (down && DatabaseDown && !IsUnavailableProblem(response))
                {
                    Figures.Add("answers during a database outage that were not 503 problem details with Retry-After");
                    OutageAnswers.Enqueue($"{status} {response.Content.Headers.ContentType?.MediaType} Retry-After: {response.Headers.RetryAfter}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                _unacknowledged[marker] = true;
                Figures.Add("writes that got no answer (host away)");
            }

            await Task.Delay(100, CancellationToken.None); // the host is away or refusing: do not spin
        }
    }

    private static bool IsUnavailableProblem(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable
        && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
        && response.Headers.RetryAfter is not null;

    private static Dictionary<string, object?> Intake(string marker) => new()
    {
        ["source"] = "Visit",
        ["receivedOn"] = "2026-03-02",
        ["category"] = "Neighbours",
        ["village"] = "新街村",
        ["summary"] = $"宅基地排水沟争执 {marker}",
        ["risk"] = "Low",
        ["parties"] = new object[]
        {
            new { name = "王桂兰", role = "Applicant", idNumber = Identities.IdNumber(), phone = "13812345678", address = "新街村三组12号" },
            new { name = "李德才", role = "Respondent" },
        },
    };

    internal static string Describe(IReadOnlyDictionary<int, int> statuses) =>
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
}
