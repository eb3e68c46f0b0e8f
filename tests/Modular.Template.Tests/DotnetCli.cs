using System.Diagnostics;
using System.Text;

namespace Modular.Template.Tests;

/// <summary>
/// Runs the dotnet CLI as a developer would, and fails the test with the command's whole output when it fails: a
/// build error in generated code is read there, not guessed at.
/// </summary>
internal static class DotnetCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    // Set by `dotnet test` for its own MSBuild; a child build must find its SDK afresh.
    private static readonly string[] InheritedBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in InheritedBuildVariables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {Limit.TotalMinutes} minutes.\n{Text(output)}");
        }

        // The asynchronous readers may still hold the last lines.
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"dotnet {string.Join(' ', arguments)} (in {workingDirectory}) exited with {process.ExitCode}:\n{Text(output)}");
        }

        return Text(output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
