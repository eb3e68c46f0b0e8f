using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Modular.Testing;

/// <summary>
/// The real host, started as <c>Program</c> starts it, on its own database of the test cluster, with the plugins path
/// the test chooses. Settings go through <c>UseSetting</c> so <c>Program</c> sees them before it builds.
/// </summary>
public class PlatformFactory(string pluginsPath, bool kestrel = false, string? database = null, bool demo = false) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "Admin-Passw0rd";

    private string _connectionString = "";

    /// <summary>This host's own log folder: hosts of one test run never share a log file.</summary>
    public string LogsPath { get; } = Path.Combine(Path.GetTempPath(), $"modular-test-logs-{Environment.ProcessId}", Guid.NewGuid().ToString("N"));

    public TestClock Clock { get; } = new();

    /// <summary>The key that encrypts the data-protection key ring at rest; hosts sharing a database share it to read each other's cookies.</summary>
    public string KeyEncryptionKey { get; init; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public string ConnectionString => _connectionString;

    /// <summary>The server's address when it runs on Kestrel (for the browser).</summary>
    public Uri ServerAddress => new(ClientOptions.BaseAddress.ToString());

    public async Task InitializeAsync()
    {
        _connectionString = database ?? await TestDatabase.CreateDatabaseAsync(GetType().Name.ToLowerInvariant());
        if (kestrel)
        {
            UseKestrel(0);
            StartServer();
        }
        else
        {
            _ = Server;
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Modular", _connectionString);
        builder.UseSetting("Modular:PluginsPath", pluginsPath);
        builder.UseSetting("Modular:Demo", demo ? "true" : "false");
        builder.UseSetting("Modular:Admin:Password", AdminPassword);
        builder.UseSetting("Modular:LogsPath", LogsPath);
        builder.UseSetting("Modular:DataProtection:KeyEncryptionKey", KeyEncryptionKey);
        // Off in test hosts unless a test is about it: every meter provider in a process listens to every host's meters
        // of the same name, so many hosts side by side would report (and lose, as their meters go) each other's series.
        builder.UseSetting("Modular:Telemetry:Enabled", "false");
        // Every test client comes from one address and signs in as often as it likes; the limits' own tests lower them again.
        builder.UseSetting("Modular:Security:SignInsPerAccountPerMinute", "100000");
        builder.UseSetting("Modular:Security:SignInsPerAddressPerMinute", "100000");
        builder.UseSetting("Modular:Security:AnonymousWritesPerAddressPerMinute", "100000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client with its own cookie jar, signed in as <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    public Task<HttpClient> AdminClientAsync() => SignedInClientAsync("admin", AdminPassword);

    /// <summary>Signs in and returns the cookies as a <c>Cookie</c> header, to send to this host or another sharing its database and key.</summary>
    public async Task<string> SessionCookieAsync(string userName = "admin", string password = AdminPassword)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>One request carrying <paramref name="cookie"/> (from <see cref="SessionCookieAsync"/>, perhaps of another host).</summary>
    public async Task<HttpResponseMessage> SendWithCookieAsync(HttpMethod method, string path, string cookie)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>The usual arrangement: a new township with <paramref name="modules"/> enabled and a signed-in user holding <paramref name="roles"/> there.</summary>
    public async Task<(HttpClient Admin, string Slug, HttpClient User)> TownshipWithUserAsync(string[] modules, params string[] roles)
    {
        var admin = await AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, modules);
        var user = await SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, roles), Scenario.Password);
        return (admin, slug, user);
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
}
