using System.Text;
using Modular.Host.Operations;
using Modular.Kit.Input;

namespace Modular.Host.UnitTests.Operations;

/// <summary>
/// The request gate's length bound: every JSON string at most <see cref="TextLimits.Long"/> characters unless the request
/// type's property declares more with <see cref="LongTextAttribute"/>, found at any depth, refused with the field's JSON path.
/// </summary>
public sealed class JsonBodyTextLimitsTests
{
    private sealed record Attachment(string? FileName, [property: LongText(TextLimits.FileContent)] string? ContentBase64);

    private sealed record Draft(string? Title, [property: LongText(TextLimits.RichText)] string? BodyHtml, IReadOnlyList<Attachment>? Files, Dictionary<string, string>? Parts);

    private sealed class Inherited : DraftBase;

    private class DraftBase
    {
        [LongText(50_000)]
        public string? Record { get; set; }
    }

    [Fact]
    public void A_string_longer_than_the_long_bound_is_refused_by_its_json_path_and_one_at_the_bound_passes()
    {
        var limits = RequestTextLimits.Of(typeof(Draft));

        Assert.Empty(Problems($"{{\"title\":\"{new string('长', TextLimits.Long)}\"}}", limits));
        var problems = Problems($"{{\"title\":\"{new string('长', TextLimits.Long + 1)}\"}}", limits);

        var message = Assert.Single(Assert.Contains("$.title", problems));
        Assert.Contains($"最多{TextLimits.Long}字", message);
        Assert.Contains($"{TextLimits.Long + 1}", message);
    }

    [Fact]
    public void A_declared_property_takes_its_own_bound_at_any_depth_and_the_others_keep_the_long_one()
    {
        var limits = RequestTextLimits.Of(typeof(Draft));
        var megabyte = new string('长', 350_000);

        Assert.Empty(Problems($"{{\"bodyHtml\":\"{megabyte}\",\"files\":[{{\"fileName\":\"a.pdf\",\"contentBase64\":\"{new string('A', 2_000_000)}\"}}]}}", limits));
        Assert.Contains("$.bodyHtml", Problems($"{{\"bodyHtml\":\"{new string('长', TextLimits.RichText + 1)}\"}}", limits).Keys);
        Assert.Contains("$.files[0].fileName", Problems($"{{\"files\":[{{\"fileName\":\"{megabyte}\"}}]}}", limits).Keys);
        Assert.Contains("$.parts.opinion", Problems($"{{\"parts\":{{\"opinion\":\"{megabyte}\"}}}}", limits).Keys);
        Assert.Equal(50_000, RequestTextLimits.Of(typeof(Inherited)).MaxLengthOf("record"));
    }

    [Fact]
    public void A_body_of_a_type_the_gate_does_not_know_holds_every_string_to_the_long_bound_and_escapes_count_as_characters()
    {
        var escaped = string.Concat(Enumerable.Repeat("\\u957f", TextLimits.Long));

        Assert.Empty(Problems($"{{\"text\":\"{escaped}\"}}", RequestTextLimits.Default));
        Assert.Contains("$.text", Problems($"{{\"text\":\"{escaped}x\"}}", RequestTextLimits.Default).Keys);
        Assert.Contains("$[0]", Problems($"[\"{new string('a', TextLimits.Long + 1)}\"]", RequestTextLimits.Default).Keys);
    }

    [Fact]
    public void Control_characters_and_invalid_utf8_are_still_named_in_long_and_short_strings()
    {
        Assert.Contains("U+0001", Assert.Single(Problems($"{{\"a\":\"{new string('x', 5000)}\\u0001\"}}", RequestTextLimits.Default)["$.a"]));
        Assert.Contains("U+007F", Assert.Single(Problems("{\"a\":\"x\u007F\"}", RequestTextLimits.Default)["$.a"]));
        var invalid = Encoding.UTF8.GetBytes("{\"a\":\"__\"}").Select(b => b == (byte)'_' ? (byte)0xFF : b).ToArray();
        Assert.Contains("UTF-8", Assert.Single(JsonBodyText.Problems(invalid, bodyRequired: true)["$.a"]));
    }

    private static Dictionary<string, string[]> Problems(string json, RequestTextLimits limits) =>
        JsonBodyText.Problems(Encoding.UTF8.GetBytes(json), bodyRequired: true, limits);
}
