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
        var townships = BenchRun.Option(args, "--townships", 30);
        var seconds = BenchRun.Option(args, "--seconds", 20);
        var clerks = BenchRun.Option(args, "--clerks", 16);
        if (!Wrk.IsInstalled() || !Directory.Exists(Path.Combine(BuildPaths.PluginsRoot, "Modular.Modules.LegalServices")))
        {
            await Console.Error.WriteLineAsync("Needs wrk on the PATH and a Release build of this project (the legal-services plugin).");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), $"modular-bench-legal-{Environment.ProcessId}");
        var cluster = new LocalPostgresCluster(Path.Combine(work, "postgres"), LocalPostgresCluster.FreePort(), durable: false);
        var run = new BenchRun();
        try
        {
            await cluster.StartAsync("bench");
            var connectionString = cluster.ConnectionString("bench");
            var machine = await Machine.DescribeAsync(connectionString);
            await using var host = await HostProcess.StartAsync(connectionString, BuildPaths.PluginsRoot, AdminPassword, work, "measure", new Dictionary<string, string>());
            var others = new OtherWork(host.ProcessId, Path.Combine(work, "postgres"));
            BenchRun.Progress($"host ready after {host.ReadyAfter.TotalSeconds:F1} s, modules: {string.Join(", ", host.Modules)}");

            var slugs = BenchRun.Slugs(townships);
            using var admin = await Client.SignInAsync(host.Address, "admin", AdminPassword);
            await BenchRun.CreateCountyAsync(admin, slugs, ["legal-services"]);
            await BenchRun.CreateUserAsync(admin, "benchhead", "司法所所长", UserPassword, slugs, "legal-services.judicial-office-head");
            for (var c = 0; c < clerks; c++)
            {
                await BenchRun.CreateUserAsync(admin, $"clerk{c:D2}", $"窗口{c}", UserPassword, [slugs[0]], "legal-services.station-clerk");
            }

            using var head = await Client.SignInAsync(host.Address, "benchhead", UserPassword);
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var seed = Stopwatch.StartNew();
            await CountyRegisters.ImportAsync(head, slugs, today);
            seed.Stop();
            BenchRun.Progress($"imported {CountyRegisters.Consultations:N0} consultations and {CountyRegisters.Applications:N0} applications in {seed.Elapsed.TotalSeconds:F0} s");
            run.Add($"Seeded through the module's own imports (one .xlsx per register and township): **{CountyRegisters.Consultations:N0} consultations and {CountyRegisters.Applications:N0} legal-aid applications** over {today.Year - 9}–{today.Year} in {townships} townships, in {seed.Elapsed.TotalSeconds:F0} s.");

            var home = await head.GetStringAsync($"/api/t/{slugs[0]}/home");
            run.Add($"The due list of `{slugs[0]}` answers {home.Length:N0} bytes of JSON ({CountItems(home)} due items).");
            await run.BeginTableAsync("What", "requests/s", "p50 ms", "p99 ms", "errors", "other work on the machine");

            async Task Wrk(string what, string path)
            {
                var before = others.Take();
                var r = await Modular.Benchmarks.OpenGovernment.Wrk.RunAsync(new Uri(host.Address, path), head.CookieHeader, 16, seconds, null);
                run.Add($"| {what} | {r.RequestsPerSecond:F0} | {r.P50Ms:F0} | {r.P99Ms:F0} | {r.Errors} | {OtherWork.Share(before, others.Take()) * 100:F0} % of the cores |");
                BenchRun.Progress($"{what}: {r.RequestsPerSecond:F0}/s p99 {r.P99Ms:F0} ms");
            }

            await Wrk($"due list API (`/api/t/{slugs[0]}/home`), 16 connections", $"/api/t/{slugs[0]}/home");
            await Wrk($"due list page (`/t/{slugs[0]}/due`), 16 connections", $"/t/{slugs[0]}/due");
            await Wrk($"legal-aid register, waiting on a clock (`?waiting=true`), 16 connections", $"/api/t/{slugs[0]}/legal-services/legal-aid?waiting=true");

            var county = await head.SequentialAsync(slugs.Select(s => $"/api/t/{s}/home").ToList(), rounds: 10, others);
            run.Add($"| the county's due lists: the {townships} townships' `/home` one after another (sum per round), 10 rounds | — | {county.P50:F0} | {county.P99:F0} (max of 10) | {county.Errors} | {county.Others * 100:F0} % of the cores |");

            var register = await Register.RunAsync(host.Address, slugs[0], clerks, UserPassword, seconds, others);
            run.Add($"| consultation registration, {clerks} clerks at once (`POST /api/t/{slugs[0]}/legal-services/consultations`), {seconds} s | {register.PerSecond:F0} | {register.P50:F0} | {register.P99:F0} | {register.Errors} | {register.Others * 100:F0} % of the cores |");
            BenchRun.Progress($"registration: {register.PerSecond:F0}/s p99 {register.P99:F0} ms, {register.Errors} errors");
            run.EndTable("Errors are answers other than 200 (reads) or 201 (registrations); the host's log says which.", machine);
        }
        finally
        {
            await cluster.StopAsync();
        }

        await run.WriteAsync("legal-services-results.md", "Legal-services benchmark results", "bench/Modular.Benchmarks.LegalServices",
            "One run on one shared machine, never asserted by a test; the real host binary over HTTP, a throw-away PostgreSQL (fsync off), wrk for the reads.");
        return 0;
    }

    private static int CountItems(string homeJson) => System.Text.Json.JsonDocument.Parse(homeJson).RootElement.GetProperty("dueItems").GetArrayLength();
}
