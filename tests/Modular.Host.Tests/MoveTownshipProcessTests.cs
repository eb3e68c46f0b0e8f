using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Storage.Databases;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Modular.Host.Tests;

/// <summary>
/// <c>move-township</c> as the county IT admin runs it: the built host as a process of its own, beside a host serving
/// on Kestrel. While it runs the township answers 200 or 503 problem details with Retry-After, never anything else, and
/// a write is refused whole; after it, every stream is as it was and the serving host reads the township from the target.
/// </summary>
[Collection(SeveralDatabasesCollection.Name)]
public sealed class MoveTownshipProcessTests(SeveralDatabasesPlatform platform, ITestOutputHelper output)
{
    [Fact]
    public async Task A_move_run_as_a_process_beside_a_serving_host_refuses_writes_meanwhile_and_leaves_every_stream_and_figure_as_it_was()
    {
        var (admin, county, slug, from, clerk) = await SeveralDatabasesTests.TownshipWithMattersAsync(platform, 3);
        var to = from == "north" ? "south" : "north";
        var before = await SeveralDatabasesTests.FiguresAsync(platform, admin, county, slug, clerk);
        var streams = await StreamsAsync(platform.Databases[from], slug);
        var order = await OrderAsync(platform.Databases[from], slug);

        var clock = Stopwatch.StartNew();
        var move = RunAsync("--township", slug, "--to", to);
        var answers = new Dictionary<string, int>();
        HttpStatusCode? refusedWrite = null;
        var page = $"/t/{slug}/notebook";
        while (!move.IsCompleted)
        {
            foreach (var path in new[] { Notebook.Matters(slug), page, $"/api/t/{slug}/home" })
            {
                using var response = await clerk.GetAsync(path);
                var answer = await CheckAsync(response, path);
                answers[answer] = answers.GetValueOrDefault(answer) + 1;
                if (answer == "503" && refusedWrite is null)
                {
                    // In maintenance: a write is refused, and none of it lands.
                    using var write = await Notebook.PostMatterAsync(clerk, slug, "迁移中写入", Notebook.Today(platform));
                    refusedWrite = write.StatusCode;
                    await CheckAsync(write, "POST " + Notebook.Matters(slug));
                }
            }

            await Task.Delay(50);
        }

        var (exit, console) = await move;
        var took = clock.Elapsed;
        output.WriteLine($"move-township as a process: {took.TotalSeconds:F1} s (exit {exit}); answers meanwhile: {string.Join(", ", answers.Select(a => $"{a.Key} × {a.Value}"))}");
        Assert.True(exit == 0, console);
        Assert.Contains("Moved " + slug, console, StringComparison.Ordinal);
        Assert.True(answers.GetValueOrDefault("503") > 0, "the township should answer 503 while it moves");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedWrite);

        // The serving host, never restarted, reads the township from the target: the same streams, events in the same order, the same figures.
        Assert.Equal(to, (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("database").GetString());
        Assert.Equal(streams, await StreamsAsync(platform.Databases[to], slug));
        Assert.Equal(order, await OrderAsync(platform.Databases[to], slug));
        Assert.Equal(3, await SeveralDatabasesTests.MattersInAsync(platform.Databases[to], slug));
        Assert.Equal(0, await SeveralDatabasesTests.MattersInAsync(platform.Databases[from], slug));
        Assert.Equal(before, await SeveralDatabasesTests.FiguresAsync(platform, admin, county, slug, clerk));

        await Notebook.OpenMatterAsync(clerk, slug, "迁移后写入", Notebook.Today(platform));
        Assert.Equal(4, await SeveralDatabasesTests.MattersInAsync(platform.Databases[to], slug));
        Assert.Equal(0, await SeveralDatabasesTests.MattersInAsync(platform.Databases[from], slug));
    }

    [Fact]
    public async Task Bad_usage_of_move_township_exits_2_with_a_clear_message_and_changes_nothing()
    {
        var (admin, _, slug, from, _) = await SeveralDatabasesTests.TownshipWithMattersAsync(platform, 1);
        var to = from == "north" ? "south" : "north";
        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("history").GetArrayLength();
        var streams = await StreamsAsync(platform.Databases[from], slug);

        // As a process: what the admin types, and what the console says.
        (string[] Arguments, string Says)[] typed =
        [
            (["--township", "no-such-township", "--to", to], "No township no-such-township"),
            (["--township", slug, "--to", "west"], "No database west"),
            (["--township", slug, "--to", from], $"already in {from}"),
            (["--township", slug + "\u0001", "--to", to], "control characters"),
            (["--township", slug, "--to"], "--to needs a value"),
        ];
        foreach (var (arguments, says) in typed)
        {
            var (exit, console) = await RunAsync(arguments);
            Assert.True(exit == 2, $"{string.Join(' ', arguments)}: exit {exit}\n{console}");
            Assert.Contains(says, console, StringComparison.Ordinal);
        }

        // In process, the cases a shell cannot pass (NUL) and the rest of the grammar.
        string[][] refused =
        [
            ["--township", slug + "\0", "--to", to],
            ["--township", slug, "--to", to + "\n"],
            ["--township", "--to", to],
            ["--to", to],
            ["--township", slug],
            ["--township", slug, "--to", to, "--grace-seconds", "abc"],
            ["--township", slug, "--to", to, "--grace-seconds", "-1"],
            ["--township", slug, "--to", to, "--grace-seconds", "99999"],
            ["--township", slug, "--to", to, "--force"],
            ["--township", slug, "--township", slug, "--to", to],
            ["--township", "", "--to", to],
        ];
        foreach (var arguments in refused)
        {
            Assert.True(await TownshipMove.RunAsync(platform.Services, [TownshipMove.Command, .. arguments], CancellationToken.None) == 2,
                string.Join(' ', arguments.Select(a => JsonSerializer.Serialize(a))));
        }

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}");
        Assert.Equal(from, detail.GetProperty("database").GetString());
        Assert.Equal(history, detail.GetProperty("history").GetArrayLength());
        Assert.Equal(streams, await StreamsAsync(platform.Databases[from], slug));
        Assert.Equal(0, await SeveralDatabasesTests.MattersInAsync(platform.Databases[to], slug));
    }

    /// <summary>The answer is 200, or 503 problem details with Retry-After (the maintenance); anything else fails the test.</summary>
    private static async Task<string> CheckAsync(HttpResponseMessage response, string what)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return "200";
        }

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter is not null, $"{what}: 503 without Retry-After");
        return "503";
    }

    private Task<(int Exit, string Console)> RunAsync(params string[] arguments) =>
        MoveTownshipCommand.RunAsync(platform, platform.Databases, TestPlugins.NotebookRoot, arguments);

    /// <summary>The township's streams in one database: events, version and checksum of each (<see cref="TownshipCopy"/>, the move's own check).</summary>
    private static async Task<List<StreamFingerprint>> StreamsAsync(string connectionString, string slug)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var utc = new NpgsqlCommand("set time zone 'UTC'", connection))
        {
            await utc.ExecuteNonQueryAsync();
        }

        return await new TownshipCopy("modular", slug).StreamsAsync(connection, null, CancellationToken.None);
    }

    private static async Task<string> OrderAsync(string connectionString, string slug)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await new TownshipCopy("modular", slug).SequenceOrderAsync(connection, null, CancellationToken.None);
    }
}
