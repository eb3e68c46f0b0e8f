using Marten;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Storage;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// Documents that fit in a page are stored whole and uncompressed, so that reading their fields does not decompress them
/// again and again; larger ones are still compressed. The host sets it on every document table at start.
/// </summary>
[Collection(NotebookPlatformCollection.Name)]
public sealed class DocumentStorageTests(NotebookPlatform platform)
{
    [Fact]
    public async Task After_start_every_document_table_keeps_rows_up_to_a_page_uncompressed()
    {
        await using var connection = new NpgsqlConnection(platform.ConnectionString);
        await connection.OpenAsync();
        var without = await connection.ListAsync($$"""
            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'modular' and c.relkind = 'r' and c.relname like 'mt\_doc\_%'
              and not coalesce(c.reloptions, '{}') @> array['toast_tuple_target={{DocumentStorage.ToastTupleTarget}}']
            """);
        var tables = await connection.ListAsync("select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'modular' and c.relkind = 'r' and c.relname like 'mt\\_doc\\_%'");

        Assert.Empty(without);
        Assert.Contains("mt_doc_notebook_matter", tables); // the module's tables too, not only the platform's
        Assert.Contains("mt_doc_townshiprecord", tables);
    }

    [Fact]
    public async Task A_three_kilobyte_document_is_stored_uncompressed_and_a_twenty_kilobyte_one_compressed()
    {
        await using var connection = new NpgsqlConnection(platform.ConnectionString);
        await connection.OpenAsync();
        var tenant = "storage-" + Guid.NewGuid().ToString("N")[..8]; // no township: nothing reads these rows
        var (middle, large) = (Guid.NewGuid(), Guid.NewGuid());
        try
        {
            // Compressible text of the size of a dispute (about 3 KB) and of a long publication (about 20 KB).
            await InsertAsync(connection, tenant, middle, string.Concat(Enumerable.Repeat("村民调解记录", 170)));
            await InsertAsync(connection, tenant, large, string.Concat(Enumerable.Repeat("村民调解记录", 1100)));

            Assert.Null(await CompressionAsync(connection, tenant, middle));
            Assert.NotNull(await CompressionAsync(connection, tenant, large));
        }
        finally
        {
            await using var delete = new NpgsqlCommand("delete from modular.mt_doc_notebook_matter where tenant_id = @tenant", connection);
            delete.Parameters.AddWithValue("tenant", tenant);
            await delete.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task A_document_table_made_later_is_set_once_and_then_left_alone()
    {
        var database = platform.Services.GetRequiredService<IDocumentStore>().Storage.Database;
        var table = "mt_doc_storagetest" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(platform.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync($"create table modular.{table} (like modular.mt_doc_notebook_matter including all)");
        try
        {
            var first = await DocumentStorage.ApplyAsync(database, CancellationToken.None);
            var second = await DocumentStorage.ApplyAsync(database, CancellationToken.None);

            Assert.Equal([$"modular.{table}"], first);
            Assert.Empty(second);
        }
        finally
        {
            await connection.ExecuteAsync($"drop table modular.{table}");
        }
    }

    private static async Task InsertAsync(NpgsqlConnection connection, string tenant, Guid id, string text)
    {
        await using var insert = new NpgsqlCommand(
            "insert into modular.mt_doc_notebook_matter (tenant_id, id, data, mt_dotnet_type, mt_version) values (@tenant, @id, jsonb_build_object('Title', @text::text), 'test', 1)", connection);
        insert.Parameters.AddWithValue("tenant", tenant);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("text", text);
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<string?> CompressionAsync(NpgsqlConnection connection, string tenant, Guid id)
    {
        await using var command = new NpgsqlCommand("select pg_column_compression(data) from modular.mt_doc_notebook_matter where tenant_id = @tenant and id = @id", connection);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync() as string;
    }
}
