using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Modular.Contracts.Modules;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Modular.Architecture.Tests;

/// <summary>
/// The code rules of the root README and the kit's README, read from a built module assembly with Mono.Cecil: the IL
/// is what runs, whatever the source looked like (a lambda, an async method and a Razor page all end up here).
/// </summary>
/// <remarks>
/// <paramref name="scope"/> limits a check to some types: the negative cases point the rules at a sample namespace of
/// this test assembly, which is compiled by the same compiler as the modules.
/// </remarks>
internal static class ModuleCodeRules
{
    // Time is the host's: TimeProvider for instants, IStatutoryClock for deadlines, Modular.Kit.TownshipTime for the
    // township's day (with the UTC+8 fallback where the machine has no tzdata).
    private static readonly (string Type, string Method, string Instead)[] ForbiddenMethods =
    [
        ("System.DateTime", "get_Now", "TimeProvider"),
        ("System.DateTime", "get_UtcNow", "TimeProvider"),
        ("System.DateTime", "get_Today", "Modular.Kit.TownshipTime.Today(TimeProvider)"),
        ("System.DateTimeOffset", "get_Now", "TimeProvider"),
        ("System.DateTimeOffset", "get_UtcNow", "TimeProvider"),
        ("System.TimeZoneInfo", "FindSystemTimeZoneById", "Modular.Kit.TownshipTime"),
        ("System.TimeZoneInfo", "TryFindSystemTimeZoneById", "Modular.Kit.TownshipTime"),
    ];

    /// <summary>No module code reads the machine's clock or time zones itself.</summary>
    public static IReadOnlyList<Violation> ForbiddenCalls(string assemblyPath, Func<TypeDefinition, bool>? scope = null)
    {
        using var assembly = Read(assemblyPath);
        var violations = new List<Violation>();
        foreach (var type in TypesOf(assembly, scope))
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.OpCode.FlowControl == FlowControl.Call && instruction.Operand is MethodReference called
                        && ForbiddenMethods.FirstOrDefault(f => f.Type == called.DeclaringType.FullName && f.Method == called.Name) is { Type: not null } forbidden)
                    {
                        violations.Add(new($"{Source(type)}::{method.Name}", $"{forbidden.Type}.{Property(forbidden.Method)}",
                            $"module code never reads the machine's clock or time zones: use {forbidden.Instead}"));
                    }
                }
            }
        }

        return violations.Distinct().ToList();
    }

    /// <summary>A module refuses input with the kit's InputRejectedException and defines no exception type of its own.</summary>
    public static IReadOnlyList<Violation> OwnExceptions(string assemblyPath, Func<TypeDefinition, bool>? scope = null)
    {
        using var assembly = Read(assemblyPath);
        return TypesOf(assembly, scope)
            .Where(t => BaseTypes(t).Any(b => b.FullName == "System.Exception"))
            .Select(t => new Violation(Source(t), BaseTypes(t).First().FullName,
                "a module defines no exception type: refuse input with Modular.Kit.Input.InputRejectedException"))
            .ToList();
    }

    /// <summary>
    /// A module's one public type is its IModule class. Razor components are exempt: the router finds routable pages
    /// only among public types, so a page (anything deriving from ComponentBase) must be public. Generated types are
    /// exempt too, as their author is the compiler: closures and state machines, and the <c>_Imports</c> class the Razor
    /// compiler makes of every <c>_Imports.razor</c> (public, never instantiated).
    /// </summary>
    public static IReadOnlyList<Violation> PublicTypes(string assemblyPath, Func<TypeDefinition, bool>? scope = null)
    {
        using var assembly = Read(assemblyPath);
        return TypesOf(assembly, scope)
            .Where(IsVisibleOutside)
            .Where(t => !IsCompilerGenerated(t) && t.Name != "_Imports")
            .Where(t => !Implements(t, typeof(IModule).FullName!))
            .Where(t => !BaseTypes(t).Any(b => b.FullName == typeof(ComponentBase).FullName))
            .Select(t => new Violation(Source(t), "public",
                "a module's only public type is its IModule class (Razor components excepted): make it internal"))
            .ToList();
    }

    private static AssemblyDefinition Read(string path)
    {
        var resolver = new DefaultAssemblyResolver();
        // Base types live in the plugin's folder, in what the host provides (this test's folder holds the same
        // contracts, kit and Marten) and in the shared frameworks.
        foreach (var dir in new[]
                 {
                     Path.GetDirectoryName(Path.GetFullPath(path))!, AppContext.BaseDirectory,
                     Path.GetDirectoryName(typeof(object).Assembly.Location)!,
                     Path.GetDirectoryName(typeof(ComponentBase).Assembly.Location)!,
                 })
        {
            resolver.AddSearchDirectory(dir);
        }

        return AssemblyDefinition.ReadAssembly(path, new ReaderParameters { AssemblyResolver = resolver });
    }

    private static IEnumerable<TypeDefinition> TypesOf(AssemblyDefinition assembly, Func<TypeDefinition, bool>? scope) =>
        assembly.MainModule.GetTypes().Where(t => t.Name != "<Module>" && (scope is null || scope(Outermost(t))));

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    /// <summary>The type a reader of the source would look for: a lambda's or an async method's class is its declaring type's.</summary>
    private static string Source(TypeDefinition type)
    {
        while (type.DeclaringType is { } outer && IsCompilerGenerated(type))
        {
            type = outer;
        }

        return type.FullName.Replace('/', '+');
    }

    private static string Property(string method) => method.StartsWith("get_", StringComparison.Ordinal) ? method[4..] : method;

    private static bool IsVisibleOutside(TypeDefinition type) =>
        type.IsPublic || (type.IsNestedPublic && IsVisibleOutside(type.DeclaringType));

    private static bool IsCompilerGenerated(TypeDefinition type) =>
        type.CustomAttributes.Any(a => a.AttributeType.FullName == typeof(CompilerGeneratedAttribute).FullName)
        || type.Name.StartsWith('<');

    private static IEnumerable<TypeDefinition> BaseTypes(TypeDefinition type)
    {
        for (var current = type.BaseType?.Resolve(); current is not null; current = current.BaseType?.Resolve())
        {
            yield return current;
        }
    }

    private static bool Implements(TypeDefinition type, string interfaceName) =>
        new[] { type }.Concat(BaseTypes(type)).Any(t => t.Interfaces.Any(i => i.InterfaceType.FullName == interfaceName));
}
