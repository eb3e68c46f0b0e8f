using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// The security headers (等保 L2, ASVS), and TLS behind a proxy: on a real socket, with 127.0.0.2 configured as the proxy,
/// so the same host sees both a trusted proxy (connections from 127.0.0.2) and an untrusted client (from 127.0.0.1).
/// </summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.ProxiedPlatform platform, Chromium chromium)
    : IClassFixture<SecurityHeadersTests.ProxiedPlatform>, IClassFixture<Chromium>
{
    public const string Proxy = "127.0.0.2";

    public sealed class ProxiedPlatform() : PlatformFactory(TestPlugins.NotebookRoot, kestrel: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:Proxy:KnownProxies:0", Proxy);
        }
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/api/auth/me")]
    [InlineData("/api/admin/townships")]
    [InlineData("/health/live")]
    public async Task Every_page_file_and_api_answer_carries_the_security_headers(string path)
    {
        using var client = ClientFrom("127.0.0.1");

        var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains(path.StartsWith("/api/", StringComparison.Ordinal) ? "default-src 'none'" : "script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task No_page_not_even_the_api_reference_lets_script_evaluate_strings()
    {
        using var client = ClientFrom("127.0.0.1");
        var failures = new List<string>();
        foreach (var path in new[] { "/signin", "/", "/account/password", "/admin/townships", "/t/nowhere", "/error/429", "/no-such-page", "/api-reference", "/openapi/v1.json", "/css/site.css", "/api/auth/me" })
        {
            var csp = Header(await client.GetAsync(path), "Content-Security-Policy");
            if (csp.Contains("'unsafe-eval'", StringComparison.Ordinal) || csp.Contains("'wasm-unsafe-eval'", StringComparison.Ordinal) || !csp.Contains("script-src 'self'", StringComparison.Ordinal) && !csp.Contains("default-src 'none'", StringComparison.Ordinal))
            {
                failures.Add($"{path}: {csp}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored_cookies_stay_as_they_were_and_no_hsts_is_sent()
    {
        using var client = ClientFrom("127.0.0.1");

        var signedIn = await SignInAsync(client);

        Assert.False(signedIn.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", SessionCookie(signedIn), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_the_configured_tls_proxy_cookies_are_secure_and_hsts_is_sent()
    {
        using var client = ClientFrom(Proxy);

        var signedIn = await SignInAsync(client);
        var page = await client.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        Assert.Contains("secure", SessionCookie(signedIn), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", Header(signedIn, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Contains("upgrade-insecure-requests", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.All(page.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_shell_and_the_api_reference_work_in_chromium_with_no_content_security_policy_violation()
    {
        var page = await chromium.NewPageAsync(platform.ServerAddress);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        // The browser's own report of a violation, whether or not it reaches the console.
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        var slug = await Scenario.CreateTownshipAsync(await platform.AdminClientAsync());
        await Chromium.SignInAsync(page, "admin", PlatformFactory.AdminPassword);
        // A form posted (antiforgery, form-action) under the policy: turning the sample module on.
        await page.GotoAsync("/admin/enablement");
        await page.ClickAsync($"#enablement tr[data-slug='{slug}'] button[data-module='notebook']");
        await Assertions.Expect(page.Locator($"#enablement tr[data-slug='{slug}'] td.on")).ToHaveCountAsync(1);
        await page.GotoAsync("/admin/users");
        await page.SelectOptionAsync("select[name='Grant.UserName']", "admin");
        await page.SelectOptionAsync("select[name='Grant.Township']", slug);
        await page.CheckAsync("input[name='Grant.Roles'][value='notebook.reader']");
        await page.ClickAsync("form:has(select[name='Grant.UserName']) button[type=submit]");
        await Assertions.Expect(page.Locator("tr[data-user='admin']")).ToContainTextAsync("notebook.reader");
        await page.GotoAsync($"/t/{slug}/notebook");
        await Assertions.Expect(page.Locator("#module-title")).ToHaveTextAsync("记事本");
        foreach (var path in new[] { "/admin/townships", "/admin/users", "/admin/modules", $"/t/{slug}", $"/t/{slug}/admin", "/no-such-page" })
        {
            await page.GotoAsync(path);
        }

        // The one page that runs script: the API reference draws the OpenAPI document with its own code.
        await page.GotoAsync("/api-reference");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "/api/auth/logout" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        Assert.Empty(violations);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName = "admin", password = PlatformFactory.AdminPassword }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return await client.SendAsync(request);
    }

    private static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("modular.session=", StringComparison.Ordinal));

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing");

    /// <summary>A client whose connections come from <paramref name="localAddress"/> (any 127.x address is this machine), forwarding https.</summary>
    private HttpClient ClientFrom(string localAddress)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = platform.ServerAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }
}
