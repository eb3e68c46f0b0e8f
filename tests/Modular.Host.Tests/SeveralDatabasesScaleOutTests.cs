using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Caching;
using Modular.Testing;
using Npgsql;

namespace Modular.Host.Tests;

/// <summary>
/// Two real hosts on the same platform database and the same township database (issue 14): a change of a township on
/// the township database queues its notification in that database's transaction, and the other host hears it because
/// every host listens in every database it serves (shown on the mediation ledger's counts, the bug's symptom, and on a
/// township cache entry directly); a listening connection to the township database that is lost makes
/// <c>/health/ready</c>'s <c>cache-invalidation</c> check unhealthy, naming the database, until it is back.
/// </summary>
public sealed class SeveralDatabasesScaleOutTests(SeveralDatabasesScaleOutTests.TwoHosts hosts, Xunit.Abstractions.ITestOutputHelper output)
    : IClassFixture<SeveralDatabasesScaleOutTests.TwoHosts>
{
    /// <summary>Well below a township cache entry's lifetime, so only the announcement can empty it in time.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_change_committed_in_a_township_database_through_one_host_empties_the_other_hosts_cache()
    {
        var slug = await TownshipOnNorthAsync();
        await AnnouncedOnAIsHeardOnBAsync(slug);
    }

    [Fact]
    public async Task A_household_registered_through_one_host_is_counted_in_the_other_hosts_ledger()
    {
        var slug = await TownshipOnNorthAsync();
        var name = await Scenario.CreateUserAsync(await hosts.A.AdminClientAsync(), slug, "mediation.household-registrar");
        var (registrarA, registrarB) = (await hosts.A.SignedInClientAsync(name, Scenario.Password), await hosts.B.SignedInClientAsync(name, Scenario.Password));
        Assert.Equal(0, await HouseholdsAsync(registrarB, slug)); // B now keeps the ledger's counts for a minute

        var head = new Dictionary<string, object?>
        {
            ["name"] = "张三",
            ["relation"] = "Head",
            ["idNumber"] = Identities.IdNumber(),
            ["phone"] = "13987654321",
            ["education"] = "JuniorHigh",
            ["occupation"] = "务农",
            ["maritalStatus"] = "Married",
            ["incomeBand"] = "Under30000",
            ["specialGroups"] = Array.Empty<string>(),
        };
        var registered = await registrarA.PostAsJsonAsync($"/api/t/{slug}/mediation/households", new { village = "双河村", group = "三组", address = "贵州省毕节市赫章县野马川镇双河村三组17号", head });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());

        Assert.Equal(1, await HouseholdsAsync(registrarA, slug));
        Assert.True(await EventuallyAsync(async () => await HouseholdsAsync(registrarB, slug) == 1), "host B still counts the township's households from before");
    }

    [Fact]
    public async Task A_terminated_listening_connection_to_a_township_database_makes_the_check_unhealthy_until_it_is_back()
    {
        var slug = await TownshipOnNorthAsync();
        var listenerB = hosts.B.Services.GetRequiredService<CacheInvalidationListener>();
        var before = listenerB.ConnectionsTo("north");
        var north = new NpgsqlConnectionStringBuilder(hosts.North).Database!;
        var listener = $"{CacheInvalidationListener.ApplicationName}-north";

        // No reconnection can succeed while the database refuses connections, so the unhealthy state lasts to be seen.
        await ExecuteAsync($"alter database \"{north}\" allow_connections false");
        try
        {
            await ExecuteAsync($"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{north}' and application_name = '{listener}'");
            var away = await CheckAsync(c => c.GetProperty("status").GetString() == "Unhealthy");
            Assert.Equal("not listening", away.GetProperty("data").GetProperty("north").GetString());
            Assert.Equal("listening", away.GetProperty("data").GetProperty("platform").GetString());
            Assert.Contains("north", away.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await ExecuteAsync($"alter database \"{north}\" allow_connections true");
        }

        var back = await CheckAsync(c => c.GetProperty("status").GetString() == "Healthy", TimeSpan.FromSeconds(30));
        Assert.Equal("listening", back.GetProperty("data").GetProperty("north").GetString());
        Assert.True(listenerB.ConnectionsTo("north") > before);
        await AnnouncedOnAIsHeardOnBAsync(slug);
    }

    /// <summary>B holds an entry of <paramref name="slug"/>'s township cache; A announces its change in a session of the township database.</summary>
    private async Task AnnouncedOnAIsHeardOnBAsync(string slug)
    {
        var key = $"test.{Guid.NewGuid():N}";
        var entry = TownshipCache.EntryKey(slug, key);
        var (memoryA, memoryB) = (hosts.A.Services.GetRequiredService<IMemoryCache>(), hosts.B.Services.GetRequiredService<IMemoryCache>());
        memoryA.Set(entry, "old", TimeSpan.FromMinutes(5));
        memoryB.Set(entry, "old", TimeSpan.FromMinutes(5));

        var store = hosts.A.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession(slug))
        {
            var tenancy = Assert.IsType<Modular.Host.Storage.Databases.TownshipTenancy>(store.Options.Tenancy);
            Assert.Same(tenancy.Databases["north"], session.Database); // the notification goes with the township database's commit
            hosts.A.Services.GetRequiredService<CacheInvalidation>().Announce(session, CacheChange.ForTownshipCache(slug, key));
            await session.SaveChangesAsync();
        }

        Assert.False(memoryA.TryGetValue(entry, out _)); // the committing host forgets at once
        Assert.True(await EventuallyAsync(() => Task.FromResult(!memoryB.TryGetValue(entry, out _))), "host B still holds the township's cache entry");
    }

    private async Task<string> TownshipOnNorthAsync()
    {
        var admin = await hosts.A.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, "mediation");
        Assert.Equal("north", (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/townships/{slug}")).GetProperty("database").GetString());
        return slug;
    }

    private static async Task<int> HouseholdsAsync(HttpClient registrar, string slug) =>
        (await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households")).GetProperty("households").GetInt32();

    /// <summary>Host B's <c>cache-invalidation</c> check, polled until <paramref name="wanted"/> holds.</summary>
    private async Task<JsonElement> CheckAsync(Func<JsonElement, bool> wanted, TimeSpan? bound = null)
    {
        using var client = hosts.B.CreateClient();
        var until = DateTime.UtcNow + (bound ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            using var response = await client.GetAsync("/health/ready");
            var check = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("cache-invalidation").Clone();
            if (wanted(check))
            {
                return check;
            }

            Assert.True(DateTime.UtcNow < until, $"the cache-invalidation check stayed {check}");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the bound passes; writes how long it took to the test output (a measurement, not asserted).</summary>
    private async Task<bool> EventuallyAsync(Func<Task<bool>> condition, [System.Runtime.CompilerServices.CallerMemberName] string caller = "")
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > Bound)
            {
                return false;
            }

            await Task.Delay(20);
        }

        output.WriteLine($"{caller}: heard after {watch.ElapsedMilliseconds} ms");
        return true;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(hosts.A.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Two hosts on one platform database and one township database (<c>north</c>) of the class's own, with one key-encryption key.</summary>
    public sealed class TwoHosts : IAsyncLifetime
    {
        public string North { get; private set; } = "";

        public OnDatabases A { get; private set; } = null!;

        public OnDatabases B { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var platform = await TestDatabase.CreateDatabaseAsync("listenplatform");
            North = await TestDatabase.CreateDatabaseAsync("listennorth");
            var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            A = new OnDatabases(platform, North) { KeyEncryptionKey = key };
            await A.InitializeAsync();
            B = new OnDatabases(platform, North) { KeyEncryptionKey = key };
            await B.InitializeAsync();
        }

        public async Task DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
        }
    }

    /// <summary>A host whose township database <c>north</c> is <paramref name="north"/>.</summary>
    public sealed class OnDatabases(string platform, string north) : PlatformFactory(TestPlugins.Set("mediation", "Modular.Modules.Mediation"), database: platform)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Modular:Databases:north:ConnectionString", north);
        }
    }
}
