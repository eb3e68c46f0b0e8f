using Modular.Host.Storage;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// A bulk load leaves the planner's statistics current without waiting for autovacuum: the host analyses a table of
/// its schema a few seconds after it changed by more than its threshold, and leaves a table that changed a little alone.
/// </summary>
[Collection(NotebookPlatformCollection.Name)]
public sealed class PlannerStatisticsTests(NotebookPlatform platform)
{
    [Fact]
    public async Task A_table_loaded_in_bulk_is_analysed_by_the_host_and_one_changed_by_a_few_rows_is_not()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (bulk, few) = ($"statistics_bulk_{suffix}", $"statistics_few_{suffix}");
        await using var connection = new NpgsqlConnection(platform.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"""
            create table modular.{bulk} (id int primary key, text text) with (autovacuum_enabled = false);
            create table modular.{few} (id int primary key, text text) with (autovacuum_enabled = false);
            insert into modular.{bulk} select i, md5(i::text) from generate_series(1, {PlannerStatistics.MinChanges * 4}) i;
            insert into modular.{few} select i, md5(i::text) from generate_series(1, 20) i;
            """);
        try
        {
            // Autovacuum is off for both tables, so a manual ANALYZE can only be the host's.
            var analysed = DateTime.UtcNow.AddSeconds(30);
            while (await LastAnalyzeAsync(connection, bulk) is null && DateTime.UtcNow < analysed)
            {
                await Task.Delay(250);
            }

            Assert.NotNull(await LastAnalyzeAsync(connection, bulk));
            Assert.Null(await LastAnalyzeAsync(connection, few));
            Assert.Equal(PlannerStatistics.MinChanges * 4, await connection.ScalarAsync<float>($"select reltuples from pg_class where oid = 'modular.{bulk}'::regclass"));
        }
        finally
        {
            await connection.ExecuteAsync($"drop table modular.{bulk}; drop table modular.{few};");
        }
    }

    private static Task<DateTime?> LastAnalyzeAsync(NpgsqlConnection connection, string table) =>
        connection.ScalarAsync<DateTime?>($"select last_analyze from pg_stat_user_tables where schemaname = 'modular' and relname = '{table}'");
}
