using Npgsql;

namespace Modular.Host.Storage;

/// <summary>
/// The work a platform's start does once for everyone (the administrator, the demo township and its records, the
/// claims backfill) runs under one PostgreSQL advisory lock, so that hosts starting at the same moment on one database
/// do it one after the other: the first does it, the others find it done. (Marten applies the schema under its own
/// advisory lock.) The lock is a session lock on a connection of its own, released when it is disposed or, should the
/// host die, when PostgreSQL closes that connection.
/// </summary>
internal sealed class StartupLock : IAsyncDisposable
{
    /// <summary>"modular" in ASCII: one key for the platform's start-up work on a database.</summary>
    public const long Key = 0x6D6F64756C6172;

    private readonly NpgsqlConnection _connection;

    private StartupLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(IConfiguration configuration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Modular")) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0; // as long as the other host's start-up work takes
            await command.ExecuteNonQueryAsync(ct);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it.
        }

        await _connection.DisposeAsync();
    }
}
