using System.Diagnostics;
using System.Globalization;
using Modular.Benchmarks.LegalServices;
using Modular.Benchmarks.OpenGovernment;
using Modular.Host.Storage;

namespace Modular.Benchmarks.County;

/// <summary>
/// The county's year page (县级法治办) for a county of 30 townships with ten years of records: every module enabled in
/// every township, legal services seeded through its own Excel imports (ten years of consultations and legal-aid
/// applications), then the county's figures of one year, page and API, one request after another. Writes
/// <c>bench/county-results.md</c>. Nothing is asserted.
/// </summary>
internal static class Program
{
    private const string AdminPassword = "Bench-Admin-Passw0rd";
    private const string UserPassword = "Bench-User-Passw0rd";
    private const string County = "520527";
    private static readonly string[] Modules = ["legal-services", "mediation", "open-government", "law-study"];

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var townships = Option(args, "--townships", 30);
        var rounds = Option(args, "--rounds", 30);
        if (!Directory.Exists(Path.Combine(BuildPaths.PluginsRoot, "Modular.Modules.LegalServices")))
        {
            await Console.Error.WriteLineAsync("Needs a Release build of this project (it builds the plugins).");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), $"modular-bench-county-{Environment.ProcessId}");
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
                await admin.SendAsync(HttpMethod.Post, "/api/admin/townships", new { slug, name = $"测试{i + 1}镇", code = $"{County}{200 + i:D3}000", countyCode = County, countyName = "赫章县" });
                foreach (var module in Modules.Where(m => host.Modules.Contains(m)))
                {
                    await admin.SendAsync(HttpMethod.Put, $"/api/admin/townships/{slug}/modules/{module}", new { enabled = true });
                }
            }

            await admin.SendAsync(HttpMethod.Post, "/api/admin/users", new { userName = "benchhead", displayName = "司法所所长", password = UserPassword });
            await admin.SendAsync(HttpMethod.Put, "/api/admin/users/benchhead/grants", new { grants = slugs.ToDictionary(s => s, _ => new[] { "legal-services.judicial-office-head" }) });
            await admin.SendAsync(HttpMethod.Post, "/api/admin/users", new { userName = "benchcounty", displayName = "县法治办", password = UserPassword });
            await admin.SendAsync(HttpMethod.Put, $"/api/admin/users/benchcounty/counties/{County}", new { });

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
            report.Add($"Seeded through the module's own imports (one .xlsx per register and township): **{CountyRegisters.Consultations:N0} consultations and {CountyRegisters.Applications:N0} legal-aid applications** over {today.Year - 9}–{today.Year} in {townships} townships of one county, with {string.Join(", ", Modules.Where(m => host.Modules.Contains(m)))} enabled in every one (the other modules' figures are asked for as well, over their empty tables).");

            using var county = await Client.SignInAsync(host.Address, "benchcounty", UserPassword);
            var year = today.Year - 1;
            var api = $"/api/county/{County}/figures?year={year}";
            var page = $"/county/{County}?year={year}";
            var xlsx = $"/api/county/{County}/figures.xlsx?year={year}";
            var body = await county.GetStringAsync(api);
            report.Add($"The year {year}: the API answers {body.Length:N0} bytes of JSON for {townships} townships.");
            report.Add("");
            report.Add($"Load before measuring: {Machine.LoadAverage()}, CPU busy {await Machine.CpuBusyPercentAsync():F0} % (2 s sample).");
            report.Add("");
            report.Add("| What (one request at a time, after 5 discarded) | rounds | p50 ms | worst ms | errors | other work on the machine |");
            report.Add("|---|---|---|---|---|---|");
            foreach (var (what, path) in new[] { ("county year page", page), ("county figures API", api), ("county workbook (.xlsx)", xlsx) })
            {
                await county.SequentialAsync([path], 5, others);
                var r = await county.SequentialAsync([path], rounds, others);
                report.Add($"| {what} (`{path}`) | {rounds} | {r.P50:F0} | {r.P99:F0} | {r.Errors} | {r.Others * 100:F0} % of the cores |");
                Progress($"{what}: p50 {r.P50:F0} ms, worst {r.P99:F0} ms, {r.Errors} errors");
            }

            report.Add("");
            report.Add($"Load after measuring: {Machine.LoadAverage()}. Errors are answers other than 200.");
            report.Add("");
            report.Add("| Machine | |");
            report.Add("|---|---|");
            report.AddRange(machine.Select(m => $"| {m.Name} | {m.Value} |"));
        }
        finally
        {
            await cluster.StopAsync();
        }

        var file = Path.Combine(BuildPaths.RepositoryRoot, "bench", "county-results.md");
        await File.WriteAllLinesAsync(file,
        [
            "# County view benchmark results", "",
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/Modular.Benchmarks.County` in {total.Elapsed.TotalSeconds:F0} s.",
            "One run on one shared machine, never asserted by a test; the real host binary over HTTP, a throw-away PostgreSQL (fsync off).",
            "Each module answers the county with one query per record kind across the 30 townships' tenants (`AcrossTownships`), never one per township.", "",
            .. report,
        ]);
        Progress($"wrote {file}");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static void Progress(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
