using System.Diagnostics;
using System.Globalization;
using Modular.Benchmarks.LegalServices;
using Modular.Benchmarks.OpenGovernment;

namespace Modular.Benchmarks.County;

/// <summary>
/// The county's year page (县级法治办) for a county of 30 townships with ten years of records: every module enabled in
/// every township and each seeded through its own door (legal services' and mediation's registers and the staff roster
/// through their Excel imports, study sessions with their sign-in sheets and publications through the API), then the
/// county's figures of one year, page, API and workbook, one request after another. Writes
/// <c>bench/county-results.md</c>. Nothing is asserted.
/// </summary>
internal static class Program
{
    private const string AdminPassword = "Bench-Admin-Passw0rd";
    private const string UserPassword = "Bench-User-Passw0rd";
    private static readonly string[] Modules = ["legal-services", "mediation", "open-government", "law-study"];

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var townships = BenchRun.Option(args, "--townships", 30);
        var rounds = BenchRun.Option(args, "--rounds", 30);
        var disputes = BenchRun.Option(args, "--disputes-per-year", 100);
        var publications = BenchRun.Option(args, "--publications", 60);
        var powerListYears = BenchRun.Option(args, "--power-list-years", 2);
        if (!Directory.Exists(Path.Combine(BuildPaths.PluginsRoot, "Modular.Modules.LegalServices")))
        {
            await Console.Error.WriteLineAsync("Needs a Release build of this project (it builds the plugins).");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), $"modular-bench-county-{Environment.ProcessId}");
        var (cluster, connectionString, machine) = await BenchRun.StartClusterAsync(work);
        var run = new BenchRun();
        try
        {
            await using var host = await HostProcess.StartAsync(connectionString, BuildPaths.PluginsRoot, AdminPassword, work, "measure", new Dictionary<string, string>());
            var others = new OtherWork(host.ProcessId, Path.Combine(work, "postgres"));
            BenchRun.Progress($"host ready after {host.ReadyAfter.TotalSeconds:F1} s, modules: {string.Join(", ", host.Modules)}");
            var missing = Modules.Except(host.Modules).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Modules not loaded: {string.Join(", ", missing)}\n{host.LogTail()}");
            }

            var slugs = BenchRun.Slugs(townships);
            using var admin = await Client.SignInAsync(host.Address, "admin", AdminPassword);
            await BenchRun.CreateCountyAsync(admin, slugs, Modules);
            await BenchRun.CreateUserAsync(admin, "benchhead", "司法所所长", UserPassword, slugs,
                "legal-services.judicial-office-head", "mediation.center-head", "law-study.study-clerk", "open-government.clerk", "open-government.judicial-office");
            await BenchRun.CreateUserAsync(admin, "benchreviewer", "政务公开审核", UserPassword, slugs, "open-government.reviewer", "open-government.county-approver");
            await admin.SendAsync(HttpMethod.Post, "/api/admin/users", new { userName = "benchcounty", displayName = "县法治办", password = UserPassword });
            await admin.SendAsync(HttpMethod.Put, $"/api/admin/users/benchcounty/counties/{BenchRun.County}", new { });

            using var head = await Client.SignInAsync(host.Address, "benchhead", UserPassword);
            using var clerk = await Api.SignInAsync(host.Address, "benchhead", UserPassword);
            using var reviewer = await Api.SignInAsync(host.Address, "benchreviewer", UserPassword);
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var seed = Stopwatch.StartNew();
            await CountyRegisters.ImportAsync(head, slugs, today);
            var legal = seed.Elapsed;
            BenchRun.Progress($"legal services: {CountyRegisters.Consultations:N0} consultations and {CountyRegisters.Applications:N0} applications in {legal.TotalSeconds:F0} s");
            foreach (var (slug, i) in slugs.Select((s, i) => (s, i)))
            {
                await head.ImportAsync($"/api/t/{slug}/mediation/disputes/import", CountyRecords.DisputeLedger(i, today, disputes));
            }

            var mediation = seed.Elapsed - legal;
            BenchRun.Progress($"mediation: {CountyRecords.Disputes:N0} disputes in {mediation.TotalSeconds:F0} s");
            await Task.WhenAll(slugs.Select((slug, i) => (slug, i)).Chunk((slugs.Count + 3) / 4).Select(part => Task.Run(async () =>
            {
                foreach (var (slug, i) in part)
                {
                    await head.ImportAsync($"/api/t/{slug}/law-study/staff/import", CountyRecords.StaffRoster(i, today, 38));
                    await CountyRecords.StudySessionsAsync(head, slug, today, 12);
                }
            })));
            var study = seed.Elapsed - legal - mediation;
            BenchRun.Progress($"law study: {CountyRecords.Staff:N0} staff, {CountyRecords.Sessions:N0} sessions with their sign-in sheets in {study.TotalSeconds:F0} s");
            foreach (var (slug, i) in slugs.Select((s, i) => (s, i)))
            {
                var drafts = PublicationSeed.Generate(publications, today, $"测试{i + 1}镇", BenchRun.CountyName, out _);
                await PublicationSeed.SeedAsync(clerk, reviewer, slug, drafts, 4, BenchRun.Progress);
                CountyRecords.Published(drafts.Count);
            }

            var lists = new List<PowerListHistory>();
            foreach (var (slug, i) in slugs.Select((s, i) => (s, i)))
            {
                lists.Add(await PowerListSeed.SeedAsync(clerk, reviewer, slug, $"测试{i + 1}镇", powerListYears, today, _ => { }));
            }

            var portal = seed.Elapsed - legal - mediation - study;
            BenchRun.Progress($"open government: {CountyRecords.Publications:N0} publications and {lists.Sum(l => l.Proposals):N0} power-list proposals in {portal.TotalSeconds:F0} s");
            run.Add($"Seeded in {seed.Elapsed.TotalSeconds:F0} s, each module through its own door, in {townships} townships of one county with {string.Join(", ", Modules)} enabled in every one:");
            run.Add("");
            run.Add("| Module | records | through | seconds |");
            run.Add("|---|---|---|---|");
            run.Add($"| legal-services | {CountyRegisters.Consultations:N0} consultations, {CountyRegisters.Applications:N0} legal-aid applications, {today.Year - 9}–{today.Year} | the registers' .xlsx imports | {legal.TotalSeconds:F0} |");
            run.Add($"| mediation | {CountyRecords.Disputes:N0} disputes, {today.Year - 9}–{today.Year} | the dispute ledger's .xlsx import | {mediation.TotalSeconds:F0} |");
            run.Add($"| law-study | {CountyRecords.Staff:N0} staff, {CountyRecords.Sessions:N0} study sessions with sign-in sheets, {today.Year - 9}–{today.Year} | the roster's .xlsx import, the study API | {study.TotalSeconds:F0} |");
            run.Add($"| open-government | {CountyRecords.Publications:N0} publications over five years; power lists of {powerListYears} years: {lists.Sum(l => l.Proposals):N0} proposals, {lists.Sum(l => l.Added + l.Amended):N0} item versions | drafted, submitted, approved through the API; proposed and approved through the API | {portal.TotalSeconds:F0} |");

            using var county = await Client.SignInAsync(host.Address, "benchcounty", UserPassword);
            var year = today.Year - 1;
            var api = $"/api/county/{BenchRun.County}/figures?year={year}";
            var page = $"/county/{BenchRun.County}?year={year}";
            var xlsx = $"/api/county/{BenchRun.County}/figures.xlsx?year={year}";
            var body = await county.GetStringAsync(api);
            run.Add("");
            run.Add($"The year {year}: the API answers {body.Length:N0} bytes of JSON for {townships} townships; `county-01`'s row: {Row(body, "county-01")}.");
            await run.BeginTableAsync("What (one request at a time, after 5 discarded)", "rounds", "p50 ms", "worst ms", "errors", "other work on the machine");
            foreach (var (what, path) in new[] { ("county year page", page), ("county figures API", api), ("county workbook (.xlsx)", xlsx) })
            {
                await county.SequentialAsync([path], 5, others);
                var r = await county.SequentialAsync([path], rounds, others);
                run.Add($"| {what} (`{path}`) | {rounds} | {r.P50:F0} | {r.P99:F0} | {r.Errors} | {r.Others * 100:F0} % of the cores |");
                BenchRun.Progress($"{what}: p50 {r.P50:F0} ms, worst {r.P99:F0} ms, {r.Errors} errors");
            }

            run.EndTable("Errors are answers other than 200.", machine);
        }
        finally
        {
            await cluster.StopAsync();
        }

        await run.WriteAsync("county-results.md", "County view benchmark results", "bench/Modular.Benchmarks.County",
            "One run on one shared machine, never asserted by a test; the real host binary over HTTP, a throw-away PostgreSQL (fsync off).",
            "Each module answers the county with one query per record kind across the townships' tenants (`AcrossTownships`), never one per township.");
        return 0;
    }

    /// <summary>A township's figures as the API gives them, column = value, to show in the results that every module counted.</summary>
    private static string Row(string json, string township)
    {
        var row = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("township").GetString() == township);
        return string.Join(", ", row.GetProperty("values").EnumerateObject().Select(v => $"{v.Name} {v.Value}"));
    }
}
