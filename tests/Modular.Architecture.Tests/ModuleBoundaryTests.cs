namespace Modular.Architecture.Tests;

/// <summary>The dependency rules of ARCHITECTURE.md, checked against this repository's project files and built assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    [Fact]
    public void Module_projects_reference_only_contracts_and_their_own_module_folder() =>
        AssertNone(DependencyRules.ModuleProjects(Repository.Root));

    [Fact]
    public void Installed_plugins_reference_neither_the_host_nor_another_module() =>
        AssertNone(DependencyRules.PluginAssemblies(Repository.Root));

    [Fact]
    public void Contracts_project_references_no_other_project() =>
        AssertNone(DependencyRules.ContractsProjectReferences(Repository.Root));

    [Fact]
    public void Contracts_assembly_references_no_assembly_of_ours() =>
        AssertNone(DependencyRules.ContractsAssemblyReferences(Repository.ContractsAssembly));

    [Fact]
    public void Host_project_references_no_module_or_test_project() =>
        AssertNone(DependencyRules.HostProjectReferences(Repository.Root));

    [Fact]
    public void Host_assembly_references_no_module_or_sample_plugin() =>
        AssertNone(DependencyRules.HostAssemblyReferences(Repository.HostAssembly));

    [Fact]
    public void Plugin_projects_reference_contracts_without_taking_a_copy_of_it() =>
        AssertNone(DependencyRules.PluginProjectsSharingContracts(Repository.Root));

    [Fact]
    public void Plugin_folders_hold_no_copy_of_contracts_or_the_host() =>
        AssertNone(DependencyRules.PluginFolderCopies(Repository.Root));

    internal static void AssertNone(IReadOnlyList<Violation> violations)
    {
        if (violations.Count > 0)
        {
            Assert.Fail($"{violations.Count} violation(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", violations));
        }
    }
}
