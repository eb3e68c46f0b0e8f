using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Modular.Host.Storage;

namespace Modular.Benchmarks;

/// <summary>
/// Measures the host, in one run on this machine: cold and warm start of the real host binary with its memory, and the
/// overhead of the platform on an authenticated module read against the same query on a bare Marten endpoint.
/// Prints a Markdown report and writes it to <c>bench/results.md</c>. Measurements only: nothing is asserted.
/// </summary>
internal static class BenchmarkProgram
{
    private const string AdminPassword = "Bench-Admin-Passw0rd";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ClientLoad.WorkerSwitch)
        {
            return await ClientLoad.WorkerAsync(args);
        }

        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var settings = BenchSettings.Parse(args);
        ILoad load = settings.Load == "wrk" ? new WrkLoad() : new ClientLoad();
        if (!File.Exists(BuildPaths.HostAssembly) || !Directory.Exists(BuildPaths.NotebookPlugin))
        {
            await Console.Error.WriteLineAsync($"Build first: dotnet build -c Release bench/Modular.Benchmarks (missing {BuildPaths.HostAssembly} or {BuildPaths.NotebookPlugin}).");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), $"modular-bench-{Environment.ProcessId}");
        var cluster = new LocalPostgresCluster(Path.Combine(work, "postgres"), LocalPostgresCluster.FreePort(), durable: false);
        var total = Stopwatch.StartNew();
        var failed = false;
        try
        {
            Progress($"throw-away PostgreSQL cluster on port {cluster.Port} in {work}");
            await cluster.StartAsync("postgres");
            var connectionString = cluster.ConnectionString("postgres");

            // The catalog reads every folder under a root: a root of our own holds only the sample module, linked, not copied.
            var notebookRoot = Path.Combine(work, "plugins");
            Directory.CreateDirectory(notebookRoot);
            Directory.CreateSymbolicLink(Path.Combine(notebookRoot, "Modular.Modules.Notebook"), BuildPaths.NotebookPlugin);
            var pluginsPath = notebookRoot + Path.PathSeparator + BuildPaths.PluginsRoot;

            if (settings.StartsOnly)
            {
                await StartupRun.RunAsync(settings, cluster, pluginsPath, work, AdminPassword, Progress);
                return 0;
            }

            var report = new Report(settings, load.Description, await Machine.DescribeAsync(connectionString), pluginsPath);

            // Pairs of starts, each on a database of its own: cold (fresh database), then warm (same database). The last warm
            // host stays up and serves the load runs.
            HostProcess? host = null;
            for (var pair = 1; pair <= settings.Starts; pair++)
            {
                var database = $"bench{pair}";
                await cluster.StartAsync(database);
                connectionString = cluster.ConnectionString(database);
                foreach (var kind in new[] { "cold", "warm" })
                {
                    var started = await HostProcess.StartAsync(connectionString, pluginsPath, AdminPassword, work, $"{kind}{pair}", settings.HostEnvironment);
                    var memory = started.Memory();
                    report.Starts.Add(new StartSample(kind, pair, started.ReadyAfter, memory.Rss));
                    report.Modules = started.Modules;
                    Progress($"start {pair}/{settings.Starts}, {kind}: ready after {started.ReadyAfter.TotalMilliseconds:F0} ms, VmRSS {memory.Rss / 1024} MiB, modules: {string.Join(", ", started.Modules)}");
                    if (kind == "warm" && pair == settings.Starts)
                    {
                        host = started;
                    }
                    else
                    {
                        await started.DisposeAsync();
                    }
                }
            }

            await using var _ = host!;
            if (!host!.Modules.Contains("notebook"))
            {
                throw new InvalidOperationException($"The notebook module is not loaded; the ready check reports: {string.Join(", ", host.Modules)}\n{host.LogTail()}");
            }

            Progress($"setup through the admin API: township, clerk, {settings.Matters} matters");
            var cookie = await PlatformSetup.PrepareAsync(host.Address, AdminPassword, settings.Matters);

            Progress("bare app: minimal ASP.NET Core + Marten on the same database");
            await using var bare = await BareApp.StartAsync(connectionString, notebookRoot);
            var hostUrl = new Uri(host.Address, $"/api/t/{PlatformSetup.Township}/notebook/matters");
            var bareUrl = new Uri(bare.Address, $"/bare/{PlatformSetup.Township}/matters");
            report.Sameness = await CompareAsync(hostUrl, bareUrl, cookie, settings.Matters);
            Progress($"  {report.Sameness}");

            // --compare-env: the same build on the same database with other settings, served the same windows.
            await using var compared = settings.CompareEnvironment.Count == 0 ? null
                : await HostProcess.StartAsync(connectionString, pluginsPath, AdminPassword, work, "compared",
                    settings.HostEnvironment.Concat(settings.CompareEnvironment).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));
            var bareProcess = Process.GetCurrentProcess();
            var otherWork = new OtherWork(host.ProcessId, cluster.DataDirectory);
            // Either load generator runs in a process of its own, so each app's CPU time is its own.
            var targets = new (string Name, Uri Url, Func<TimeSpan> Cpu)[]
            {
                ("host", hostUrl, host.CpuTime),
                ("bare", bareUrl, () => { bareProcess.Refresh(); return bareProcess.TotalProcessorTime; }),
            };
            if (compared is not null)
            {
                targets = [targets[0], (Report.Compared, new Uri(compared.Address, hostUrl.PathAndQuery), compared.CpuTime), targets[1]];
            }

            foreach (var concurrency in settings.Concurrency)
            {
                foreach (var target in targets.Where(_ => settings.WarmupSeconds > 0))
                {
                    Progress($"{target.Name}, {concurrency} connections: {settings.WarmupSeconds} s warm-up (discarded)");
                    await load.RunAsync(target.Url, cookie, concurrency, settings.WarmupSeconds, target.Cpu);
                }

                // Alternating windows (host, bare / bare, host / ...): a slow spell of the machine lands on both apps alike.
                for (var round = 1; round <= settings.Rounds; round++)
                {
                    foreach (var target in round % 2 == 1 ? targets : targets.Reverse())
                    {
                        var before = otherWork.Take();
                        var (result, cpu) = await load.RunAsync(target.Url, cookie, concurrency, settings.DurationSeconds, target.Cpu);
                        var others = OtherWork.Share(before, otherWork.Take());
                        report.Loads.Add(new LoadFigures(target.Name, concurrency, round, result, cpu, others));
                        Progress($"{target.Name}, {concurrency} connections, round {round}/{settings.Rounds}: {result.RequestsPerSecond:F0} req/s, " +
                            $"p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms, max {result.MaxMs:F0} ms, errors {result.Errors}, server CPU {cpu.TotalSeconds:F1} s, other processes {others:P0} of the CPUs");
                    }
                }
            }

            report.AfterLoad = host.Memory();
            report.TotalTime = total.Elapsed;

            var markdown = report.ToMarkdown();
            Console.WriteLine(markdown);
            var resultsFile = Path.Combine(BuildPaths.RepositoryRoot, "bench", "results.md");
            await File.WriteAllTextAsync(resultsFile, markdown);
            Progress($"written to {resultsFile} ({total.Elapsed.TotalSeconds:F0} s in all)");
            return 0;
        }
        catch (Exception)
        {
            failed = true;
            await Console.Error.WriteLineAsync($"The benchmark failed; its work folder (host logs) is kept: {work}");
            throw;
        }
        finally
        {
            await cluster.StopAsync();
            if (!failed)
            {
                var link = Path.Combine(work, "plugins", "Modular.Modules.Notebook");
                if (Directory.Exists(link))
                {
                    Directory.Delete(link); // the link only, never the built plugin it points at
                }

                TryDelete(work);
            }
        }
    }

    /// <summary>Both endpoints must answer the same JSON, or the comparison means nothing.</summary>
    private static async Task<string> CompareAsync(Uri hostUrl, Uri bareUrl, string cookie, int matters)
    {
        using var client = new HttpClient();
        async Task<byte[]> GetAsync(Uri url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            return response.IsSuccessStatusCode
                ? body
                : throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        }

        var fromHost = await GetAsync(hostUrl);
        var fromBare = await GetAsync(bareUrl);
        var hostJson = JsonNode.Parse(fromHost);
        var count = hostJson is JsonArray array ? array.Count : -1;
        if (count != matters)
        {
            throw new InvalidOperationException($"The host listed {count} matters, expected {matters}.");
        }

        if (fromHost.AsSpan().SequenceEqual(fromBare))
        {
            return $"both answer the same {count} matters, byte for byte ({fromHost.Length:N0} bytes of JSON)";
        }

        return JsonNode.DeepEquals(hostJson, JsonNode.Parse(fromBare))
            ? $"both answer the same {count} matters as JSON (host {fromHost.Length:N0} bytes, bare {fromBare.Length:N0} bytes)"
            : throw new InvalidOperationException("The host and the bare endpoint answer different JSON; the comparison would be meaningless.");
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Progress($"could not delete {folder}: {error.Message}");
        }
    }
}
