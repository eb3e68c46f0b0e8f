namespace Modular.Architecture.Tests;

/// <summary>
/// An architecture test that cannot fail proves nothing: each rule is fed a repository built to break it, and must
/// name the offenders. Each also gets a well-behaved neighbour, so a rule that reports everything fails too.
/// </summary>
public sealed class DependencyRulesCanFailTests : IDisposable
{
    private const string SharedContracts = """<ProjectReference Include="../../../contracts/Modular.Contracts/Modular.Contracts.csproj" Private="false" ExcludeAssets="runtime" />""";
    private const string SharedKit = """<ProjectReference Include="../../../contracts/Modular.Kit/Modular.Kit.csproj" Private="false" ExcludeAssets="runtime" />""";

    private readonly TemporaryRepository repo = new();

    public void Dispose() => repo.Dispose();

    [Fact]
    public void A_module_project_referencing_another_module_the_host_or_another_contracts_project_is_reported()
    {
        repo.Project("modules/alpha/Modular.Modules.Alpha/Modular.Modules.Alpha.csproj", $"""
            <ItemGroup>
              {SharedContracts}
              {SharedKit}
              <ProjectReference Include="../../../contracts/Modular.Contracts.Beta/Modular.Contracts.Beta.csproj" />
              <ProjectReference Include="../Modular.Modules.Alpha.Reports/Modular.Modules.Alpha.Reports.csproj" />
              <ProjectReference Include="../../beta/Modular.Modules.Beta/Modular.Modules.Beta.csproj" />
              <ProjectReference Include="..\..\..\host\Modular.Host\Modular.Host.csproj" />
            </ItemGroup>
            """);
        // Tests may reach into the host; they are not modules.
        repo.Project("modules/alpha/Modular.Modules.Alpha.Tests/Modular.Modules.Alpha.Tests.csproj", """
            <ItemGroup>
              <ProjectReference Include="../../../host/Modular.Host/Modular.Host.csproj" />
            </ItemGroup>
            """);
        repo.Project("modules/beta/Modular.Modules.Beta/Modular.Modules.Beta.csproj", $"<ItemGroup>{SharedContracts}</ItemGroup>");

        var violations = DependencyRules.ModuleProjects(repo.Root);

        Assert.All(violations, v => Assert.Equal("modules/alpha/Modular.Modules.Alpha/Modular.Modules.Alpha.csproj", v.Subject));
        Assert.Equal(
            ["contracts/Modular.Contracts.Beta/Modular.Contracts.Beta.csproj", "host/Modular.Host/Modular.Host.csproj", "modules/beta/Modular.Modules.Beta/Modular.Modules.Beta.csproj"],
            violations.Select(v => v.Offender).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_module_project_referencing_another_module_by_assembly_or_by_unchecked_path_is_reported()
    {
        repo.Project("modules/alpha/Modular.Modules.Alpha/Modular.Modules.Alpha.csproj", """
            <ItemGroup>
              <Reference Include="Modular.Modules.Beta, Version=1.0.0.0"><HintPath>../../beta/bin/Modular.Modules.Beta.dll</HintPath></Reference>
              <ProjectReference Include="$(SomewhereElse)/Modular.Modules.Beta.csproj" />
            </ItemGroup>
            """);

        var violations = DependencyRules.ModuleProjects(repo.Root);

        Assert.Equal(["$(SomewhereElse)/Modular.Modules.Beta.csproj", "Modular.Modules.Beta"], violations.Select(v => v.Offender).Order());
    }

    [Fact]
    public void A_plugin_assembly_referencing_another_module_and_the_host_is_reported()
    {
        repo.Assembly("artifacts/plugins/Modular.Modules.Alpha/Modular.Modules.Alpha.dll", "Modular.Modules.Alpha",
            "System.Runtime", "Modular.Contracts", "Modular.Host", "Modular.Modules.Beta");
        repo.Assembly("artifacts/test-plugins/Modular.Samples.Good/Modular.Samples.Good.dll", "Modular.Samples.Good",
            "System.Runtime", "Modular.Contracts");

        var violations = DependencyRules.PluginAssemblies(repo.Root);

        Assert.All(violations, v => Assert.Equal("Modular.Modules.Alpha", v.Subject));
        Assert.Equal(["Modular.Host", "Modular.Modules.Beta"], violations.Select(v => v.Offender).Order());
    }

    [Fact]
    public void No_installed_plugin_at_all_is_reported_rather_than_passing()
    {
        var violations = DependencyRules.PluginAssemblies(repo.Root);

        Assert.Equal("(no plugin assembly)", Assert.Single(violations).Offender);
    }

    [Fact]
    public void A_plugin_folder_without_the_assembly_it_is_named_after_is_reported()
    {
        repo.Assembly("artifacts/plugins/Modular.Modules.Alpha/Something.Else.dll", "Something.Else");

        var violations = DependencyRules.PluginAssemblies(repo.Root);

        Assert.Contains(violations, v => v.Offender == "Modular.Modules.Alpha.dll");
    }

    [Fact]
    public void Contracts_referencing_a_project_or_assembly_of_ours_is_reported()
    {
        repo.Project(DependencyRules.ContractsProject, """
            <ItemGroup>
              <ProjectReference Include="../../host/Modular.Host/Modular.Host.csproj" />
            </ItemGroup>
            """);
        var assembly = repo.Assembly("contracts/bin/Modular.Contracts.dll", "Modular.Contracts", "System.Runtime", "Marten", "Modular.Host");

        Assert.Equal("host/Modular.Host/Modular.Host.csproj", Assert.Single(DependencyRules.ContractsProjectReferences(repo.Root)).Offender);
        Assert.Equal("Modular.Host", Assert.Single(DependencyRules.ContractsAssemblyReferences(assembly)).Offender);
    }

    [Fact]
    public void A_kit_referencing_the_host_or_a_module_is_reported()
    {
        repo.Project(DependencyRules.KitProject, """
            <ItemGroup>
              <ProjectReference Include="../Modular.Contracts/Modular.Contracts.csproj" />
              <ProjectReference Include="../../host/Modular.Host/Modular.Host.csproj" />
              <ProjectReference Include="../../modules/mediation/Modular.Modules.Mediation/Modular.Modules.Mediation.csproj" />
            </ItemGroup>
            """);
        var assembly = repo.Assembly("contracts/bin/Modular.Kit.dll", "Modular.Kit", "System.Runtime", "Marten", "Modular.Contracts", "Modular.Modules.Mediation");

        Assert.Equal(
            ["host/Modular.Host/Modular.Host.csproj", "modules/mediation/Modular.Modules.Mediation/Modular.Modules.Mediation.csproj"],
            DependencyRules.KitProjectReferences(repo.Root).Select(v => v.Offender).Order(StringComparer.Ordinal));
        Assert.Equal("Modular.Modules.Mediation", Assert.Single(DependencyRules.KitAssemblyReferences(assembly)).Offender);
    }

    [Fact]
    public void A_host_referencing_a_module_or_a_sample_plugin_is_reported()
    {
        repo.Project(DependencyRules.HostProject, """
            <ItemGroup>
              <ProjectReference Include="../../contracts/Modular.Contracts/Modular.Contracts.csproj" />
              <ProjectReference Include="../../modules/mediation/Modular.Modules.Mediation/Modular.Modules.Mediation.csproj" />
              <ProjectReference Include="$(RepoRoot)tests/SamplePlugins/Modular.Samples.Notebook/Modular.Samples.Notebook.csproj" />
            </ItemGroup>
            """);
        var assembly = repo.Assembly("host/bin/Modular.Host.dll", "Modular.Host",
            "System.Runtime", "Modular.Contracts", "Modular.Modules.Mediation", "Modular.Samples.Notebook");

        Assert.Equal(
            ["modules/mediation/Modular.Modules.Mediation/Modular.Modules.Mediation.csproj", "tests/SamplePlugins/Modular.Samples.Notebook/Modular.Samples.Notebook.csproj"],
            DependencyRules.HostProjectReferences(repo.Root).Select(v => v.Offender).Order());
        Assert.Equal(
            ["Modular.Modules.Mediation", "Modular.Samples.Notebook"],
            DependencyRules.HostAssemblyReferences(assembly).Select(v => v.Offender).Order());
    }

    [Fact]
    public void A_plugin_project_that_would_take_its_own_copy_of_contracts_or_the_kit_is_reported()
    {
        repo.Project("modules/copies/Modular.Modules.Copies/Modular.Modules.Copies.csproj", """
            <PropertyGroup><ModularPlugin>module</ModularPlugin></PropertyGroup>
            <ItemGroup><ProjectReference Include="../../../contracts/Modular.Contracts/Modular.Contracts.csproj" /></ItemGroup>
            """);
        repo.Project("modules/half/Modular.Modules.Half/Modular.Modules.Half.csproj", """
            <PropertyGroup><ModularPlugin>module</ModularPlugin></PropertyGroup>
            <ItemGroup><ProjectReference Include="../../../contracts/Modular.Contracts/Modular.Contracts.csproj" Private="false" /></ItemGroup>
            """);
        repo.Project("modules/kitcopy/Modular.Modules.KitCopy/Modular.Modules.KitCopy.csproj", $"""
            <PropertyGroup><ModularPlugin>module</ModularPlugin></PropertyGroup>
            <ItemGroup>
              {SharedContracts}
              <ProjectReference Include="../../../contracts/Modular.Kit/Modular.Kit.csproj" ExcludeAssets="runtime" />
            </ItemGroup>
            """);
        repo.Project("tests/SamplePlugins/Modular.Samples.Orphan/Modular.Samples.Orphan.csproj", """
            <PropertyGroup><ModularPlugin>test</ModularPlugin></PropertyGroup>
            """);
        // The element form of metadata is as good as the attribute form.
        repo.Project("modules/good/Modular.Modules.Good/Modular.Modules.Good.csproj", """
            <PropertyGroup><ModularPlugin>module</ModularPlugin></PropertyGroup>
            <ItemGroup>
              <ProjectReference Include="../../../contracts/Modular.Contracts/Modular.Contracts.csproj">
                <Private>False</Private>
                <ExcludeAssets>runtime</ExcludeAssets>
              </ProjectReference>
            </ItemGroup>
            """);
        // Not a plugin: a library may copy contracts.
        repo.Project("tools/Modular.Tool/Modular.Tool.csproj", """
            <ItemGroup><ProjectReference Include="../../contracts/Modular.Contracts/Modular.Contracts.csproj" /></ItemGroup>
            """);

        var violations = DependencyRules.PluginProjectsSharingContracts(repo.Root);

        Assert.Equal(
            [
                "modules/copies/Modular.Modules.Copies/Modular.Modules.Copies.csproj -> contracts/Modular.Contracts/Modular.Contracts.csproj: the reference must say ExcludeAssets=\"runtime\"",
                "modules/copies/Modular.Modules.Copies/Modular.Modules.Copies.csproj -> contracts/Modular.Contracts/Modular.Contracts.csproj: the reference must say Private=\"false\"",
                "modules/half/Modular.Modules.Half/Modular.Modules.Half.csproj -> contracts/Modular.Contracts/Modular.Contracts.csproj: the reference must say ExcludeAssets=\"runtime\"",
                "modules/kitcopy/Modular.Modules.KitCopy/Modular.Modules.KitCopy.csproj -> contracts/Modular.Kit/Modular.Kit.csproj: the reference must say Private=\"false\"",
                "tests/SamplePlugins/Modular.Samples.Orphan/Modular.Samples.Orphan.csproj -> contracts/Modular.Contracts/Modular.Contracts.csproj: a plugin must reference contracts, or it cannot be a module",
            ],
            violations.Select(v => v.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_plugin_folder_holding_its_own_copy_of_contracts_or_the_kit_is_reported()
    {
        repo.Assembly("artifacts/plugins/Modular.Modules.Alpha/Modular.Modules.Alpha.dll", "Modular.Modules.Alpha", "Modular.Contracts");
        repo.Assembly("artifacts/plugins/Modular.Modules.Alpha/Modular.Contracts.dll", "Modular.Contracts");
        repo.Assembly("artifacts/plugins/Modular.Modules.Beta/Modular.Modules.Beta.dll", "Modular.Modules.Beta", "Modular.Contracts", "Modular.Kit");
        repo.Assembly("artifacts/plugins/Modular.Modules.Beta/Modular.Kit.dll", "Modular.Kit");
        repo.Assembly("artifacts/test-plugins/Modular.Samples.Good/Modular.Samples.Good.dll", "Modular.Samples.Good", "Modular.Contracts");

        var violations = DependencyRules.PluginFolderCopies(repo.Root);

        Assert.Equal(
            [("artifacts/plugins/Modular.Modules.Alpha", "Modular.Contracts.dll"), ("artifacts/plugins/Modular.Modules.Beta", "Modular.Kit.dll")],
            violations.Select(v => (v.Subject, v.Offender)));
    }
}
