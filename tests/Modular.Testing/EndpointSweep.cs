using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Plugins;

namespace Modular.Testing;

/// <summary>An endpoint of the running host that binds a JSON body, with an address that reaches it in one township.</summary>
public sealed record JsonEndpoint(string Method, string Pattern)
{
    public string Address(string township) => EndpointSweep.Address(Pattern, township);

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every endpoint a host serves, read from its endpoint data source, so a test covers an endpoint added tomorrow without
/// naming it; and a principal who may call all of them (platform admin and every role of every installed module).
/// </summary>
public static class EndpointSweep
{
    public static IReadOnlyList<JsonEndpoint> JsonBodyEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: not null } accepts
                && accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase)))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["POST"]).Select(m => new JsonEndpoint(m, e.RoutePattern.RawText ?? "")))
            .Where(e => e.Method is not ("GET" or "HEAD"))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ToList();

    /// <summary>The pattern with its parameters filled: the township, a fresh GUID, a number, or a word.</summary>
    public static string Address(string pattern, string township)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        var segments = parsed.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { Name: "township" } => township,
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") => "2026",
            _ => "x",
        })));
        return "/" + string.Join("/", segments);
    }

    /// <summary>A signed-in platform admin who also holds every role of every installed module in <paramref name="township"/>.</summary>
    public static async Task<HttpClient> EverythingClientAsync(PlatformFactory platform, HttpClient admin, string township)
    {
        var roles = platform.Services.GetRequiredService<ModuleCatalog>().Modules.SelectMany(m => m.Module.Manifest.Roles).Distinct().ToArray();
        var userName = Scenario.UniqueSlug("u");
        var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = "全部角色", password = Scenario.Password, isPlatformAdmin = true });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var granted = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/grants", new { grants = new Dictionary<string, string[]> { [township] = [.. roles, .. Modular.Contracts.Modules.PlatformRoles.TownshipRoles] } });
        Assert.Equal(System.Net.HttpStatusCode.OK, granted.StatusCode);
        return await platform.SignedInClientAsync(userName, Scenario.Password);
    }

    /// <summary>
    /// Sends <paramref name="body"/> as JSON to each endpoint; answers a line for each that did not refuse it with 400
    /// problem details naming <paramref name="errorKey"/> in <c>errors</c>.
    /// </summary>
    public static async Task<List<string>> NotRefusedAsync(HttpClient client, IEnumerable<JsonEndpoint> endpoints, string township, string body, string errorKey)
    {
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Address(township))
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var named = response.StatusCode == System.Net.HttpStatusCode.BadRequest
                && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && System.Text.Json.JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var errors)
                && errors.TryGetProperty(errorKey, out _);
            if (!named)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{endpoint} with «{body}»: {(int)response.StatusCode} {text}"));
            }
        }

        return failures;
    }
}
