using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Modular.Host.Portal;

/// <summary>
/// The query keys a public page or endpoint reads, found once per endpoint from what it binds: a page's
/// <c>[SupplyParameterFromQuery]</c> properties, a minimal API handler's <c>[FromQuery]</c> parameters and the simple
/// parameters it takes that are not in its route. Only these vary the public-page cache: any other key in the
/// address (<c>?utm=…</c>, <c>?x=random</c>) cannot change the answer, so it gets no entry of its own.
/// </summary>
internal static class PublicPageQueryKeys
{
    private static readonly ConcurrentDictionary<Endpoint, string[]> Known = new();

    public static string[] Of(Endpoint endpoint) => Known.GetOrAdd(endpoint, Find);

    private static string[] Find(Endpoint endpoint)
    {
        var keys = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is { } component)
        {
            foreach (var property in component.Type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query)
                {
                    keys.Add(query.Name ?? property.Name);
                }
            }
        }

        if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            var routeValues = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            foreach (var parameter in handler.GetParameters())
            {
                if (QueryKey(parameter, routeValues) is { } key)
                {
                    keys.Add(key);
                }
            }
        }

        return [.. keys];
    }

    /// <summary>The key a minimal API parameter is bound from the query by, or null (route, body, header, service).</summary>
    private static string? QueryKey(ParameterInfo parameter, HashSet<string> routeValues)
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
