using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Identity;
using Modular.Testing;

namespace Modular.Host.Tests.Infrastructure;

/// <summary>
/// A host of its own for the sign-in and session tests, with no plugins: the tests move its clock, lower its limits,
/// and give each request a client address of their choosing (<see cref="AddressHeader"/>), as a trusted proxy would.
/// </summary>
public class SecurityPlatform(params (string Key, string Value)[] settings) : PlatformFactory(NoPlugins())
{
    public const string AddressHeader = "X-Test-Client-Address";

    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPasswordHasher<UserAccount>>(Hasher);
            services.AddSingleton<IStartupFilter, AddressFromHeader>();
        });
    }

    /// <summary>A client that never follows redirects nor keeps cookies, calling from <paramref name="address"/>.</summary>
    public HttpClient From(string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    /// <summary>A client with a cookie jar, signed in from <paramref name="address"/>.</summary>
    public async Task<HttpClient> SignedInFromAsync(string userName, string password, string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        var response = await client.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { userName, password }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    private static string NoPlugins()
    {
        var root = Path.Combine(Path.GetTempPath(), $"modular-no-plugins-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        return root;
    }

    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, inner) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                return inner(http);
            });
            next(app);
        };
    }
}

/// <summary>The real hasher, counting the verifications: proof that an unknown name costs a hash like a known one.</summary>
public sealed class CountingHasher : IPasswordHasher<UserAccount>
{
    private readonly PasswordHasher<UserAccount> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(UserAccount user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
