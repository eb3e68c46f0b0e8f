using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Modular.Host.Storage;

namespace Modular.Benchmarks;

/// <summary>One start in the start-up run: which build, cold or warm, with how many townships, its time, CPU time until ready and memory.</summary>
internal sealed record StartupSample(string Build, string Kind, int Townships, int Pair, TimeSpan ReadyAfter, TimeSpan Cpu, long RssKib, string? Stages);

/// <summary>
/// <c>--only starts</c>: host starts and nothing else, written to <c>bench/startup-results.md</c> (never
/// <c>bench/results.md</c>). Per pair, on a fresh database: a cold start (demo township only), then for each count of
/// <c>--townships</c> the running host registers townships through the admin API up to that count (every module enabled
/// in each), stops, and is started again warm. With <c>--compare-host</c> a second build (say, main's) takes its turn
/// after each pair of this build's, on a database of its own, so both meet the same spells of a shared machine.
/// </summary>
internal static class StartupRun
{
    public static async Task RunAsync(BenchSettings settings, LocalPostgresCluster cluster, string pluginsPath, string work, string adminPassword, Action<string> progress)
    {
        var builds = new List<(string Name, string Assembly, string Plugins)> { ("this", BuildPaths.HostAssembly, pluginsPath) };
        if (settings.CompareHost is { } other)
        {
            // The sample module (the first root) and the other build's own modules.
            var notebookRoot = pluginsPath.Split(Path.PathSeparator)[0];
            builds.Add(("compared", Path.GetFullPath(other), settings.ComparePlugins is { } theirs ? notebookRoot + Path.PathSeparator + theirs : pluginsPath));
        }

        var samples = new List<StartupSample>();
        var loadBefore = LoadAverage();
        var started = DateTimeOffset.UtcNow;
        for (var pair = 1; pair <= settings.Starts; pair++)
        {
            foreach (var (name, assembly, plugins) in builds)
            {
                var database = $"starts{pair}{(name == "compared" ? "b" : "a")}";
                await cluster.StartAsync(database);
                var connectionString = cluster.ConnectionString(database);
                var host = await StartAsync(connectionString, assembly, plugins, work, $"{name}-cold{pair}", settings, adminPassword);
                Record(samples, new StartupSample(name, "cold", 1, pair, host.ReadyAfter, host.CpuUntilReady, host.Memory().Rss, host.StartupStages()), progress);
                var townships = 1;
                foreach (var wanted in settings.Townships)
                {
                    if (wanted > townships)
                    {
                        progress($"  {name}: registering townships {townships + 1}..{wanted} through the admin API");
                        await AddTownshipsAsync(host.Address, adminPassword, townships, wanted, host.Modules);
                        townships = wanted;
                    }

                    await host.DisposeAsync();
                    host = await StartAsync(connectionString, assembly, plugins, work, $"{name}-warm{pair}-{townships}", settings, adminPassword);
                    Record(samples, new StartupSample(name, "warm", townships, pair, host.ReadyAfter, host.CpuUntilReady, host.Memory().Rss, host.StartupStages()), progress);
                }

                await host.DisposeAsync();
            }
        }

        var markdown = ToMarkdown(settings, samples, builds, loadBefore, LoadAverage(), started, pluginsPath);
        Console.WriteLine(markdown);
        var file = Path.Combine(BuildPaths.RepositoryRoot, "bench", "startup-results.md");
        await File.WriteAllTextAsync(file, KeepFindings(file, markdown));
        progress($"written to {file}");
    }

    private static Task<HostProcess> StartAsync(string connectionString, string assembly, string plugins, string work, string name, BenchSettings settings, string adminPassword)
    {
        var environment = new Dictionary<string, string>(settings.HostEnvironment, StringComparer.Ordinal);
        if (!settings.Demo)
        {
            environment["Modular__Demo"] = "false";
        }

        return HostProcess.StartAsync(connectionString, plugins, adminPassword, work, name, environment, assembly);
    }

    private static void Record(List<StartupSample> samples, StartupSample sample, Action<string> progress)
    {
        samples.Add(sample);
        progress($"{sample.Build}, pair {sample.Pair}, {sample.Kind} with {sample.Townships} township(s): ready after {sample.ReadyAfter.TotalMilliseconds:F0} ms, CPU {sample.Cpu.TotalMilliseconds:F0} ms, VmRSS {sample.RssKib / 1024} MiB");
        if (sample.Stages is { } stages)
        {
            progress($"  {stages}");
        }
    }

