using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Modular.Contracts.Portal;

namespace Modular.Host.Portal;

/// <summary>
/// The query keys a public page or endpoint reads, found once per endpoint from what it binds: a page's
/// <c>[SupplyParameterFromQuery]</c> properties, a minimal API handler's <c>[FromQuery]</c> parameters and the simple
/// parameters it takes that are not in its route. Only these vary the public-page cache: any other key in the
/// address (<c>?utm=…</c>, <c>?x=random</c>) cannot change the answer, so it gets no entry of its own. A key marked
/// <see cref="PublicPageKeyAttribute"/> varies by its canonical value (<c>?page=01</c> is <c>?page=1</c>).
/// </summary>
internal static class PublicPageQueryKeys
{
    private static readonly ConcurrentDictionary<Endpoint, QueryKey[]> Known = new();

    public static QueryKey[] Of(Endpoint endpoint) => Known.GetOrAdd(endpoint, Find);

    private static QueryKey[] Find(Endpoint endpoint)
    {
        var keys = new SortedDictionary<string, PublicPageValue>(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component)
        {
            foreach (var property in component.Type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query)
                {
                    keys[query.Name ?? property.Name] = ValueOf(property.GetCustomAttribute<PublicPageKeyAttribute>());
                }
            }
        }

        if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            var routeValues = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            foreach (var parameter in handler.GetParameters())
            {
                if (KeyOf(parameter, routeValues) is { } key)
                {
                    keys[key] = ValueOf(parameter.GetCustomAttribute<PublicPageKeyAttribute>());
                }
            }
        }

        return [.. keys.Select(k => new QueryKey(k.Key, k.Value))];
    }

    private static PublicPageValue ValueOf(PublicPageKeyAttribute? key) => key?.Value ?? PublicPageValue.AsGiven;

    /// <summary>The key a minimal API parameter is bound from the query by, or null (route, body, header, service).</summary>
    private static string? KeyOf(ParameterInfo parameter, HashSet<string> routeValues)
    {
        if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
        {
            return fromQuery.Name ?? parameter.Name;
        }

        var bound = parameter.GetCustomAttributes().Any(a => a is FromRouteAttribute or FromBodyAttribute or FromHeaderAttribute or FromServicesAttribute or FromFormAttribute or FromKeyedServicesAttribute);
        return !bound && parameter.Name is { } name && !routeValues.Contains(name) && IsSimple(parameter.ParameterType) ? name : null;
    }

    /// <summary>What minimal APIs bind from a string: strings, primitives, enums and any type with a static TryParse.</summary>
    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        return underlying == typeof(string) || underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(decimal)
            || underlying.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), underlying.MakeByRefType()]) is not null
            || underlying.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), underlying.MakeByRefType()]) is not null;
    }
}

/// <summary>A query key a public page reads, and what its value means.</summary>
internal sealed record QueryKey(string Name, PublicPageValue Value);
