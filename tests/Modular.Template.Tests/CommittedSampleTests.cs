using System.Reflection;

namespace Modular.Template.Tests;

/// <summary>
/// The sample notebook the host tests load (tests/SamplePlugins/notebook) is the template's output, committed unchanged:
/// generated again today it must come out the same, file for file, so the two cannot drift. After changing the
/// template, generate the notebook again with the command below and commit both.
/// </summary>
public sealed class CommittedSampleTests
{
    // Run from tests/SamplePlugins: the same command regenerates the committed sample.
    private static readonly string[] Generate = ["new", "modular-module", "-n", "Notebook", "--id", "notebook", "--display-zh", "记事本", "--display-en", "Notebook", "-o", "notebook"];

    private static readonly string[] BuildOutput = ["bin", "obj"];

    private static string RepoRoot => typeof(CommittedSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Modular.RepoRoot").Value!;

    [Fact(Timeout = 5 * 60 * 1000)]
    public async Task The_committed_sample_notebook_is_what_the_template_generates_today()
    {
        // Apart from the generated-module test's folder, which that test empties when it starts.
        var work = Path.Combine(RepoRoot, "artifacts", "template-sample");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var hive = Path.Combine(work, "hive");
        await DotnetCli.RunAsync(work, "new", "install", Path.Combine(RepoRoot, "templates", "modular-module"), "--debug:custom-hive", hive);
        await DotnetCli.RunAsync(work, [.. Generate, "--debug:custom-hive", hive]);

        var generated = Files(Path.Combine(work, "notebook"));
        var committed = Files(Path.Combine(RepoRoot, "tests", "SamplePlugins", "notebook"));

        Assert.Equal(generated.Keys.Order(StringComparer.Ordinal), committed.Keys.Order(StringComparer.Ordinal));
        var differing = generated.Keys.Where(path => !generated[path].SequenceEqual(committed[path])).Order(StringComparer.Ordinal).ToList();
        Assert.True(differing.Count == 0,
            $"tests/SamplePlugins/notebook differs from the template's output in {string.Join(", ", differing)}: regenerate it from tests/SamplePlugins with " +
            $"`rm -r notebook && dotnet new {string.Join(' ', Generate.Skip(1))}` (after `dotnet new install ./templates/modular-module --force`).");
        Directory.Delete(work, recursive: true);
    }

    /// <summary>Every file under <paramref name="root"/> but build output, by its path relative to the root.</summary>
    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path))
            .Where(relative => !relative.Split(Path.DirectorySeparatorChar).Any(part => BuildOutput.Contains(part, StringComparer.OrdinalIgnoreCase)))
            .ToDictionary(relative => relative.Replace(Path.DirectorySeparatorChar, '/'), relative => File.ReadAllBytes(Path.Combine(root, relative)), StringComparer.Ordinal);
}
