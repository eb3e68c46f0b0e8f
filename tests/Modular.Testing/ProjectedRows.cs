using System.Text.Json.Nodes;
using Npgsql;

namespace Modular.Testing;

/// <summary>
/// Projected documents as PostgreSQL holds them, for comparing a rebuild with what the inline projection wrote: each
/// row's <c>data</c> by township and id, and the fields in which two of them differ. Shared by the host's rebuild test
/// and the mediation benchmark (linked into it), so both compare the same way. Marten's own columns (version stamp,
/// last modified) are left out: a rebuild writes them anew.
/// </summary>
public static class ProjectedRows
{
    /// <summary>Every row of <paramref name="table"/> (schema-qualified), optionally only those matching <paramref name="where"/>.</summary>
    public static async Task<Dictionary<(string Tenant, string Id), JsonNode?>> ReadAsync(string connectionString, string table, string? where = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select tenant_id, id::text, data::text from {table}{(where is null ? "" : " where " + where)}", connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<(string, string), JsonNode?>();
        while (await reader.ReadAsync())
        {
            rows[(reader.GetString(0), reader.GetString(1))] = JsonNode.Parse(reader.GetString(2));
        }

        return rows;
    }

    /// <summary>Marten's version column (the stream's version for a snapshot) and .NET type of every row of <paramref name="table"/>, by township and id.</summary>
    public static async Task<Dictionary<(string Tenant, string Id), string>> VersionsAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select tenant_id, id::text, mt_version::text || ' ' || mt_dotnet_type from {table}", connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new Dictionary<(string, string), string>();
        while (await reader.ReadAsync())
        {
            versions[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return versions;
    }

    /// <summary>The rows missing on either side, and for the others every field (JSON path) whose value differs.</summary>
    public static List<string> Differences(IReadOnlyDictionary<(string Tenant, string Id), JsonNode?> expected, IReadOnlyDictionary<(string Tenant, string Id), JsonNode?> actual)
    {
        var differences = new List<string>();
        differences.AddRange(expected.Keys.Except(actual.Keys).Select(k => $"{k.Tenant}/{k.Id}: missing"));
        differences.AddRange(actual.Keys.Except(expected.Keys).Select(k => $"{k.Tenant}/{k.Id}: not expected"));
        foreach (var key in expected.Keys.Intersect(actual.Keys))
        {
            differences.AddRange(Fields(expected[key], actual[key], "$").Select(f => $"{key.Tenant}/{key.Id}: {f}"));
        }

        return differences;
    }

    /// <summary>The JSON paths at which <paramref name="expected"/> and <paramref name="actual"/> differ, with both values.</summary>
    public static IEnumerable<string> Fields(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var name in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    foreach (var difference in Fields(e[name], a[name], $"{path}.{name}"))
                    {
                        yield return difference;
                    }
                }

                break;
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    foreach (var difference in Fields(e[i], a[i], $"{path}[{i}]"))
                    {
                        yield return difference;
                    }
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    yield return $"{path}: {expected?.ToJsonString() ?? "null"} ≠ {actual?.ToJsonString() ?? "null"}";
                }

                break;
        }
    }
}
