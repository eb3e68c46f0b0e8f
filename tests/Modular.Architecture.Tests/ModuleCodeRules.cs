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

    // Deadlines are the statutory clock's: a plain day count lands on rest days and forgets the make-up workdays.
    private static readonly (string Type, string Method)[] DateArithmetic =
    [
        ("System.DateOnly", "AddDays"), ("System.DateOnly", "AddMonths"), ("System.DateOnly", "AddYears"), ("System.DateOnly", "FromDayNumber"),
        ("System.DateTime", "AddDays"), ("System.DateTime", "AddMonths"), ("System.DateTime", "AddYears"),
        ("System.DateTimeOffset", "AddDays"), ("System.DateTimeOffset", "AddMonths"), ("System.DateTimeOffset", "AddYears"),
    ];

    private const string NotADeadline = "Modular.Kit.Time.NotADeadlineAttribute";
    private const string DemoData = "Modular.Contracts.Extensions.IDemoData";

    /// <summary>
    /// No module counts a statutory or local deadline without the clock: no date moved by plain days, months or years
    /// (or rebuilt from a day number) in module code. Demo data (an IDemoData type) spreads sample records over a year
    /// and is exempt; anything else that is truly no deadline says why with <c>[NotADeadline("…")]</c> on its type or
    /// member, and a mark without a reason is itself reported.
    /// </summary>
    public static IReadOnlyList<Violation> PlainDateArithmetic(string assemblyPath, Func<TypeDefinition, bool>? scope = null)
    {
        using var assembly = Read(assemblyPath);
        var violations = new List<Violation>();
        foreach (var type in TypesOf(assembly, scope))
        {
            violations.AddRange(BlankMarks(type));
            var source = SourceType(type);
            if (Enclosing(source).Any(t => Implements(t, DemoData) || Mark(t) is not null))
            {
                continue;
            }

            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                var calls = method.Body.Instructions
                    .Where(i => i.OpCode.FlowControl == FlowControl.Call && i.Operand is MethodReference called
                        && DateArithmetic.Contains((called.DeclaringType.FullName, called.Name)))
                    .Select(i => (MethodReference)i.Operand)
                    .ToList();
                if (calls.Count == 0 || MemberMark(source, UserMethodName(type, method)) is not null)
                {
                    continue;
                }

                violations.AddRange(calls.Select(c => new Violation($"{Source(type)}::{UserMethodName(type, method)}", $"{c.DeclaringType.FullName}.{c.Name}",
                    "a deadline goes through IStatutoryClock.Deadline (a local period too, as a StatutoryPeriod setting); what is no deadline says why with [NotADeadline(\"…\")]")));
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
    private static string Source(TypeDefinition type) => SourceType(type).FullName.Replace('/', '+');

    private static TypeDefinition SourceType(TypeDefinition type)
    {
        while (type.DeclaringType is { } outer && IsCompilerGenerated(type))
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<TypeDefinition> Enclosing(TypeDefinition type)
    {
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            yield return current;
        }
    }

    /// <summary>
    /// The method of the source a compiler-generated method belongs to: <c>&lt;Name&gt;b__0_0</c> (a lambda),
    /// <c>&lt;Name&gt;g__Local|0_0</c> (a local function), or MoveNext of <c>&lt;Name&gt;d__3</c> (an async method).
    /// </summary>
    private static string UserMethodName(TypeDefinition type, MethodDefinition method)
    {
        if (Bracketed(method.Name) is { Length: > 0 } fromMethod)
        {
            return fromMethod;
        }

        for (var current = type; current.DeclaringType is not null && IsCompilerGenerated(current); current = current.DeclaringType)
        {
            if (Bracketed(current.Name) is { Length: > 0 } fromType)
            {
                return fromType;
            }
        }

        return method.Name;
    }

    private static string? Bracketed(string name) =>
        name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is > 0 and var end ? name[1..end] : null;

    private static CustomAttribute? Mark(ICustomAttributeProvider member) =>
        member.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == NotADeadline);

    /// <summary>The mark on the named method of the source type, or on the property whose accessor it is.</summary>
    private static CustomAttribute? MemberMark(TypeDefinition source, string methodName) =>
        source.Methods.Where(m => m.Name == methodName).Select(Mark).FirstOrDefault(a => a is not null)
        ?? source.Properties.Where(p => p.GetMethod?.Name == methodName || p.SetMethod?.Name == methodName).Select(Mark).FirstOrDefault(a => a is not null);

    private static IEnumerable<Violation> BlankMarks(TypeDefinition type) =>
        new ICustomAttributeProvider[] { type }.Concat(type.Methods).Concat(type.Properties)
            .Select(member => (member, mark: Mark(member)))
            .Where(m => m.mark is not null && string.IsNullOrWhiteSpace(m.mark.ConstructorArguments.FirstOrDefault().Value as string))
            .Select(m => new Violation($"{Source(type)}{(m.member is IMemberDefinition { } d && !ReferenceEquals(d, type) ? "::" + d.Name : "")}", "[NotADeadline] without a reason",
                "a NotADeadline mark says why plain date arithmetic is right there"));

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
