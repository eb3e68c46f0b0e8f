using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using Modular.Kit.Input;

namespace Modular.Host.Operations;

/// <summary>
/// How long each string of an endpoint's JSON body may be: <see cref="TextLimits.Long"/>, or what the request type
/// declares with <see cref="LongTextAttribute"/> on a property (found at any depth of the type, by the property's JSON
/// name). Read once per request type.
/// </summary>
internal sealed class RequestTextLimits
{
    private static readonly ConcurrentDictionary<Type, RequestTextLimits> ByType = new();

    private readonly FrozenDictionary<string, int> _declared;

    private RequestTextLimits(FrozenDictionary<string, int> declared) => _declared = declared;

    /// <summary>For a body whose type the gate does not know: every string at most <see cref="TextLimits.Long"/>.</summary>
    public static RequestTextLimits Default { get; } = new(FrozenDictionary<string, int>.Empty);

    public static RequestTextLimits Of(Type? requestType) =>
        requestType is null ? Default : ByType.GetOrAdd(requestType, static t => new RequestTextLimits(Declared(t)));

    /// <summary>The bound of a string value under the property <paramref name="name"/> (null for a bare string body).</summary>
    public int MaxLengthOf(string? name) => name is not null && _declared.TryGetValue(name, out var most) ? most : TextLimits.Long;

    private static FrozenDictionary<string, int> Declared(Type root)
    {
        var declared = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string))
            {
                continue;
            }

            if (type.IsArray)
            {
                pending.Push(type.GetElementType()!);
                continue;
            }

            if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                // A list or dictionary of the module's types: their items; a framework value (DateOnly, Guid): nothing.
                foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
                {
                    pending.Push(argument);
                }

                continue;
            }

            var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).ToLookup(p => p.Name ?? "", StringComparer.Ordinal);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attribute = property.GetCustomAttribute<LongTextAttribute>()
                    ?? parameters[property.Name].Select(p => p.GetCustomAttribute<LongTextAttribute>()).FirstOrDefault(a => a is not null);
                if (attribute is not null)
                {
                    declared[property.Name] = Math.Max(attribute.MaxLength, declared.GetValueOrDefault(property.Name));
                }

                pending.Push(property.PropertyType);
            }
        }

        return declared.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
