using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Storage;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// A backup is what <c>pg_dump</c> writes, and it is only a backup if it comes back: the demo township's database,
/// with every module's records over the demo years, is dumped, restored into a fresh PostgreSQL cluster, and a new host
/// started on the copy. Every event stream (count and checksum of its events), every document table (rows and checksum)
/// and every figure of the annual reports drafted from the records must be the same on the copy.
/// </summary>
[Collection(DemoYearCollection.Name)]
public sealed class BackupRestoreTests(DemoYearPlatform platform)
{
    internal const string Bin = "/usr/lib/postgresql/15/bin";

    private static readonly int[] Years = [2020, 2021];

    [Fact]
    public async Task A_pg_dump_restored_into_a_fresh_cluster_brings_the_platform_back_with_every_stream_document_and_figure_identical()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"modular-restore-{Guid.NewGuid():N}");
        var dump = Path.Combine(folder, "modular.dump");
        Directory.CreateDirectory(folder);
        var fresh = new LocalPostgresCluster(Path.Combine(folder, "cluster"), LocalPostgresCluster.FreePort(), durable: false);
        try
        {
            // The host keeps running (its daemon may still be catching up): the dump counts when the database was the
            // same just before and just after it, so it holds that state too.
            var source = new NpgsqlConnectionStringBuilder(platform.ConnectionString);
            Fingerprint before;
            var attempts = 0;
            while (true)
            {
                before = await FingerprintAsync(platform.ConnectionString);
                await RunAsync("pg_dump", "--format=custom", "--no-owner", "-h", source.Host!, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "-U", source.Username!, "-d", source.Database!, "-f", dump);
                var afterDump = await FingerprintAsync(platform.ConnectionString);
                if (before.Lines.SequenceEqual(afterDump.Lines) || ++attempts == 5)
                {
                    Assert.Equal(before.Lines, afterDump.Lines);
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            Assert.True(before.Streams > 50, $"the demo should have many streams, found {before.Streams}");
            // Drafted from the state the dump holds (the demo's async projections may still have been catching up before).
            var reports = new Dictionary<int, string>();
            foreach (var year in Years)
            {
                reports[year] = JsonSerializer.Serialize(await platform.ReportAsync(year));
            }

            Assert.Equal(before.Lines, (await FingerprintAsync(platform.ConnectionString)).Lines);
            await fresh.StartAsync("restored");
            await RunAsync("pg_restore", "--no-owner", "--exit-on-error", "-h", "127.0.0.1", "-p", fresh.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", "postgres", "-d", "restored", dump);

            var after = await FingerprintAsync(fresh.ConnectionString("restored"));
            Assert.Equal(before.Streams, after.Streams);
            Assert.Equal(before.Events, after.Events);
            Assert.Equal(before.Lines, after.Lines);

            await using var restored = new RestoredPlatform(fresh.ConnectionString("restored")) { KeyEncryptionKey = platform.KeyEncryptionKey };
            await restored.InitializeAsync();
            foreach (var year in Years)
            {
                Assert.Equal(reports[year], JsonSerializer.Serialize(await DemoYearPlatform.ReportAsync(restored, year)));
            }

            // The copy serves.
            using var client = restored.CreateClient();
            var ready = await client.GetAsync("/health/ready");
            Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            await fresh.StopAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left in /tmp: harmless.
            }
            catch (UnauthorizedAccessException)
            {
                // The cluster's files belong to postgres when the tests run as root; /tmp is cleaned by the machine.
            }
        }
    }

    /// <summary>Each stream's event count and checksum, and each document table's rows and checksum, in a stable order.</summary>
    internal static async Task<Fingerprint> FingerprintAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        long streams = 0, events = 0;
        await using (var command = new NpgsqlCommand(
            """
            select tenant_id, stream_id, count(*), md5(string_agg(type || ':' || data::text, '|' order by version))
            from modular.mt_events group by tenant_id, stream_id order by tenant_id, stream_id
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                streams++;
                events += reader.GetInt64(2);
                lines.Add($"{reader.GetString(0)} {reader.GetGuid(1)} {reader.GetInt64(2)} {reader.GetString(3)}");
            }
        }

        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'modular' and table_name like 'mt_doc_%' order by table_name", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"select count(*), coalesce(md5(string_agg(d.data::text, '|' order by d.data::text)), '') from modular.\"{table}\" d", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            lines.Add($"{table} {reader.GetInt64(0)} {reader.GetString(1)}");
        }

        return new Fingerprint(streams, events, lines);
    }

    internal static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Bin, program)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await error}{await output}");
    }

    internal sealed record Fingerprint(long Streams, long Events, IReadOnlyList<string> Lines);

    /// <summary>The same modules as the demo platform, on the restored copy; the demo finds itself seeded and adds nothing.</summary>
    private sealed class RestoredPlatform(string connectionString) : PlatformFactory(DemoYearPlatform.Plugins, database: connectionString, demo: true);
}