    /// <summary>Townships <c>from + 1</c> to <c>to</c>, each with every loaded module enabled, as an administrator registers them.</summary>
    private static async Task AddTownshipsAsync(Uri host, string adminPassword, int from, int to, IReadOnlyList<string> modules)
    {
        var cookies = new CookieContainer();
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = host };
        await ExpectAsync(await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = adminPassword }), HttpStatusCode.NoContent);
        for (var i = from + 1; i <= to; i++)
        {
            var slug = string.Create(CultureInfo.InvariantCulture, $"bench-{i:D3}");
            var code = string.Create(CultureInfo.InvariantCulture, $"520527{300 + i:D3}000");
            await ExpectAsync(await admin.PostAsJsonAsync("/api/admin/townships",
                new { slug, name = $"基准{i:D3}镇", code, countyCode = "520527", countyName = "赫章县" }), HttpStatusCode.Created);
            foreach (var module in modules)
            {
                await ExpectAsync(await admin.PutAsJsonAsync($"/api/admin/townships/{slug}/modules/{module}", new { enabled = true }), HttpStatusCode.OK);
            }
        }
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException(
                    $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static string LoadAverage() => string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string ToMarkdown(BenchSettings settings, List<StartupSample> samples, List<(string Name, string Assembly, string Plugins)> builds,
        string loadBefore, string loadAfter, DateTimeOffset started, string pluginsPath)
    {
        var md = new StringBuilder();
        var arguments = string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        md.AppendLine("## Measured").AppendLine();
        md.AppendLine($"{started:yyyy-MM-dd HH:mm} UTC, `flock -o /work/bench.lock dotnet run -c Release --project bench/Modular.Benchmarks -- {arguments}`,")
            .AppendLine($"in {(DateTimeOffset.UtcNow - started).TotalSeconds:F0} s. Load average (1 / 5 / 15 min) before: {loadBefore}; after: {loadAfter} ({Environment.ProcessorCount} CPUs).")
            .AppendLine($"Demo {(settings.Demo ? "on" : "off")}. Builds: {string.Join("; ", builds.Select(b => $"{b.Name} = `{b.Assembly}` with plugins `{b.Plugins}`"))}.")
            .AppendLine($"Modules: every plugin under `{pluginsPath}`. Median (range) over {settings.Starts} pair(s); each pair on a fresh database.").AppendLine();
        md.AppendLine("| Build | Start | Townships | Start → ready | Host CPU until ready | VmRSS after start |").AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => (s.Build, s.Kind, s.Townships)))
        {
            var times = group.Select(s => s.ReadyAfter.TotalSeconds).ToList();
            var cpu = group.Select(s => s.Cpu.TotalSeconds).ToList();
            var rss = group.Select(s => s.RssKib / 1024.0).ToList();
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Build} | {group.Key.Kind} | {group.Key.Townships} | {Stats.Median(times):F2} s ({times.Min():F2}–{times.Max():F2}) | {Stats.Median(cpu):F2} s ({cpu.Min():F2}–{cpu.Max():F2}) | {Stats.Median(rss):F0} MiB ({rss.Min():F0}–{rss.Max():F0}) |"));
        }

        md.AppendLine().AppendLine("The host's own start-up summary (its log line `Started in …`), last pair; stages in ms, side-by-side stages overlap:").AppendLine();
        foreach (var sample in samples.Where(s => s.Pair == settings.Starts && s.Stages is not null))
        {
            md.AppendLine($"- {sample.Build}, {sample.Kind}, {sample.Townships} township(s): {sample.Stages}");
        }

        return md.ToString();
    }

    /// <summary>The file's hand-written part (everything above "## Measured") stays; the measured part is replaced.</summary>
    private static string KeepFindings(string file, string measured)
    {
        const string Marker = "## Measured";
        var existing = File.Exists(file) ? File.ReadAllText(file) : "# Start-up time and memory\n\n";
        var at = existing.IndexOf(Marker, StringComparison.Ordinal);
        return (at >= 0 ? existing[..at] : existing.TrimEnd() + "\n\n") + measured;
    }
}
