using System.Text.Json.Nodes;

namespace Modular.Resilience.Tests.Corpus;

/// <summary>One operation of the host's OpenAPI document: what the suite needs to call it with good and hostile input.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<string> QueryParameters, JsonNode? BodySchema, string? BodyContentType)
{
    public string Name => $"{Method} {Path}";

    /// <summary>The route's placeholders in order, <c>{township}</c> included.</summary>
    public IReadOnlyList<string> RouteParameters =>
        Path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]).ToList();

    /// <summary>The module the route belongs to (<c>/api/t/{township}/{module}/…</c>), or null for the platform's own (home, audit, the annual report).</summary>
    public string? Module
    {
        get
        {
            var segments = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length > 3 && segments[0] == "api" && segments[1] == "t" && segments[2] == "{township}"
                && segments[3] is not ("home" or "audit" or "annual-report") ? segments[3] : null;
        }
    }

    public bool IsTownshipRoute => Path.StartsWith("/api/t/{township}/", StringComparison.Ordinal);

    public bool IsPublic => Path.Contains("/public/", StringComparison.Ordinal);

    public bool IsPlatformAdmin => Path.StartsWith("/api/admin/", StringComparison.Ordinal);

    public bool IsRead => Method == "GET";

    /// <summary>An import takes a file: its route ends in <c>/import</c>, or it reads a multipart form.</summary>
    public bool IsImport => Path.EndsWith("/import", StringComparison.Ordinal) || BodyContentType == "multipart/form-data";

    public bool HasJsonBody => BodyContentType == "application/json";

    /// <summary>Reads every operation of the document; a new endpoint is in the suite as soon as the host describes it.</summary>
    public static IReadOnlyList<ApiOperation> Read(JsonNode document, out JsonObject schemas)
    {
        schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description")
                {
                    continue;
                }

                var query = operation!["parameters"]?.AsArray()
                    .Where(p => (string?)p!["in"] == "query")
                    .Select(p => (string)p!["name"]!)
                    .ToList() ?? [];
                var content = operation["requestBody"]?["content"]?.AsObject();
                var (contentType, schema) = content is null || content.Count == 0
                    ? ((string?)null, (JsonNode?)null)
                    : (content.First().Key, content.First().Value?["schema"]);
                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, query, schema, contentType));
            }
        }

        return operations;
    }
}
