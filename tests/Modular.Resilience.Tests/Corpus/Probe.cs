using System.Net.Http.Headers;
using System.Text;

namespace Modular.Resilience.Tests.Corpus;

/// <summary>One request of the suite: what it tries, on which operation, as whom.</summary>
internal sealed record Probe(ApiOperation Operation, string Case, string Method, string Path, Func<HttpContent?> Content, HttpClient Client)
{
    /// <summary>When set, a 400 must name this field in its <c>errors</c> (<c>members[2].birthDate</c>).</summary>
    public string? NamesField { get; init; }

    public HttpRequestMessage Request() => new(new HttpMethod(Method), Path) { Content = Content() };

    /// <summary>A JSON body, encoded once when the probe is made: the memory watch then sees the host's allocations, not the client's.</summary>
    public static Func<HttpContent?> Json(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return () => Make(bytes, "application/json");
    }

    public static Func<HttpContent?> Bytes(byte[] bytes, string? contentType) => () => Make(bytes, contentType);

    public override string ToString() => $"{Operation.Name} [{Case}] {Method} {Shorten(Path)}";

    public static string Shorten(string text) => text.Length > 160 ? text[..160] + $"…({text.Length} chars)" : text;

    private static ByteArrayContent Make(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }
}
