using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Caching;
using Modular.Host.Storage;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// Two real hosts on one database, on a cluster of this class's own (one test restarts it): a change made through one
/// is seen through the other well within its caches' lifetimes (5 s for townships and users, 30 s for sessions, 60 s
/// for public pages), because the change is announced over PostgreSQL's LISTEN/NOTIFY; failed sign-ins through both
/// count as one; and the channel comes back by itself after PostgreSQL restarts.
/// </summary>
public sealed class ScaleOutTests(ScaleOutTests.TwoHosts hosts, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ScaleOutTests.TwoHosts>
{
    /// <summary>Below every cache's own lifetime, so only the announcement can make the change visible in time.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_township_renamed_through_one_host_is_seen_by_the_other()
    {
        var (adminA, adminB) = (await hosts.A.AdminClientAsync(), await hosts.B.AdminClientAsync());
        var slug = await Scenario.CreateTownshipAsync(adminA, Notebook.Id);
        Assert.NotEqual("新名镇", await NameAsync(adminB, slug)); // B now holds the township in its cache

        var renamed = await adminA.PutAsJsonAsync($"/api/admin/townships/{slug}/name", new { name = "新名镇" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        Assert.True(await EventuallyAsync(async () => await NameAsync(adminB, slug) == "新名镇"), "host B still shows the old name");
    }

    [Fact]
    public async Task A_module_disabled_through_one_host_is_refused_by_the_other()
    {
        var (adminA, slug, _) = await hosts.A.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        var clerkB = await hosts.B.SignedInClientAsync(await Scenario.CreateUserAsync(adminA, slug, Notebook.Clerk), Scenario.Password);
        Assert.Equal(HttpStatusCode.OK, (await clerkB.GetAsync(Notebook.Matters(slug))).StatusCode);

        await Scenario.SetModuleAsync(adminA, slug, Notebook.Id, enabled: false);

        Assert.True(await EventuallyAsync(async () => (await clerkB.GetAsync(Notebook.Matters(slug))).StatusCode == HttpStatusCode.NotFound),
            "host B still serves the disabled module");
    }

    [Fact]
    public async Task A_role_taken_away_through_one_host_is_no_longer_honoured_by_the_other()
    {
        var adminA = await hosts.A.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(adminA, Notebook.Id);
        var name = await Scenario.CreateUserAsync(adminA, slug, Notebook.Clerk);
        var clerkB = await hosts.B.SignedInClientAsync(name, Scenario.Password);
        Assert.Equal(HttpStatusCode.OK, (await clerkB.GetAsync(Notebook.Matters(slug))).StatusCode);

        var taken = await adminA.PutAsJsonAsync($"/api/admin/users/{name}/grants", new { grants = new Dictionary<string, string[]> { [slug] = [] } });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);

        Assert.True(await EventuallyAsync(async () => (await clerkB.GetAsync(Notebook.Matters(slug))).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound),
            "host B still lets the user in");
    }

    [Fact]
    public async Task A_session_signed_out_through_one_host_is_refused_by_the_other()
    {
        var cookie = await hosts.A.SessionCookieAsync();
        Assert.Equal(HttpStatusCode.OK, (await hosts.B.SendWithCookieAsync(HttpMethod.Get, "/api/auth/me", cookie)).StatusCode);

        Assert.True((await hosts.A.SendWithCookieAsync(HttpMethod.Post, "/api/auth/logout", cookie)).IsSuccessStatusCode);

        Assert.True(await EventuallyAsync(async () => (await hosts.B.SendWithCookieAsync(HttpMethod.Get, "/api/auth/me", cookie)).StatusCode == HttpStatusCode.Unauthorized),
            "host B still accepts the ended session");
    }

    [Fact]
    public async Task Something_published_through_one_host_shows_on_the_other_hosts_cached_public_pages()
    {
        var (_, slug, clerkA) = await hosts.A.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        var visitorB = hosts.B.AnonymousClient();
        Assert.Equal(0, await RecordedAsync(visitorB, slug)); // now in B's output cache for a minute

        await Notebook.OpenMatterAsync(clerkA, slug, "两台主机", Notebook.Today(hosts.A));

        Assert.True(await EventuallyAsync(async () => await RecordedAsync(visitorB, slug) == 1), "host B still serves the cached public answer");
    }

    [Fact]
    public async Task Wrong_passwords_spread_over_both_hosts_lock_the_account_as_one_count()
    {
        var adminA = await hosts.A.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(adminA, Notebook.Id);
        var name = await Scenario.CreateUserAsync(adminA, slug, Notebook.Clerk);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await LoginAsync(i % 2 == 0 ? hosts.A : hosts.B, name, "wrong-Passw0rd"));
        }

        // Five in a row from one address lock it (the default threshold), though neither host saw more than three.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), (HttpStatusCode)423], answers);
        Assert.Equal((HttpStatusCode)423, await LoginAsync(hosts.A, name, Scenario.Password));
        Assert.Equal((HttpStatusCode)423, await LoginAsync(hosts.B, name, Scenario.Password));
    }

    [Fact]
    public async Task Wrong_passwords_at_the_same_moment_on_both_hosts_still_lock_the_account()
    {
        var adminA = await hosts.A.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(adminA, Notebook.Id);
        var name = await Scenario.CreateUserAsync(adminA, slug, Notebook.Clerk);

        // Twice the threshold at once: however the counts interleave, a run that reached the threshold locks.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => LoginAsync(i % 2 == 0 ? hosts.A : hosts.B, name, "wrong-Passw0rd"))));

        Assert.Equal((HttpStatusCode)423, await LoginAsync(hosts.A, name, Scenario.Password));
        Assert.Equal((HttpStatusCode)423, await LoginAsync(hosts.B, name, Scenario.Password));
    }

    [Fact]
    public async Task Failure_counts_quiet_for_a_day_are_forgotten_and_running_locks_are_kept()
    {
        var adminA = await hosts.A.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(adminA, Notebook.Id);
        var (once, locked) = (await Scenario.CreateUserAsync(adminA, slug, Notebook.Clerk), await Scenario.CreateUserAsync(adminA, slug, Notebook.Clerk));
        var locks = hosts.A.Services.GetRequiredService<Identity.SignIn.SignInLocks>();
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(hosts.A, once, "wrong-Passw0rd"));
        var later = locks.ForgetAfter + TimeSpan.FromMinutes(1);
        hosts.A.Clock.Advance(later);
        try
        {
            for (var i = 0; i < 5; i++)
            {
                await LoginAsync(hosts.A, locked, "wrong-Passw0rd");
            }

            await locks.ForgetStaleAsync(CancellationToken.None);
        }
        finally
        {
            hosts.A.Clock.Advance(-later); // the other tests sign in on one host and are checked on the other
        }

        await using var session = hosts.A.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var rows = await Marten.QueryableExtensions.ToListAsync(
            session.Query<Identity.SignIn.SignInLock>().Where(l => l.UserName == once.ToLowerInvariant() || l.UserName == locked.ToLowerInvariant()));
        Assert.Equal([locked.ToLowerInvariant()], rows.Select(r => r.UserName));
    }

    [Fact]
    public async Task The_channel_comes_back_after_postgresql_restarts_and_changes_are_seen_again()
    {
        var listenerA = hosts.A.Services.GetRequiredService<CacheInvalidationListener>();
        var listenerB = hosts.B.Services.GetRequiredService<CacheInvalidationListener>();
        var (connectionsA, connectionsB) = (listenerA.Connections, listenerB.Connections);

        await hosts.Cluster.StopAsync();
        await hosts.Cluster.StartAsync("scale");

        Assert.True(await EventuallyAsync(() => Task.FromResult(listenerA.Connections > connectionsA && listenerB.Connections > connectionsB), TimeSpan.FromSeconds(30)),
            "a listener did not reconnect after the restart");
        var (_, slug, clerkA) = await hosts.A.TownshipWithUserAsync([Notebook.Id], Notebook.Clerk);
        var visitorB = hosts.B.AnonymousClient();
        Assert.Equal(0, await RecordedAsync(visitorB, slug));
        await Notebook.OpenMatterAsync(clerkA, slug, "重启之后", Notebook.Today(hosts.A));
        Assert.True(await EventuallyAsync(async () => await RecordedAsync(visitorB, slug) == 1), "host B no longer hears announcements");
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the bound passes; writes how long it took to the test output (a measurement, not asserted).</summary>
    private async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? bound = null, [System.Runtime.CompilerServices.CallerMemberName] string caller = "")
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var until = DateTime.UtcNow + (bound ?? Bound);
        while (true)
        {
            if (await condition())
            {
                output.WriteLine($"{caller}: seen after {watch.ElapsedMilliseconds} ms");
                return true;
            }

            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<string?> NameAsync(HttpClient admin, string slug) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("township").GetProperty("name").GetString();

    private static async Task<int> RecordedAsync(HttpClient client, string slug) =>
        (await client.GetFromJsonAsync<JsonElement>(Notebook.PublicSummary(slug))).GetProperty("recorded").GetInt32();

    private static async Task<HttpStatusCode> LoginAsync(PlatformFactory host, string userName, string password)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        return (await client.PostAsJsonAsync("/api/auth/login", new { userName, password })).StatusCode;
    }

    /// <summary>A cluster of the class's own and two hosts on its one database, with one key-encryption key between them.</summary>
    public sealed class TwoHosts : IAsyncLifetime
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), $"modular-scale-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);

        public LocalPostgresCluster Cluster { get; private set; } = null!;

        public PlatformFactory A { get; private set; } = null!;

        public PlatformFactory B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Cluster = new LocalPostgresCluster(_folder, LocalPostgresCluster.FreePort(), durable: false);
            await Cluster.StartAsync("scale");
            var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            A = new PlatformFactory(TestPlugins.NotebookRoot, database: Cluster.ConnectionString("scale")) { KeyEncryptionKey = key };
            await A.InitializeAsync();
            B = new PlatformFactory(TestPlugins.NotebookRoot, database: Cluster.ConnectionString("scale")) { KeyEncryptionKey = key };
            await B.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Cluster.StopAsync();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left in /tmp: harmless.
            }
        }
    }
}
