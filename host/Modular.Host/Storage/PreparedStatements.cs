using System.Data.Common;

namespace Modular.Host.Storage;

/// <summary>
/// The statements the platform sends over and over (a session's user, a township's settings, a ledger's page and its
/// count) are prepared on each connection by Npgsql once they have been sent twice (<c>Max Auto Prepare</c>): PostgreSQL
/// then neither parses nor plans them again. Marten sends none prepared itself, and its SQL is stable from one call to
/// the next (paging goes in parameters), so they are prepared once per connection of the pool.
/// </summary>
/// <remarks>
/// A table of 13 indexes took 0.9–1.4 ms to plan for the dispute ledger's page, more than the page's own execution;
/// prepared, the ledger API served 8–13 % more requests at 4 connections with 12–16 % less of PostgreSQL's CPU a request
/// (bench/README.md, "Documents stored uncompressed"). A connection string that says <c>Max Auto Prepare</c> (0 turns it off, for instance
/// behind a pooler in transaction mode that does not keep prepared statements) or <c>Auto Prepare Min Usages</c> is
/// taken as it is.
/// </remarks>
internal static class PreparedStatements
{
    /// <summary>Statements kept prepared per connection: the platform's four modules send a few dozen distinct reads.</summary>
    public const int MaxAutoPrepare = 64;

    public const int MinUsages = 2;

    /// <summary><paramref name="connectionString"/> with the platform's defaults for what it does not set.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Says(given, "maxautoprepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Says(given, "autoprepareminusages"))
        {
            builder.AutoPrepareMinUsages = MinUsages;
        }

        return builder.ConnectionString;
    }

    // Npgsql's builder answers ContainsKey for every keyword it knows, set or not; the plain builder keeps what was said.
    private static bool Says(DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
}
