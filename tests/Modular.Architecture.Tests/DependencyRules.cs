namespace Modular.Architecture.Tests;

/// <param name="Subject">The project or assembly that breaks the rule.</param>
/// <param name="Offender">What it must not depend on (a repository-relative project path or an assembly name).</param>
internal sealed record Violation(string Subject, string Offender, string Reason)
{
    public override string ToString() => $"{Subject} -> {Offender}: {Reason}";
}

/// <summary>
/// The dependency rules of the root README ("Writing a module", "The rule"), each a function from a repository root (or an assembly file) to the list of
/// violations, so that the same code checks the real repository and the deliberately broken ones in the negative tests.
/// </summary>
internal static class DependencyRules
{
    public const string ContractsProject = "contracts/Modular.Contracts/Modular.Contracts.csproj";
    public const string KitProject = "contracts/Modular.Kit/Modular.Kit.csproj";
    public const string HostProject = "host/Modular.Host/Modular.Host.csproj";

    // What the host provides to every plugin: a module compiles against these and never ships a copy.
    private static readonly string[] ProvidedProjects = [ContractsProject, KitProject];
    private static readonly string[] ProvidedAssemblies = ["Modular.Contracts", "Modular.Kit"];
    public static readonly string[] PluginFolders = ["artifacts/plugins", "artifacts/test-plugins"];

    // Test plugins are modules too as far as isolation goes: a module referencing one would be as broken.
    private static readonly string[] ModuleAssemblyPrefixes = ["Modular.Modules.", "Modular.Samples."];

    private static readonly string[] SkippedFolders = ["bin", "obj", "artifacts", "node_modules"];

    /// <summary>A module project references contracts, the kit and projects inside its own module folder, nothing else of ours.</summary>
    public static IReadOnlyList<Violation> ModuleProjects(string repoRoot)
    {
        var violations = new List<Violation>();
        foreach (var project in Projects(repoRoot, "modules").Where(p => !p.IsTestProject))
        {
            var ownFolder = ModuleFolder(repoRoot, project.Path);
            var provided = ProvidedProjects.Select(p => Path.GetFullPath(Path.Combine(repoRoot, p))).ToList();
            foreach (var reference in project.ProjectReferences(repoRoot))
            {
                if (reference.FullPath is null)
                {
                    violations.Add(Unresolved(repoRoot, project, reference));
                }
                else if (!provided.Contains(reference.FullPath) && !IsUnder(reference.FullPath, ownFolder))
                {
                    violations.Add(new(Relative(repoRoot, project.Path), Relative(repoRoot, reference.FullPath),
                        "a module may reference only Modular.Contracts, Modular.Kit and projects in its own module folder"));
                }
            }

            violations.AddRange(project.AssemblyReferences
                .Where(name => IsHost(name) || IsModule(name))
                .Select(name => new Violation(Relative(repoRoot, project.Path), name, "a module may not reference the host or another module")));
        }

        return violations;
    }

    /// <summary>Every installed plugin's assembly references neither the host nor another module; having none installed is itself a failure.</summary>
    public static IReadOnlyList<Violation> PluginAssemblies(string repoRoot)
    {
        var violations = new List<Violation>();
        var found = 0;
        foreach (var folder in InstalledPluginFolders(repoRoot))
        {
            var name = Path.GetFileName(folder);
            var path = Path.Combine(folder, name + ".dll");
            if (!File.Exists(path))
            {
                violations.Add(new(Relative(repoRoot, folder), name + ".dll", "a plugin folder must hold the assembly it is named after"));
                continue;
            }

            found++;
            var assembly = AssemblyFile.Read(path);
            violations.AddRange(assembly.References
                .Where(r => IsHost(r) || (IsModule(r) && r != assembly.Name))
                .Select(r => new Violation(assembly.Name, r, "a module may not reference the host or another module")));
        }

        if (found == 0)
        {
            violations.Add(new(string.Join(", ", PluginFolders), "(no plugin assembly)",
                "nothing was checked: build Modular.sln first; the test plugins (Modular.Modules.Notebook, ...) are always built"));
        }

        return violations;
    }

    /// <summary>Contracts are what everyone else depends on, so they depend on no project of ours.</summary>
    public static IReadOnlyList<Violation> ContractsProjectReferences(string repoRoot)
    {
        var project = ProjectFile.Load(Path.Combine(repoRoot, ContractsProject));
        return project.ProjectReferences(repoRoot)
            .Select(r => new Violation(ContractsProject, r.FullPath is null ? r.Include : Relative(repoRoot, r.FullPath),
                "contracts may reference no project"))
            .ToList();
    }

    public static IReadOnlyList<Violation> ContractsAssemblyReferences(string assemblyPath) =>
        ForbiddenReferences(assemblyPath, name => name.StartsWith("Modular.", StringComparison.Ordinal),
            "contracts may reference no assembly of ours");

    /// <summary>The kit is what every module builds on and knows none of them: of ours it references contracts only.</summary>
    public static IReadOnlyList<Violation> KitProjectReferences(string repoRoot)
    {
        var project = ProjectFile.Load(Path.Combine(repoRoot, KitProject));
        var contracts = Path.GetFullPath(Path.Combine(repoRoot, ContractsProject));
        return project.ProjectReferences(repoRoot)
            .Where(r => r.FullPath != contracts)
            .Select(r => new Violation(KitProject, r.FullPath is null ? r.Include : Relative(repoRoot, r.FullPath),
                "the kit may reference contracts only, no host, module or other project of ours"))
            .ToList();
    }

    public static IReadOnlyList<Violation> KitAssemblyReferences(string assemblyPath) =>
        ForbiddenReferences(assemblyPath, name => name.StartsWith("Modular.", StringComparison.Ordinal) && name != "Modular.Contracts",
            "the kit may reference contracts only of our assemblies");

