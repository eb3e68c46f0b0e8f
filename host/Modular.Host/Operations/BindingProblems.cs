using System.Text.Json;
using System.Text.RegularExpressions;

namespace Modular.Host.Operations;

/// <summary>
/// What a minimal API's binding failed on, named the way an endpoint's own refusals name their fields: a JSON value of
/// the wrong type by its path (<c>$.members[2].birthDate</c> → <c>members[2].birthDate</c>, beside the module's own
/// <c>birthDate</c> messages), a query or route value by its parameter. Binding throws instead of answering an empty
/// 400 (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>), so this is the one place every endpoint's failure goes.
/// </summary>
internal static partial class BindingProblems
{
    /// <summary>The field → message of a failed binding; empty when the failure names no field (a wrong content type).</summary>
    public static Dictionary<string, string[]> Of(Exception exception)
    {
        if ((exception as JsonException ?? exception.InnerException as JsonException) is { } json)
        {
            return new(StringComparer.Ordinal) { [Field(json.Path)] = [Expected(json.Message)] };
        }

        if (exception is BadHttpRequestException && Parameter().Match(exception.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            return new(StringComparer.Ordinal)
            {
                [name] = exception.Message.StartsWith("Required", StringComparison.Ordinal)
                    ? ["必须提供 / Required."]
                    : [$"值无法读取为 {parameter.Groups["type"].Value} / The value cannot be read as {parameter.Groups["type"].Value}."],
            };
        }

        return [];
    }

    /// <summary>The JSON path without its root, as fields are named; the root itself stays <c>$</c> (the whole body).</summary>
    public static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Expected(string message)
    {
        var type = Converted().Match(message) is { Success: true } m ? m.Groups["type"].Value : "";
        return type switch
        {
            _ when type.Contains("System.Int", StringComparison.Ordinal) || type.Contains("System.UInt", StringComparison.Ordinal)
                || type.Contains("System.Decimal", StringComparison.Ordinal) || type.Contains("System.Double", StringComparison.Ordinal)
                || type.Contains("System.Single", StringComparison.Ordinal) || type.Contains("System.Byte", StringComparison.Ordinal)
                => "应为数字（在允许的范围内）/ Must be a number (within range).",
            _ when type.Contains("System.DateOnly", StringComparison.Ordinal) => "应为日期，格式 yyyy-MM-dd / Must be a date, yyyy-MM-dd.",
            _ when type.Contains("System.DateTime", StringComparison.Ordinal) => "应为日期时间（ISO 8601）/ Must be a date and time (ISO 8601).",
            _ when type.Contains("System.TimeOnly", StringComparison.Ordinal) => "应为时间，格式 HH:mm / Must be a time of day, HH:mm.",
            _ when type.Contains("System.Guid", StringComparison.Ordinal) => "应为编号（GUID）/ Must be an id (GUID).",
            _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "应为 true 或 false / Must be true or false.",
            "System.String" => "应为文本 / Must be text.",
            _ when type.Contains("Collections", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "应为列表 / Must be a list.",
            _ => "类型或结构不符 / The value does not have the expected type or shape.",
        };
    }

    [GeneratedRegex(@"converted to (?<type>\S+?)\.? Path", RegexOptions.CultureInvariant)]
    private static partial Regex Converted();

    [GeneratedRegex("parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
