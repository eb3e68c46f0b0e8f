using System.Diagnostics;
using System.Net;
using Modular.Host.Storage;

namespace Modular.Resilience.Tests.Crash;

/// <summary>
/// One built host (<c>host/Modular.Host</c>'s own output) run as a child process on a port of its own against a given
/// database, so a test can kill -9 it the way a power cut or an OOM kill would. Several nodes may share one database.
/// </summary>
public sealed class HostNode(string connectionString, string plugins, string logsFolder, IReadOnlyDictionary<string, string>? settings = null, int port = 0) : IDisposable
{
    private readonly int _port = port == 0 ? LocalPostgresCluster.FreePort() : port;
    private Process? _host;

    public Uri Address => new($"http://127.0.0.1:{_port}");

    public Process? Process => _host;

    public bool Running => _host is { HasExited: false };

    /// <summary>Starts the host and waits until it answers <c>/health/live</c>.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(HostAssembly)! };
        foreach (var argument in new[] { HostAssembly, "--urls", Address.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ConnectionStrings__Modular"] = connectionString;
        start.Environment["Modular__PluginsPath"] = plugins;
        start.Environment["Modular__Demo"] = "false";
        start.Environment["Modular__Admin__Password"] = HostProcess.AdminPassword;
        start.Environment["Modular__LogsPath"] = logsFolder;
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in ResiliencePlatform.UnthrottledSettings.Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _host = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        _host.OutputDataReceived += (_, _) => { };
        _host.ErrorDataReceived += (_, _) => { };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_host.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_host.ExitCode} while starting; its log is in {logsFolder}.");
            }

            try
            {
                if ((await probe.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // still starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The host did not answer /health/live within two minutes.");
    }

    /// <summary>kill -9: no shutdown hook, no flush, the way the kernel's OOM killer ends a process.</summary>
    public void Kill()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            _host.WaitForExit();
        }

        _host?.Dispose();
        _host = null;
        Figures.Add("faults injected");
        Figures.Add("host kills (kill -9)");
    }

    /// <summary>A client with its own cookies on this node.</summary>
    public HttpClient Client() => ClientFor(Address);

    /// <summary>A client with its own cookies; cookies are not kept per port, so one sign-in serves every node on 127.0.0.1.</summary>
    public static HttpClient ClientFor(Uri address) => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public void Dispose()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
        }

        _host?.Dispose();
        _host = null;
    }

    private static string HostAssembly => Modular.Testing.HostBinary.Assembly;
}
