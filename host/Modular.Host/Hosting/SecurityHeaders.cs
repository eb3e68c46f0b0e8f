using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Modular.Host.Hosting;

/// <summary>The reverse proxies the host trusts, under <c>Modular:Proxy</c>. None configured: forwarded headers are ignored.</summary>
internal sealed class ProxyOptions
{
    public const string Section = "Modular:Proxy";

    /// <summary>Addresses of the proxies (e.g. <c>127.0.0.1</c> for nginx on the same machine).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies, in CIDR notation (e.g. <c>10.20.0.0/24</c> for a pool of load balancers).</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// The headers 等保 L2 and OWASP ASVS ask of every answer (CSP, nosniff, Referrer-Policy, Permissions-Policy,
/// framing refused; HSTS over TLS), the forwarded headers of a configured proxy, and Secure cookies behind TLS. Set
/// when the response starts, so error pages and answers written after an exception carry them too.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "modular.csp-nonce";

    // Pages are static server-rendered forms: no script of ours runs, so scripts come from this site only. Published rich
    // text may show images from other https sites (the sanitiser lets no plain-http image through).
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'{0}; style-src 'self'; img-src 'self' https:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference (Scalar), a developer's page showing nothing but our OpenAPI document, styles itself inline; its
    // script elements need this response's nonce. It runs without eval (Chromium reports no violation drawing the
    // whole document), so no page of the platform allows it.
    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self'{0}; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // JSON, files and problem details are never a document that runs anything.
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            Write(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// The nonce of this response's inline scripts, for a page that cannot move its script to a file (the API
    /// reference). Asking for it puts it into this response's policy.
    /// </summary>
    public static string ScriptNonce(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            context.Items[NonceKey] = nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        }

        return nonce;
    }

    private static void Write(HttpContext context)
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        var nonce = context.Items[NonceKey] is string n ? $" 'nonce-{n}'" : "";
        var policy = path.StartsWithSegments("/api") ? ApiPolicy
            : path.StartsWithSegments("/api-reference") || path.StartsWithSegments("/scalar") ? string.Format(System.Globalization.CultureInfo.InvariantCulture, ApiReferencePolicy, nonce)
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, PagePolicy, nonce);
        headers.ContentSecurityPolicy = context.Request.IsHttps ? policy + "; upgrade-insecure-requests" : policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // Addresses of records (ids in the path) never leave for another site.
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.Request.IsHttps)
        {
            // Only over TLS (directly or from a trusted proxy): over plain http a browser ignores it anyway (RFC 6797 §8.1).
            headers.StrictTransportSecurity = "max-age=31536000";
        }
    }
}

internal static class SecurityHeadersPipeline
{
    /// <summary>
    /// First in the pipeline: the client's address and scheme (from a trusted proxy) must be right before anything logs,
    /// limits or signs in by them.
    /// </summary>
    public static void UseSecurityHeaders(this WebApplication app)
    {
        var proxy = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (proxy.KnownProxies.Length > 0 || proxy.KnownNetworks.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            // ASP.NET Core trusts loopback by default; the platform trusts exactly what the admin configured.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(address.Trim(), out var ip) ? ip
                    : throw new InvalidOperationException($"Modular:Proxy:KnownProxies 中的 {address} 不是IP地址 / {address} in Modular:Proxy:KnownProxies is not an IP address."));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var net) ? net
                    : throw new InvalidOperationException($"Modular:Proxy:KnownNetworks 中的 {network} 不是CIDR网段 / {network} in Modular:Proxy:KnownNetworks is not a CIDR network."));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<SecurityHeaders>();
        // Every cookie (session, antiforgery, language) is Secure when the request came over TLS.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest, HttpOnly = HttpOnlyPolicy.None });
    }
}
