namespace Modular.Architecture.Tests;

/// <summary>
/// The dependency rules of the root README ("Writing a module", "The rule"), checked against this repository's project files and built assemblies.
/// A failure lists every violation found (Assert.Empty prints the collection).
/// </summary>
public sealed class ModuleBoundaryTests
{
    [Fact]
    public void Module_projects_reference_only_contracts_the_kit_and_their_own_module_folder() =>
        Assert.Empty(DependencyRules.ModuleProjects(Repository.Root));

    [Fact]
    public void Installed_plugins_reference_neither_the_host_nor_another_module() =>
        Assert.Empty(DependencyRules.PluginAssemblies(Repository.Root));

    [Fact]
    public void Contracts_project_references_no_other_project() =>
        Assert.Empty(DependencyRules.ContractsProjectReferences(Repository.Root));

    [Fact]
    public void Contracts_assembly_references_no_assembly_of_ours() =>
        Assert.Empty(DependencyRules.ContractsAssemblyReferences(Repository.ContractsAssembly));

    [Fact]
    public void Kit_project_references_contracts_only() =>
        Assert.Empty(DependencyRules.KitProjectReferences(Repository.Root));

    [Fact]
    public void Kit_assembly_references_contracts_only_of_our_assemblies() =>
        Assert.Empty(DependencyRules.KitAssemblyReferences(Repository.KitAssembly));

    [Fact]
    public void Host_project_references_no_module_or_test_project() =>
        Assert.Empty(DependencyRules.HostProjectReferences(Repository.Root));

    [Fact]
    public void Host_assembly_references_no_module_or_sample_plugin() =>
        Assert.Empty(DependencyRules.HostAssemblyReferences(Repository.HostAssembly));

    [Fact]
    public void Plugin_projects_reference_contracts_without_taking_a_copy_of_it() =>
        Assert.Empty(DependencyRules.PluginProjectsSharingContracts(Repository.Root));

    [Fact]
    public void Plugin_folders_hold_no_copy_of_contracts_the_kit_or_the_host() =>
        Assert.Empty(DependencyRules.PluginFolderCopies(Repository.Root));
}
