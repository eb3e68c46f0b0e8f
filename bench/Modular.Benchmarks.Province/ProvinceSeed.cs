using System.Collections.Concurrent;
using System.Diagnostics;
using Modular.Benchmarks.County;
using Modular.Benchmarks.LegalServices;
using Modular.Benchmarks.OpenGovernment;

namespace Modular.Benchmarks.Province;

internal sealed record ProvinceCounty(int Index, string Code, string Name);

internal sealed record ProvinceTownship(int Index, string Slug, string Name, string Code, ProvinceCounty County);

/// <summary>What a township does in a year, at the benchmark's volumes (the options), and how it is split over the hosts.</summary>
internal sealed record YearVolumes(int Consultations, int LegalAid, int Disputes, int Staff, int Sessions, int Publications);

/// <summary>
/// The province: counties of <c>perCounty</c> townships (codes 520541 on, next to the demo's 赫章县 520527 and never
/// it), each township registered by the platform admin with every module enabled, a judicial office head and a
/// reviewer per county holding their roles in the county's townships, and a year of each township's work entered
/// through the modules' own doors: the legal-services registers, the dispute ledger and the staff roster through their
/// .xlsx imports, study sessions with their sign-in sheets and publications (drafted, submitted, approved) through the API.
/// </summary>
internal sealed class ProvinceSeed(IReadOnlyList<Uri> hosts, Client admin, int perCounty, YearVolumes volumes, string password, DateOnly today)
{
    private static readonly string[] Modules = ["legal-services", "mediation", "open-government", "law-study"];
    private readonly ConcurrentDictionary<string, Lazy<Task<(Client Head, Api Clerk, Api Reviewer)>>> _signedIn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Client Head, Api Clerk, Api Reviewer)> _onHost = new(StringComparer.Ordinal);
    private readonly HashSet<string> _countyUsers = [];
    private readonly ConcurrentDictionary<string, long[]> _steps = new(StringComparer.Ordinal);

    public static ProvinceCounty CountyAt(int index) => new(index, $"5205{41 + index:D2}", $"模拟{index + 1}县");

    public ProvinceTownship TownshipAt(int index)
    {
        var county = CountyAt(index / perCounty);
        var n = index % perCounty;
        return new ProvinceTownship(index, $"prov-{index + 1:D4}", $"{county.Name}{n + 1}镇", $"{county.Code}{100 + n:D3}000", county);
    }

    /// <summary>
    /// Registers townships <paramref name="from"/> to <paramref name="to"/> (exclusive) with four admin requests in flight,
    /// and returns every township's registration and enablement times, then gives the counties they belong to their
    /// head and reviewer (created once, granted the county's townships so far) and the province office their codes.
    /// </summary>
    public async Task<(List<double> CreateMs, List<double> EnableMs, TimeSpan Users)> RegisterAsync(int from, int to, string provinceUser)
    {
        var created = new ConcurrentBag<double>();
        var enabled = new ConcurrentBag<double>();
        var next = from - 1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < to)
            {
                var t = TownshipAt(i);
                var (c, e) = await BenchRun.CreateTownshipAsync(admin, t.Slug, t.Name, t.Code, t.County.Code, t.County.Name, Modules);
                created.Add(c.TotalMilliseconds);
                enabled.Add(e.TotalMilliseconds);
            }
        })));

        var clock = Stopwatch.StartNew();
        foreach (var county in Enumerable.Range(from, to - from).Select(i => TownshipAt(i).County).DistinctBy(c => c.Index))
        {
            var slugs = Enumerable.Range(county.Index * perCounty, perCounty).Where(i => i < to).Select(i => TownshipAt(i).Slug).ToList();
            var (head, reviewer) = Users(county);
            if (_countyUsers.Add(county.Code))
            {
                await admin.SendAsync(HttpMethod.Post, "/api/admin/users", new { userName = head, displayName = $"{county.Name}司法所所长", password });
                await admin.SendAsync(HttpMethod.Post, "/api/admin/users", new { userName = reviewer, displayName = $"{county.Name}政务公开审核", password });
                await admin.SendAsync(HttpMethod.Put, $"/api/admin/users/{provinceUser}/counties/{county.Code}", new { });
            }

            await admin.SendAsync(HttpMethod.Put, $"/api/admin/users/{head}/grants", new
            {
                grants = slugs.ToDictionary(s => s, _ => new[] { "legal-services.judicial-office-head", "mediation.center-head", "law-study.study-clerk", "open-government.clerk", "open-government.judicial-office" }),
            });
            await admin.SendAsync(HttpMethod.Put, $"/api/admin/users/{reviewer}/grants", new
            {
                grants = slugs.ToDictionary(s => s, _ => new[] { "open-government.reviewer", "open-government.county-approver" }),
            });
        }

        return ([.. created], [.. enabled], clock.Elapsed);
    }

    /// <summary>
    /// A year of one township's work through host <paramref name="host"/> (the records are counted by the generators:
    /// <see cref="Records"/>).
    /// </summary>
    public async Task YearAsync(ProvinceTownship t, int host)
    {
        var (head, clerk, reviewer) = await SignedInAsync(t.County, host);
        await TimedAsync("legal-services: consultation register import", () => head.ImportAsync($"/api/t/{t.Slug}/legal-services/consultations/import",
            CountyRegisters.ConsultationRegister(t.Index, today, volumes.Consultations, years: 1)));
        await TimedAsync("legal-services: legal-aid register import", () => head.ImportAsync($"/api/t/{t.Slug}/legal-services/legal-aid/import",
            CountyRegisters.LegalAidRegister(t.Index, today, volumes.LegalAid, years: 1)));
        await TimedAsync("mediation: dispute ledger import", () => head.ImportAsync($"/api/t/{t.Slug}/mediation/disputes/import",
            CountyRecords.DisputeLedger(t.Index, today, volumes.Disputes, years: 1)));
        await TimedAsync("law-study: staff roster import", () => head.ImportAsync($"/api/t/{t.Slug}/law-study/staff/import", CountyRecords.StaffRoster(t.Index, today, volumes.Staff)));
        await TimedAsync("law-study: study sessions and sign-in sheets (API)", () => CountyRecords.StudySessionsAsync(head, t.Slug, today, volumes.Sessions, years: 1));

        // The publications generator spreads its drafts over five years: five times as many, this year's kept.
        var drafts = PublicationSeed.Generate(volumes.Publications * 5, today, t.Name, t.County.Name, out _)
            .Where(d => d.MadeOn.Year == today.Year).Take(volumes.Publications).ToList();
        await TimedAsync("open-government: publications drafted, submitted, approved (API)", () => PublicationSeed.SeedAsync(clerk, reviewer, t.Slug, drafts, 1, _ => { }));
        CountyRecords.Published(drafts.Count);
    }

    /// <summary>The time each step took, summed over the townships seeded since the last call, and forgotten.</summary>
    public IReadOnlyList<(string Step, TimeSpan Total)> TakeStepTimes()
    {
        var taken = _steps.Select(s => (s.Key, TimeSpan.FromTicks(Interlocked.Exchange(ref s.Value[0], 0)))).ToList();
        return taken;
    }

    private async Task TimedAsync(string step, Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        Interlocked.Add(ref _steps.GetOrAdd(step, _ => new long[1])[0], clock.Elapsed.Ticks);
    }

    /// <summary>Every record generated so far: register rows, disputes, staff, study sessions, publications.</summary>
    public static long Records => (long)CountyRegisters.Consultations + CountyRegisters.Applications + CountyRecords.Disputes + CountyRecords.Staff + CountyRecords.Sessions + CountyRecords.Publications;

    private static (string Head, string Reviewer) Users(ProvinceCounty county) => ($"head-{county.Code}", $"review-{county.Code}");

    /// <summary>The county's head (as a register client and as an API client) and reviewer, signed in once and used on any host.</summary>
    private async Task<(Client Head, Api Clerk, Api Reviewer)> SignedInAsync(ProvinceCounty county, int host)
    {
        var first = await _signedIn.GetOrAdd(county.Code, _ => new Lazy<Task<(Client, Api, Api)>>(async () =>
        {
            var (head, reviewer) = Users(county);
            return (await Client.SignInAsync(hosts[0], head, password), await Api.SignInAsync(hosts[0], head, password), await Api.SignInAsync(hosts[0], reviewer, password));
        })).Value;
        return host == 0 ? first : _onHost.GetOrAdd($"{county.Code}@{host}", _ => (first.Head.On(hosts[host]), first.Clerk.On(hosts[host]), first.Reviewer.On(hosts[host])));
    }
}
