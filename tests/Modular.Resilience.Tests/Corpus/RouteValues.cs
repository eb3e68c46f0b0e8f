using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Modular.Resilience.Tests.Corpus;

/// <summary>
/// Fills a route template with identifiers of records that exist, found by reading the lists the API itself serves
/// (<c>/disputes</c> gives a dispute's <c>{id}</c>, the dispute gives its parties), so a call reaches a real record
/// without the suite knowing any module. What cannot be found gets a fresh GUID: the call is then about a missing record.
/// </summary>
internal sealed class RouteValues(HttpClient reader, string township)
{
    private readonly Dictionary<string, JsonNode?> _reads = [];
    private readonly HashSet<string> _found = [];

    /// <summary>Whether <paramref name="value"/> names a record that exists (rather than a GUID made up for a missing one).</summary>
    public bool IsFound(string value) => _found.Contains(value);

    public async Task<string> ResolveAsync(string template)
    {
        var segments = template.Split('/');
        var resolved = new List<string>();
        foreach (var segment in segments)
        {
            if (!(segment.StartsWith('{') && segment.EndsWith('}')))
            {
                resolved.Add(segment);
                continue;
            }

            var name = segment[1..^1];
            resolved.Add(name switch
            {
                "township" => township,
                "index" => "0",
                "year" => "2020",
                "number" => "1",
                _ => await FindAsync(resolved, name) ?? Guid.NewGuid().ToString(),
            });
        }

        return string.Join('/', resolved);
    }

    /// <summary>Walks back from the placeholder's parent until a readable resource names a value for it.</summary>
    private async Task<string?> FindAsync(List<string> prefix, string name)
    {
        for (var length = prefix.Count; length > 4; length--)
        {
            var json = await ReadAsync(string.Join('/', prefix.Take(length)));
            if (json is null)
            {
                continue;
            }

            var isDetail = json is JsonObject && length < prefix.Count;
            var objects = Objects(json, root: true).Where(o => !(isDetail && o.Root)).Select(o => o.Node).ToList();
            var value = objects.Select(o => Text(o[name])).FirstOrDefault(v => v is not null)
                ?? (name == "id" || name.EndsWith("Id", StringComparison.Ordinal)
                    ? objects.Select(o => Text(o["id"])).FirstOrDefault(v => v is not null && !prefix.Contains(v))
                    : null);
            if (value is not null)
            {
                _found.Add(Uri.EscapeDataString(value));
                return Uri.EscapeDataString(value);
            }
        }

        return null;
    }

    private async Task<JsonNode?> ReadAsync(string path)
    {
        if (_reads.TryGetValue(path, out var cached))
        {
            return cached;
        }

        JsonNode? json = null;
        using var response = await reader.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        }

        return _reads[path] = json;
    }

    private static IEnumerable<(JsonObject Node, bool Root)> Objects(JsonNode? node, bool root)
    {
        switch (node)
        {
            case JsonObject o:
                yield return (o, root);
                foreach (var (_, child) in o)
                {
                    foreach (var inner in Objects(child, root: false))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var inner in Objects(child, root: false))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<string>(out var s) ? (s.Length is > 0 and < 200 ? s : null)
        : v.TryGetValue<long>(out var n) ? n.ToString(CultureInfo.InvariantCulture) : null
        : null;
}
