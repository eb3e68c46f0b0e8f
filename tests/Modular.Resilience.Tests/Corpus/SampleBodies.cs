using System.Text.Json.Nodes;

namespace Modular.Resilience.Tests.Corpus;

/// <summary>
/// A plausible body for a schema: every property present with a value of its type, so that a hostile variation of one
/// field reaches the code that reads that field instead of stopping at the first missing one.
/// </summary>
internal sealed class SampleBodies(JsonObject schemas)
{
    public JsonNode? For(JsonNode? schema) => Value(schema, depth: 0, name: "");

    /// <summary>Every path to a string or string-typed leaf in the sample (e.g. <c>parties[0].name</c>), for field mutations.</summary>
    public static IReadOnlyList<string[]> StringFields(JsonNode? body)
    {
        var found = new List<string[]>();
        Walk(body, [], found, leaf => leaf is JsonValue v && v.TryGetValue<string>(out _));
        return found;
    }

    /// <summary>Every path to any leaf (string, number, boolean), for wrong-type mutations.</summary>
    public static IReadOnlyList<string[]> Leaves(JsonNode? body)
    {
        var found = new List<string[]>();
        Walk(body, [], found, leaf => leaf is JsonValue);
        return found;
    }

    /// <summary>A copy of <paramref name="body"/> with the leaf at <paramref name="path"/> replaced.</summary>
    public static JsonNode? With(JsonNode? body, string[] path, JsonNode? value)
    {
        var copy = body?.DeepClone();
        if (copy is null || path.Length == 0)
        {
            return value;
        }

        var parent = copy;
        foreach (var step in path[..^1])
        {
            parent = parent is JsonArray a ? a[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : parent[step]!;
        }

        if (parent is JsonArray array)
        {
            array[int.Parse(path[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[path[^1]] = value;
        }

        return copy;
    }

    private static void Walk(JsonNode? node, List<string> path, List<string[]> found, Func<JsonNode, bool> take)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    Walk(child, [.. path, key], found, take);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], [.. path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)], found, take);
                }

                break;
            case { } leaf when take(leaf):
                found.Add([.. path]);
                break;
        }
    }

    private JsonNode? Value(JsonNode? schema, int depth, string name)
    {
        if (schema is null || depth > 6)
        {
            return null;
        }

        if ((string?)schema["$ref"] is { } reference)
        {
            return Value(schemas[reference.Split('/')[^1]], depth + 1, name);
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is { } choices)
        {
            var choice = choices.AsArray().FirstOrDefault(c => (string?)c!["type"] != "null");
            return Value(choice, depth + 1, name);
        }

        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => (string)t!).ToList(),
            JsonValue single => [(string)single!],
            _ => schema["properties"] is not null ? ["object"] : [],
        };
        var format = (string?)schema["format"];
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var body = new JsonObject();
            foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
            {
                body[property] = Value(propertySchema, depth + 1, property);
            }

            return body;
        }

        if (types.Contains("array"))
        {
            return new JsonArray(Value(schema["items"], depth + 1, name));
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return name.Contains("version", StringComparison.OrdinalIgnoreCase) ? JsonValue.Create(0) : JsonValue.Create(1);
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(false);
        }

        if (types.Contains("string"))
        {
            return JsonValue.Create(format switch
            {
                "date" => "2026-03-02",
                "date-time" => "2026-03-02T09:00:00+08:00",
                "uuid" => Guid.NewGuid().ToString(),
                _ when name.EndsWith("On", StringComparison.Ordinal) => "2026-03-02",
                _ => "测试 sample",
            });
        }

        return null;
    }
}