    /// <summary>The host learns of modules only through the plugins folder, never by reference.</summary>
    public static IReadOnlyList<Violation> HostProjectReferences(string repoRoot)
    {
        var project = ProjectFile.Load(Path.Combine(repoRoot, HostProject));
        var violations = new List<Violation>();
        foreach (var reference in project.ProjectReferences(repoRoot))
        {
            if (reference.FullPath is null)
            {
                violations.Add(Unresolved(repoRoot, project, reference));
            }
            else if (IsUnder(reference.FullPath, Path.Combine(repoRoot, "modules")) || IsUnder(reference.FullPath, Path.Combine(repoRoot, "tests")))
            {
                violations.Add(new(HostProject, Relative(repoRoot, reference.FullPath), "the host may not reference a module or a test project"));
            }
        }

        return violations;
    }

    public static IReadOnlyList<Violation> HostAssemblyReferences(string assemblyPath) =>
        ForbiddenReferences(assemblyPath, IsModule, "the host may not reference a module or a sample plugin");

    /// <summary>
    /// A plugin compiles against contracts (and the kit) but must not carry its own copy: the host's copy is the only
    /// one, or the plugin's IModule would be a different type from the host's and the plugin would not be found.
    /// </summary>
    public static IReadOnlyList<Violation> PluginProjectsSharingContracts(string repoRoot)
    {
        var contracts = Path.GetFullPath(Path.Combine(repoRoot, ContractsProject));
        var violations = new List<Violation>();
        foreach (var project in Projects(repoRoot).Where(p => !string.IsNullOrEmpty(p.Property("ModularPlugin"))))
        {
            var subject = Relative(repoRoot, project.Path);
            if (!project.ProjectReferences(repoRoot).Any(r => r.FullPath == contracts))
            {
                violations.Add(new(subject, ContractsProject, "a plugin must reference contracts, or it cannot be a module"));
            }

            foreach (var provided in ProvidedProjects)
            {
                var path = Path.GetFullPath(Path.Combine(repoRoot, provided));
                foreach (var reference in project.ProjectReferences(repoRoot).Where(r => r.FullPath == path))
                {
                    if (!string.Equals(reference.Private, "false", StringComparison.OrdinalIgnoreCase))
                    {
                        violations.Add(new(subject, provided, "the reference must say Private=\"false\""));
                    }

                    var excluded = (reference.ExcludeAssets ?? "").Split(';', StringSplitOptions.TrimEntries);
                    if (!excluded.Any(a => a.Equals("runtime", StringComparison.OrdinalIgnoreCase) || a.Equals("all", StringComparison.OrdinalIgnoreCase)))
                    {
                        violations.Add(new(subject, provided, "the reference must say ExcludeAssets=\"runtime\""));
                    }
                }
            }
        }

        return violations;
    }

    /// <summary>What the rule above is for, seen in the output: no plugin folder holds a copy of contracts, the kit or the host.</summary>
    public static IReadOnlyList<Violation> PluginFolderCopies(string repoRoot) =>
        InstalledPluginFolders(repoRoot)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories)
                .Select(Path.GetFileNameWithoutExtension)
                .Where(name => ProvidedAssemblies.Contains(name) || IsHost(name!))
                .Select(name => new Violation(Relative(repoRoot, folder), name + ".dll",
                    "a plugin folder may not ship its own copy of an assembly the host provides")))
            .ToList();

    private static IReadOnlyList<Violation> ForbiddenReferences(string assemblyPath, Func<string, bool> forbidden, string reason)
    {
        if (!File.Exists(assemblyPath))
        {
            return [new(assemblyPath, "(missing)", "the assembly is not built; build Modular.sln in this configuration first")];
        }

        var assembly = AssemblyFile.Read(assemblyPath);
        return assembly.References.Where(forbidden).Select(r => new Violation(assembly.Name, r, reason)).ToList();
    }

    private static IEnumerable<string> InstalledPluginFolders(string repoRoot) =>
        PluginFolders
            .Select(f => Path.Combine(repoRoot, f))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Order(StringComparer.Ordinal);

    private static IEnumerable<ProjectFile> Projects(string repoRoot, string under = "")
    {
        var start = Path.Combine(repoRoot, under);
        return Directory.Exists(start)
            ? EnumerateProjects(start).Order(StringComparer.Ordinal).Select(ProjectFile.Load)
            : [];
    }

    // Build outputs and hidden folders hold copies and generated projects, not the sources the rules are about.
    private static IEnumerable<string> EnumerateProjects(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*.csproj"))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(dir))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var file in EnumerateProjects(sub))
            {
                yield return file;
            }
        }
    }

    /// <summary>modules/&lt;id&gt;/: everything a module may keep to itself.</summary>
    private static string ModuleFolder(string repoRoot, string projectPath)
    {
        var modules = Path.Combine(repoRoot, "modules");
        var id = Path.GetRelativePath(modules, projectPath).Split('/', '\\')[0];
        return Path.Combine(modules, id);
    }

    private static bool IsHost(string assemblyName) =>
        assemblyName == "Modular.Host" || assemblyName.StartsWith("Modular.Host.", StringComparison.Ordinal);

    private static bool IsModule(string assemblyName) =>
        ModuleAssemblyPrefixes.Any(p => assemblyName.StartsWith(p, StringComparison.Ordinal));

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static string Relative(string repoRoot, string path) => Path.GetRelativePath(repoRoot, path).Replace('\\', '/');

    private static Violation Unresolved(string repoRoot, ProjectFile project, ProjectReferenceItem reference) =>
        new(Relative(repoRoot, project.Path), reference.Include, "the reference path cannot be checked; write it as a plain relative path");
}
