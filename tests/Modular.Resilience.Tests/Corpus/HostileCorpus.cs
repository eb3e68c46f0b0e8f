using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Modular.Resilience.Tests.Corpus;

/// <summary>
/// The hostile-input corpus, generated per operation from its description: whole bodies (malformed, null, wrong
/// shape, deep nesting, bad encoding), one field at a time (NUL, control characters, 1 MB, SQL, script, wrong types),
/// query and route values, attachments and import files. In CI each operation gets a rotating sample of the field,
/// query and route cases (<see cref="Full"/> false); the long command runs them all.
/// </summary>
internal sealed class HostileCorpus(ResilienceWorld world)
{
    public const string Sql = "'; DROP TABLE modular.mt_events; -- \" OR 1=1 /*";
    public const string Script = "<script>alert(1)</script><img src=x onerror=alert(document.cookie)><a href=\"javascript:alert(1)\">x</a>";

    private const int CiSample = 2;

    /// <summary>Moves CI's rotating sample: set MODULAR_RESILIENCE_SEED to reach other fields; a failure names its case.</summary>
    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("MODULAR_RESILIENCE_SEED"), out var seed) ? Math.Abs(seed) : 0;

    public static bool Full => Environment.GetEnvironmentVariable("MODULAR_RESILIENCE") == "full";

    /// <summary>Every kind the suite knows; each is one row of the corpus theory.</summary>
    public static readonly string[] Kinds =
    [
        "malformed-json", "json-null", "json-wrong-shape", "json-empty-object", "deep-nesting", "empty-body",
        "wrong-content-type", "invalid-utf8", "nul-in-text", "control-characters-in-text", "megabyte-text",
        "sql-text", "script-text", "wrong-types", "extreme-numbers", "hostile-query", "hostile-route",
        "attachments", "imports",
    ];

    public async Task<List<Probe>> ProbesAsync(string kind)
    {
        var probes = new List<Probe>();
        var index = 0;
        foreach (var operation in world.Operations.Where(o => o.IsTownshipRoute || o.IsPlatformAdmin))
        {
            var path = await world.RoutesA.ResolveAsync(operation.Path);
            var client = operation.IsPublic ? world.Anonymous : operation.IsPlatformAdmin ? world.Admin : world.FullA;
            var sample = world.Bodies.For(operation.BodySchema);
            var found = Generate(kind, operation, path, sample).ToList();
            foreach (var (name, method, target, content) in Sample(kind, found, index++))
            {
                // A wrong type is refused by binding, which must say which field: the case's name starts with its key.
                var names = kind == "wrong-types" ? name[..name.LastIndexOf(" as ", StringComparison.Ordinal)] : null;
                probes.Add(new Probe(operation, $"{kind}: {name}", method, target, content, client) { NamesField = names });
            }
        }

        return probes;
    }

    private static IEnumerable<(string, string, string, Func<HttpContent?>)> Sample(string kind, List<(string, string, string, Func<HttpContent?>)> found, int index)
    {
        // Whole-body and file cases are one request each per operation: always all of them. Field, query and route
        // cases multiply with the fields: CI takes a rotating few, so every field is hit across a few CI runs' worth.
        var perField = kind is "nul-in-text" or "control-characters-in-text" or "megabyte-text" or "sql-text" or "script-text"
            or "wrong-types" or "extreme-numbers" or "hostile-query" or "hostile-route";
        if (Full || !perField)
        {
            return found;
        }

        // A megabyte is refused by the request gate before it is bound or stored (TextLimits), so CI sends it like the rest.
        var take = CiSample;
        if (found.Count <= take)
        {
            return found;
        }

        var start = (index * 7 + Seed) % found.Count;
        return Enumerable.Range(0, take).Select(i => found[(start + i) % found.Count]);
    }

    private IEnumerable<(string, string, string, Func<HttpContent?>)> Generate(string kind, ApiOperation operation, string path, JsonNode? sample)
    {
        var method = operation.Method;
        var json = operation.HasJsonBody;
        switch (kind)
        {
            case "malformed-json" when json:
                yield return ("truncated object", method, path, Probe.Json("{\"a\": [1, 2"));
                yield return ("trailing garbage", method, path, Probe.Json((sample?.ToJsonString() ?? "{}") + "}}"));
                yield return ("single quotes", method, path, Probe.Json("{'a': 'b'}"));
                break;
            case "json-null" when json:
                yield return ("null", method, path, Probe.Json("null"));
                break;
            case "json-wrong-shape" when json:
                foreach (var shape in new[] { "[]", "[{}]", "\"text\"", "0", "true" })
                {
                    yield return (shape, method, path, Probe.Json(shape));
                }

                break;
            case "json-empty-object" when json:
                yield return ("{}", method, path, Probe.Json("{}"));
                break;
            case "deep-nesting" when json:
                yield return ("100,000 nested arrays", method, path, Probe.Json(new string('[', 100_000) + new string(']', 100_000)));
                yield return ("10,000 nested objects", method, path, Probe.Json(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)));
                break;
            case "empty-body" when json:
                yield return ("no bytes, JSON content type", method, path, Probe.Json(""));
                yield return ("no content at all", method, path, () => null);
                break;
            case "wrong-content-type" when json:
                var text = Encoding.UTF8.GetBytes(sample?.ToJsonString() ?? "{}");
                yield return ("text/plain", method, path, Probe.Bytes(text, "text/plain"));
                yield return ("application/xml", method, path, Probe.Bytes(Encoding.UTF8.GetBytes("<a>1</a>"), "application/xml"));
                break;
            case "invalid-utf8" when json:
                foreach (var field in SampleBodies.StringFields(sample).Take(1))
                {
                    var marked = Encoding.UTF8.GetBytes(SampleBodies.With(sample, field, "@@BAD@@")!.ToJsonString());
                    yield return ($"bytes C3 28 FF in {Field(field)}", method, path, Probe.Bytes(Replace(marked, "@@BAD@@"u8.ToArray(), [0xC3, 0x28, 0xFF, 0xFE]), "application/json"));
                }

                break;
            case "nul-in-text" when json:
                foreach (var p in Strings(sample, "前\u0000后", method, path))
                {
                    yield return p;
                }

                break;
            case "control-characters-in-text" when json:
                foreach (var p in Strings(sample, "前\u0001\u0008\u001b\u001f后", method, path))
                {
                    yield return p;
                }

                break;
            case "megabyte-text" when json:
                foreach (var p in Strings(sample, new string('长', 350_000), method, path))
                {
                    yield return p; // 350,000 CJK characters: 1 MB of UTF-8
                }

                break;
            case "sql-text" when json:
                foreach (var p in Strings(sample, Sql, method, path))
                {
                    yield return p;
                }

                break;
            case "script-text" when json:
                foreach (var p in Strings(sample, Script, method, path))
                {
                    yield return p;
                }

                break;
            case "wrong-types" when json:
                foreach (var leaf in SampleBodies.Leaves(sample))
                {
                    var isString = Leaf(sample, leaf) is JsonValue v && v.TryGetValue<string>(out _);
                    JsonNode wrong = isString ? JsonValue.Create(12345) : JsonValue.Create("not a number");
                    yield return ($"{Key(leaf)} as {(isString ? "number" : "string")}", method, path, Probe.Json(SampleBodies.With(sample, leaf, wrong)!.ToJsonString()));
                    yield return ($"{Key(leaf)} as object", method, path, Probe.Json(SampleBodies.With(sample, leaf, new JsonObject { ["x"] = 1 })!.ToJsonString()));
                }

                break;
            case "extreme-numbers" when json:
                foreach (var leaf in SampleBodies.Leaves(sample).Where(l => Leaf(sample, l) is JsonValue v && v.TryGetValue<long>(out _)))
                {
                    foreach (var number in new[] { "1e400", "-1", "9223372036854775808", "-9223372036854775809", "0.5" })
                    {
                        var body = SampleBodies.With(sample, leaf, "@@N@@")!.ToJsonString().Replace("\"@@N@@\"", number, StringComparison.Ordinal);
                        yield return ($"{Field(leaf)} = {number}", method, path, Probe.Json(body));
                    }
                }

                break;
            case "hostile-query":
                foreach (var parameter in operation.QueryParameters)
                {
                    foreach (var (name, value) in QueryValues())
                    {
                        yield return ($"?{parameter}= {name}", method, $"{path}?{parameter}={value}", Body(operation, sample));
                    }
                }

                break;
            case "hostile-route":
                var segments = operation.Path.Split('/');
                var resolved = path.Split('/');
                for (var i = 0; i < segments.Length && i < resolved.Length; i++)
                {
                    if (!segments[i].StartsWith('{') || segments[i] == "{township}")
                    {
                        continue;
                    }

                    foreach (var (name, value) in RouteValuesOf())
                    {
                        var changed = (string[])resolved.Clone();
                        changed[i] = value;
                        yield return ($"{segments[i]} = {name}", method, string.Join('/', changed), Body(operation, sample));
                    }
                }

                break;
            case "attachments" when json && sample is JsonObject && SampleBodies.StringFields(sample).Any(f => f[^1].EndsWith("Base64", StringComparison.Ordinal)):
                foreach (var (name, fileName, base64) in HostileFiles.Attachments())
                {
                    var body = sample.DeepClone().AsObject();
                    foreach (var (key, _) in sample.AsObject())
                    {
                        if (key.EndsWith("Base64", StringComparison.Ordinal))
                        {
                            body[key] = base64;
                        }
                        else if (key.Contains("name", StringComparison.OrdinalIgnoreCase))
                        {
                            body[key] = fileName;
                        }
                    }

                    yield return (name, method, path, Probe.Json(body.ToJsonString()));
                }

                break;
            case "imports" when operation.IsImport:
                foreach (var (name, fileName, bytes) in HostileFiles.Imports())
                {
                    yield return (name, method, path, () => Multipart("file", fileName, bytes));
                }

                yield return ("the file under another field name", method, path, () => Multipart("upload", "ledger.xlsx", [1, 2, 3]));
                yield return ("no form at all", method, path, Probe.Json("{}"));
                yield return ("an empty form", method, path, () => new MultipartFormDataContent());
                break;
        }
    }

    private static IEnumerable<(string, string, string, Func<HttpContent?>)> Strings(JsonNode? sample, string value, string method, string path)
    {
        foreach (var field in SampleBodies.StringFields(sample))
        {
            var body = SampleBodies.With(sample, field, value)!.ToJsonString();
            yield return (Field(field), method, path, Probe.Json(body));
        }
    }

    private static Func<HttpContent?> Body(ApiOperation operation, JsonNode? sample) =>
        operation.HasJsonBody ? Probe.Json(sample?.ToJsonString() ?? "{}") : () => null;

    private static IEnumerable<(string, string)> QueryValues() =>
    [
        ("NUL", "a%00b"), ("control characters", "a%01%1Bb"), ("4 KB", new string('q', 4096)), ("-1", "-1"),
        ("beyond long", "99999999999999999999"), ("not a number", "abc"), ("invalid UTF-8", "%FF%FE%C3%28"),
        ("SQL", Uri.EscapeDataString(Sql)), ("script", Uri.EscapeDataString(Script)), ("impossible date", "2026-13-45"),
        ("repeated", "1&x=2"), ("empty", ""),
    ];

    private static IEnumerable<(string, string)> RouteValuesOf() =>
    [
        ("NUL", "a%00b"), ("not an id", "not-an-id"), ("invalid UTF-8", "%FF%FE"), ("10,000 characters", new string('r', 10_000)),
        ("-1", "-1"), ("beyond int", "99999999999"), ("traversal", "..%2F..%2Fadmin"), ("SQL", Uri.EscapeDataString(Sql)),
        ("empty GUID", Guid.Empty.ToString()),
    ];

    private static MultipartFormDataContent Multipart(string field, string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent();
        // The name goes into the header as given (NUL and all), as a hostile client would send it.
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{field}\"; filename=\"{fileName}\"");
        form.Add(file);
        return form;
    }

    private static JsonNode? Leaf(JsonNode? body, string[] path)
    {
        var node = body;
        foreach (var step in path)
        {
            node = node is JsonArray a ? a[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)] : node?[step];
        }

        return node;
    }

    private static string Field(string[] path) => string.Join('.', path);

    /// <summary>The field as a refusal names it: its JSON path without the root (<c>members[2].birthDate</c>).</summary>
    private static string Key(string[] path) =>
        string.Concat(path.Select((step, i) => int.TryParse(step, out _) ? $"[{step}]" : i == 0 ? step : "." + step));

    private static byte[] Replace(byte[] source, byte[] marker, byte[] with)
    {
        var at = source.AsSpan().IndexOf(marker);
        return at < 0 ? source : [.. source[..at], .. with, .. source[(at + marker.Length)..]];
    }
}
