namespace Modular.Testing;

/// <summary>The built host (<c>host/Modular.Host</c>'s own output), for tests that run it as a child process.</summary>
public static class HostBinary
{
    /// <summary><c>host/Modular.Host/bin/&lt;Configuration&gt;/&lt;tfm&gt;/Modular.Host.dll</c>, of the configuration and framework the test runs in.</summary>
    public static string Assembly
    {
        get
        {
            // The test runs from tests/<project>/bin/<Configuration>/<tfm>/: the host was built beside it.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var framework = output.Name;
            var configuration = output.Parent!.Name;
            var root = output;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Modular.sln")))
            {
                root = root.Parent;
            }

            var assembly = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Modular.sln not found above the test output."),
                "host", "Modular.Host", "bin", configuration, framework, "Modular.Host.dll");
            return File.Exists(assembly) ? assembly : throw new InvalidOperationException($"{assembly} is missing: build the host first.");
        }
    }
}
