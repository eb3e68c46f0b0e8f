using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Modular.Kit.Input;

namespace Modular.Host.Operations;

/// <summary>
/// Reads a JSON body once, token by token, before any endpoint binds it, and names by JSON path every string (value or
/// property name) the platform does not take: NUL and the other control characters but tab, line feed and carriage
/// return (<see cref="PlainText"/>), invalid UTF-8 and lone surrogates. PostgreSQL's jsonb refuses U+0000 and XML
/// cannot carry the others, so letting one through means a 500 now or a broken document later. Every string value is
/// also held to its length bound (<see cref="RequestTextLimits"/>: <see cref="TextLimits.Long"/> unless the request
/// type's property declares <see cref="LongTextAttribute"/>).
/// </summary>
internal static class JsonBodyText
{
    private const int MaxProblems = 20;

    /// <summary>No request type has a property name this long; a longer one is refused rather than carried into the path.</summary>
    private const int MaxNameLength = 256;

    /// <summary>What is wrong with the body, by JSON path (<c>$.members[0].name</c>); empty when it may be bound.</summary>
    public static Dictionary<string, string[]> Problems(ReadOnlySpan<byte> json, bool bodyRequired, RequestTextLimits? limits = null)
    {
        limits ??= RequestTextLimits.Default;
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var path = new List<Frame>();
        try
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
            {
                if (bodyRequired)
                {
                    problems["$"] = ["请求正文不能为空，应为 JSON 对象 / The request needs a JSON body; it is empty or null."];
                }

                return problems;
            }

            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        Advance(path);
                        path.Add(new Frame(IsArray: false));
                        break;
                    case JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(new Frame(IsArray: true));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        path[^1] = path[^1] with { Name = null };
                        var name = Check(ref reader, path, problems, propertyName: true, limits);
                        path[^1] = path[^1] with { Name = name ?? "?" };
                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        Check(ref reader, path, problems, propertyName: false, limits);
                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
            while (problems.Count < MaxProblems && reader.Read());
        }
        catch (JsonException malformed)
        {
            problems[Path(path)] = [string.Create(CultureInfo.InvariantCulture,
                $"JSON 格式有误（第{malformed.LineNumber + 1}行第{malformed.BytePositionInLine + 1}字节）/ The body is not valid JSON (line {malformed.LineNumber + 1}, byte {malformed.BytePositionInLine + 1}).")];
        }

        return problems;
    }

    private static string? Check(ref Utf8JsonReader reader, List<Frame> path, Dictionary<string, string[]> problems, bool propertyName, RequestTextLimits limits)
    {
        // The text is copied into a pooled buffer, never made a string (but a property's name, which the path needs):
        // a megabyte in a field costs no garbage here, and is refused before binding would copy it again.
        var bytes = reader.ValueSpan.Length;
        var rented = bytes > 256 ? ArrayPool<char>.Shared.Rent(bytes) : null;
        Span<char> buffer = rented is not null ? rented : stackalloc char[256];
        try
        {
            int length;
            try
            {
                length = reader.CopyString(buffer);
            }
            catch (InvalidOperationException)
            {
                problems[Path(path, propertyName ? "?" : null)] = ["文本不是有效的 UTF-8 / The text is not valid UTF-8 (or holds a lone surrogate)."];
                return null;
            }

            var text = buffer[..length];
            var name = propertyName ? new string(text.Length <= MaxNameLength ? text : text[..MaxNameLength]) : null;
            var bad = PlainText.FirstRefused(text);
            if (bad >= 0)
            {
                var where = propertyName ? Path(path, text.Length <= 64 ? PlainText.ForXml(name) : "?") : Path(path);
                problems[where] = [string.Create(CultureInfo.InvariantCulture,
                    $"含有不可见的控制字符 U+{(int)text[bad]:X4}（只允许制表符和换行）/ Contains the control character U+{(int)text[bad]:X4}; only tab, line feed and carriage return are allowed.")];
            }
            else if (!propertyName && limits.MaxLengthOf(NameOf(path)) is var most && length > most)
            {
                problems[Path(path)] = [string.Create(CultureInfo.InvariantCulture,
                    $"过长：最多{most}字，现有{length}字 / Too long: at most {most} characters, {length} given.")];
            }
            else if (propertyName && length > MaxNameLength)
            {
                problems[Path(path, "?")] = [string.Create(CultureInfo.InvariantCulture, $"属性名过长 / A property name is longer than {MaxNameLength} characters.")];
            }

            return name;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The name of the property a string value belongs to: its own, or the array's it is an item of.</summary>
    private static string? NameOf(List<Frame> path)
    {
        for (var i = path.Count - 1; i >= 0; i--)
        {
            if (!path[i].IsArray)
            {
                return path[i].Name;
            }
        }

        return null;
    }

    private static void Advance(List<Frame> path)
    {
        if (path.Count > 0 && path[^1].IsArray)
        {
            path[^1] = path[^1] with { Index = path[^1].Index + 1 };
        }
    }

    private static string Path(List<Frame> path, string? extra = null)
    {
        var builder = new StringBuilder("$");
        foreach (var frame in path)
        {
            if (frame.IsArray)
            {
                builder.Append('[').Append(Math.Max(frame.Index, 0).ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else if (frame.Name is { } name)
            {
                builder.Append('.').Append(name);
            }
        }

        if (extra is not null)
        {
            builder.Append('.').Append(extra);
        }

        return builder.ToString();
    }

    private sealed record Frame(bool IsArray, string? Name = null, int Index = -1);
}
