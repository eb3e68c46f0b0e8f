using System.Net;
using System.Net.Http.Json;
using System.Runtime.Loader;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// A host whose plugins path holds one good module and every kind of broken plugin: one that throws while registering,
/// one with no IModule, a file that is no assembly, and a folder with no assembly at all.
/// </summary>
public sealed class PluginLoadingTests : IClassFixture<PluginLoadingTests.Platform>
{
    private readonly Platform _platform;

    public PluginLoadingTests(Platform platform) => _platform = platform;

    public sealed class Platform() : PlatformFactory(BrokenRoot() + Path.PathSeparator + TestPlugins.NotebookRoot)
    {
        // Built by the test suite: the throwing and module-less plugins come from the build, the others are made here.
        private static string BrokenRoot()
        {
            var root = Path.Combine(Path.GetTempPath(), $"modular-broken-plugins-{Environment.ProcessId}");
            TestPlugins.Link(root, Path.Combine(TestPlugins.TestRoot, "Modular.Samples.ThrowingModule"));
            TestPlugins.Link(root, Path.Combine(TestPlugins.TestRoot, "Modular.Samples.NoModule"));
            Directory.CreateDirectory(Path.Combine(root, "Corrupt"));
            File.WriteAllBytes(Path.Combine(root, "Corrupt", "Corrupt.dll"), "MZ this is not an assembly"u8.ToArray());
            Directory.CreateDirectory(Path.Combine(root, "EmptyFolder"));
            return root;
        }
    }

    [Fact]
    public async Task Each_broken_plugin_is_listed_as_failed_with_its_error_and_the_good_one_as_loaded()
    {
        var admin = await _platform.AdminClientAsync();

        var plugins = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/modules")).EnumerateArray()
            .ToDictionary(p => p.GetProperty("folder").GetString()!);

        Assert.Equal("loaded", plugins["Modular.Modules.Notebook"].GetProperty("state").GetString());
        Assert.Equal("notebook", plugins["Modular.Modules.Notebook"].GetProperty("id").GetString());
        Assert.Equal("1.0.0", plugins["Modular.Modules.Notebook"].GetProperty("version").GetString());
        AssertFailed(plugins["Modular.Samples.ThrowingModule"], "registration failed on purpose");
        AssertFailed(plugins["Modular.Samples.NoModule"], "IModule");
        AssertFailed(plugins["Corrupt"], "not a valid .NET assembly");
        AssertFailed(plugins["EmptyFolder"], "EmptyFolder.dll");
    }

    [Fact]
    public async Task The_other_modules_work_while_broken_plugins_are_out_of_service()
    {
        var (admin, slug, clerk) = await _platform.TownshipWithUserAsync(["notebook"], "notebook.clerk");

        Assert.Equal(HttpStatusCode.Created, (await Notebook.PostMatterAsync(clerk, slug, "正常工作", Notebook.Today(_platform))).StatusCode);
        var enableBroken = await admin.PutAsJsonAsync($"/api/admin/townships/{slug}/modules/throwing", new { enabled = true });
        Assert.Equal(HttpStatusCode.BadRequest, enableBroken.StatusCode);
        var ready = await admin.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("Degraded", ready.GetProperty("checks").GetProperty("plugins").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_installed_modules_page_shows_the_failures_to_the_it_admin()
    {
        var admin = await _platform.AdminClientAsync();

        var page = await admin.GetStringAsync("/admin/modules");

        Assert.Contains("registration failed on purpose", page);
        Assert.Contains("data-folder=\"Corrupt\"", page);
    }

    [Fact]
    public void The_module_is_loaded_from_the_plugins_folder_into_a_load_context_of_its_own()
    {
        _ = _platform.Server;
        // Every host of the test run loads the module into a context of its own: hosts running beside this one add theirs.
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "Modular.Modules.Notebook").ToList();

        Assert.Contains(loaded, notebook => notebook.Location.StartsWith(Path.GetFullPath(TestPlugins.NotebookRoot), StringComparison.Ordinal));
        Assert.All(loaded, notebook => Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(notebook)));
        Assert.DoesNotContain(typeof(PluginLoadingTests).Assembly.GetReferencedAssemblies(), a => a.Name == "Modular.Modules.Notebook");
    }

    private static void AssertFailed(JsonElement plugin, string error)
    {
        Assert.Equal("failed", plugin.GetProperty("state").GetString());
        Assert.Contains(error, plugin.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
