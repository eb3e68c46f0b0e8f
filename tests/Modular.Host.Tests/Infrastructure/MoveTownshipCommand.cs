using System.Diagnostics;
using Modular.Host.Storage.Databases;
using Modular.Testing;

namespace Modular.Host.Tests.Infrastructure;

/// <summary><c>move-township</c> as the county IT admin runs it: the built host as a process of its own, configured as a serving host.</summary>
internal static class MoveTownshipCommand
{
    /// <summary>Runs <c>dotnet Modular.Host.dll move-township …</c> with <paramref name="platform"/>'s configuration; its exit code and console.</summary>
    public static async Task<(int Exit, string Console)> RunAsync(PlatformFactory platform, IReadOnlyDictionary<string, string> databases, string plugins, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(HostBinary.Assembly)! };
        foreach (var argument in new[] { HostBinary.Assembly, TownshipMove.Command }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Modular"] = platform.ConnectionString;
        foreach (var (id, connectionString) in databases)
        {
            start.Environment[$"Modular__Databases__{id}__ConnectionString"] = connectionString;
        }

        start.Environment["Modular__PluginsPath"] = plugins;
        start.Environment["Modular__Demo"] = "false";
        start.Environment["Modular__Admin__Password"] = PlatformFactory.AdminPassword;
        start.Environment["Modular__LogsPath"] = Path.Combine(platform.LogsPath, "move-township");
        start.Environment["Modular__DataProtection__KeyEncryptionKey"] = platform.KeyEncryptionKey;
        start.Environment["Modular__Telemetry__Enabled"] = "false";
        start.Environment["DOTNET_gcServer"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
