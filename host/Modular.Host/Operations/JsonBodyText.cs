using System.Globalization;
using System.Text;
using System.Text.Json;
using Modular.Kit.Input;

namespace Modular.Host.Operations;

/// <summary>
/// Reads a JSON body once, token by token, before any endpoint binds it, and names by JSON path every string (value or
/// property name) the platform does not take: NUL and the other control characters but tab, line feed and carriage
/// return (<see cref="PlainText"/>), invalid UTF-8 and lone surrogates. PostgreSQL's jsonb refuses U+0000 and XML
/// cannot carry the others, so letting one through means a 500 now or a broken document later.
/// </summary>
internal static class JsonBodyText
{
    private const int MaxProblems = 20;

    /// <summary>What is wrong with the body, by JSON path (<c>$.members[0].name</c>); empty when it may be bound.</summary>
    public static Dictionary<string, string[]> Problems(ReadOnlySpan<byte> json, bool bodyRequired)
    {
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
                        var name = Check(ref reader, path, problems, propertyName: true);
                        path[^1] = path[^1] with { Name = name ?? "?" };
                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        Check(ref reader, path, problems, propertyName: false);
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

    private static string? Check(ref Utf8JsonReader reader, List<Frame> path, Dictionary<string, string[]> problems, bool propertyName)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            problems[Path(path, propertyName ? "?" : null)] = ["文本不是有效的 UTF-8 / The text is not valid UTF-8 (or holds a lone surrogate)."];
            return null;
        }

        if (!PlainText.IsAcceptable(text))
        {
            var bad = text.First(c => !PlainText.IsAcceptable(c.ToString()));
            var where = propertyName ? Path(path, text.Length <= 64 ? PlainText.ForXml(text) : "?") : Path(path);
            problems[where] = [string.Create(CultureInfo.InvariantCulture,
                $"含有不可见的控制字符 U+{(int)bad:X4}（只允许制表符和换行）/ Contains the control character U+{(int)bad:X4}; only tab, line feed and carriage return are allowed.")];
        }

        return text;
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
