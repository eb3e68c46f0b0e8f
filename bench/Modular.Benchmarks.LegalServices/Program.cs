using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Modular.Benchmarks.OpenGovernment;
using Modular.Host.Storage;

namespace Modular.Benchmarks.LegalServices;

/// <summary>
/// Measures the legal-services module for a county: 30 townships with ten years of consultations and legal-aid
/// applications imported through the module's own Excel imports, then (a) 16 clerks registering consultations on one
/// township at once, and (b) the due list of one township (page and API) and of all 30 one after another. Writes
/// <c>bench/legal-services-results.md</c>. Nothing is asserted.
/// </summary>
internal static class Program
{
    private const string AdminPassword = "Bench-Admin-Passw0rd";
    private const string UserPassword = "Bench-User-Passw0rd";

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var townships = Option(args, "--townships", 30);
        var seconds = Option(args, "--seconds", 20);
        var clerks = Option(args, "--clerks", 16);
        if (!Wrk.IsInstalled() || !Directory.Exists(Path.Combine(BuildPaths.PluginsRoot, "Modular.Modules.LegalServices")))
        {
            await Console.Error.WriteLineAsync("Needs wrk on the PATH and a Release build of this project (the legal-services plugin).");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), $"modular-bench-legal-{Environment.ProcessId}");
        var cluster = new LocalPostgresCluster(Path.Combine(work, "postgres"), LocalPostgresCluster.FreePort(), durable: false);
        var report = new List<string>();
        var total = Stopwatch.StartNew();
        try
        {
            await cluster.StartAsync("bench");
            var connectionString = cluster.ConnectionString("bench");
            var machine = await Machine.DescribeAsync(connectionString);
            await using var host = await HostProcess.StartAsync(connectionString, BuildPaths.PluginsRoot, AdminPassword, work, "measure", new Dictionary<string, string>());
            var others = new OtherWork(host.ProcessId, Path.Combine(work, "postgres"));
            Progress($"host ready after {host.ReadyAfter.TotalSeconds:F1} s, modules: {string.Join(", ", host.Modules)}");

            var slugs = Enumerable.Range(1, townships).Select(i => $"county-{i:D2}").ToList();
            using var admin = await Client.SignInAsync(host.Address, "admin", AdminPassword);
            foreach (var (slug, i) in slugs.Select((s, i) => (s, i)))
            {
                await admin.SendAsync(HttpMethod.Post, "/api/admin/townships", new { slug, name = $"测试{i + 1}镇", code = $"520527{200 + i:D3}000", countyCode = "520527", countyName = "赫章县" });
                await admin.SendAsync(HttpMethod.Put, $"/api/admin/townships/{slug}/modules/legal-services", new { enabled = true });
            }

            await admin.SendAsync(HttpMethod.Post, "/api/admin/users", new { userName = "benchhead", displayName = "司法所所长", password = UserPassword });
            await admin.SendAsync(HttpMethod.Put, "/api/admin/users/benchhead/grants", new { grants = slugs.ToDictionary(s => s, _ => new[] { "legal-services.judicial-office-head" }) });
            for (var c = 0; c < clerks; c++)
            {
                await admin.SendAsync(HttpMethod.Post, "/api/admin/users", new { userName = $"clerk{c:D2}", displayName = $"窗口{c}", password = UserPassword });
                await admin.SendAsync(HttpMethod.Put, $"/api/admin/users/clerk{c:D2}/grants", new { grants = new Dictionary<string, string[]> { [slugs[0]] = ["legal-services.station-clerk"] } });
            }

            using var head = await Client.SignInAsync(host.Address, "benchhead", UserPassword);
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var seed = Stopwatch.StartNew();
            foreach (var (slug, i) in slugs.Select((s, i) => (s, i)))
            {
                await head.ImportAsync($"/api/t/{slug}/legal-services/consultations/import", CountyRegisters.ConsultationRegister(i, today, 160));
                await head.ImportAsync($"/api/t/{slug}/legal-services/legal-aid/import", CountyRegisters.LegalAidRegister(i, today, 23));
            }

            seed.Stop();
            Progress($"imported {CountyRegisters.Consultations:N0} consultations and {CountyRegisters.Applications:N0} applications in {seed.Elapsed.TotalSeconds:F0} s");
            report.Add($"Seeded through the module's own imports (one .xlsx per register and township): **{CountyRegisters.Consultations:N0} consultations and {CountyRegisters.Applications:N0} legal-aid applications** over {today.Year - 9}–{today.Year} in {townships} townships, in {seed.Elapsed.TotalSeconds:F0} s.");

            var home = await head.GetStringAsync($"/api/t/{slugs[0]}/home");
            report.Add($"The due list of `{slugs[0]}` answers {home.Length:N0} bytes of JSON ({CountItems(home)} due items).");
            report.Add("");
            report.Add($"Load before measuring: {Machine.LoadAverage()}, CPU busy {await Machine.CpuBusyPercentAsync():F0} % (2 s sample).");
            report.Add("");
            report.Add("| What | requests/s | p50 ms | p99 ms | errors | other work on the machine |");
            report.Add("|---|---|---|---|---|---|");

            async Task Wrk(string what, string path)
            {
                var before = others.Take();
                var r = await Modular.Benchmarks.OpenGovernment.Wrk.RunAsync(new Uri(host.Address, path), head.CookieHeader, 16, seconds, null);
                report.Add($"| {what} | {r.RequestsPerSecond:F0} | {r.P50Ms:F0} | {r.P99Ms:F0} | {r.Errors} | {OtherWork.Share(before, others.Take()) * 100:F0} % of the cores |");
                Progress($"{what}: {r.RequestsPerSecond:F0}/s p99 {r.P99Ms:F0} ms");
            }

            await Wrk($"due list API (`/api/t/{slugs[0]}/home`), 16 connections", $"/api/t/{slugs[0]}/home");
            await Wrk($"due list page (`/t/{slugs[0]}/due`), 16 connections", $"/t/{slugs[0]}/due");
            await Wrk($"legal-aid register, waiting on a clock (`?waiting=true`), 16 connections", $"/api/t/{slugs[0]}/legal-services/legal-aid?waiting=true");

            var county = await head.SequentialAsync(slugs.Select(s => $"/api/t/{s}/home").ToList(), rounds: 10, others);
            report.Add($"| the county's due lists: the {townships} townships' `/home` one after another (sum per round), 10 rounds | — | {county.P50:F0} | {county.P99:F0} (max of 10) | {county.Errors} | {county.Others * 100:F0} % of the cores |");

            var register = await Register.RunAsync(host.Address, slugs[0], clerks, UserPassword, seconds, others);
            report.Add($"| consultation registration, {clerks} clerks at once (`POST /api/t/{slugs[0]}/legal-services/consultations`), {seconds} s | {register.PerSecond:F0} | {register.P50:F0} | {register.P99:F0} | {register.Errors} | {register.Others * 100:F0} % of the cores |");
            Progress($"registration: {register.PerSecond:F0}/s p99 {register.P99:F0} ms, {register.Errors} errors");
            report.Add("");
            report.Add($"Load after measuring: {Machine.LoadAverage()}. Errors are answers other than 200 (reads) or 201 (registrations); the host's log says which.");
            report.Add("");
            report.Add("| Machine | |");
            report.Add("|---|---|");
            report.AddRange(machine.Select(m => $"| {m.Name} | {m.Value} |"));
        }
        finally
        {
            await cluster.StopAsync();
        }

        var file = Path.Combine(BuildPaths.RepositoryRoot, "bench", "legal-services-results.md");
        await File.WriteAllLinesAsync(file,
        [
            "# Legal-services benchmark results", "",
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/Modular.Benchmarks.LegalServices` in {total.Elapsed.TotalSeconds:F0} s.",
            "One run on one shared machine, never asserted by a test; the real host binary over HTTP, a throw-away PostgreSQL (fsync off), wrk for the reads.", "",
            .. report,
        ]);
        Progress($"wrote {file}");
        return 0;
    }

    private static int CountItems(string homeJson) => System.Text.Json.JsonDocument.Parse(homeJson).RootElement.GetProperty("dueItems").GetArrayLength();

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static void Progress(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
