using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Modular.Benchmarks.OpenGovernment;

/// <summary>One signed-in user of the host's API, with its own session cookie (thread-safe: the seeding workers share it).</summary>
internal sealed class Api : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly CookieContainer _cookies;
    private readonly HttpClient _client;
    private readonly Uri _host;

    private Api(Uri host, CookieContainer? cookies = null)
    {
        _host = host;
        _cookies = cookies ?? new CookieContainer();
        _client = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = 32 })
        {
            BaseAddress = host,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public string CookieHeader => _cookies.GetCookieHeader(_host);

    public static async Task<Api> SignInAsync(Uri host, string userName, string password)
    {
        var api = new Api(host);
        await api.SendAsync(HttpMethod.Post, "/api/auth/login", new { userName, password }, HttpStatusCode.NoContent);
        return api;
    }

    /// <summary>The same signed-in user on another host of the same database (cookies belong to an address, not a port).</summary>
    public Api On(Uri host) => new(host, _cookies);

    public Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK) => SendAsync(HttpMethod.Post, path, body, expected);

    public Task<JsonElement> PutAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK) => SendAsync(HttpMethod.Put, path, body, expected);

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            var shown = text.Length > 2000 ? text[..2000] + "…" : text;
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {shown}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _client.Dispose();
}
