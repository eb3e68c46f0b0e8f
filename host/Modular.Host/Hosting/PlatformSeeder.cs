using Marten;
using Microsoft.Extensions.Options;
using Modular.Host.Identity;
using Modular.Host.Plugins;
using Modular.Host.Storage;
using Modular.Host.Townships;

namespace Modular.Host.Hosting;

/// <summary>
/// Makes a fresh platform usable: the administrator <c>admin</c>, and (unless turned off) the demo county 赫章县 with
/// its township 野马川镇. A module installed later is enabled in the demo township once; after that, the township's
/// own decisions stand. The demo township's staff, one user per module role, come with it (<see cref="DemoStaff"/>).
/// </summary>
internal sealed class PlatformSeeder(IServiceProvider services, IOptions<ModularOptions> options, ModuleCatalog catalog, IConfiguration configuration, StartupTimeline timeline, ILogger<PlatformSeeder> log)
    : IHostedService
{
    public const string AdminUserName = "admin";

    public static readonly RegisterTownship DemoTownship = new("yemachuan", "野马川镇", "520527105000", "520527", "赫章县");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Hosts starting together on one database seed one after the other: the later ones find it done.
        await using var startup = await timeline.TimeAsync("startup lock", () => StartupLock.AcquireAsync(configuration, cancellationToken));
        await using var scope = services.CreateAsyncScope();
        await timeline.TimeAsync("placements", () => BackfillPlacementsAsync(cancellationToken));
        await timeline.TimeAsync("admin", () => EnsureAdminAsync(scope.ServiceProvider.GetRequiredService<UserAdministration>(), cancellationToken));
        if (options.Value.Demo)
        {
            await EnsureDemoAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task BackfillPlacementsAsync(CancellationToken cancellationToken)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().LightweightSession();
        if (await services.GetRequiredService<Storage.Databases.TownshipDatabases>().BackfillAsync(session, cancellationToken) is { Count: > 0 } placed)
        {
            log.LogInformation("Placed {Count} townships registered before township databases were configured in the platform database: {Townships}", placed.Count, string.Join(", ", placed));
        }
    }

    private async Task EnsureAdminAsync(UserAdministration users, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await using (var session = store.QuerySession())
        {
            if (await session.LoadAsync<UserAccount>(UserAccount.StreamId(AdminUserName), cancellationToken) is not null)
            {
                return;
            }
        }

        var configured = options.Value.Admin.Password;
        var password = string.IsNullOrEmpty(configured) ? PasswordPolicy.Generate() : configured;
        await users.CreateAsync(new CreateUser(AdminUserName, "平台管理员", password, IsPlatformAdmin: true), cancellationToken);
        log.LogInformation("Created the platform administrator {UserName}", AdminUserName);
        if (string.IsNullOrEmpty(configured))
        {
            // Straight to the console, never to the log files: this is the only time the password is shown.
            Console.WriteLine($"""

                ==== 平台管理员 / platform administrator ====
                用户名 / user name : {AdminUserName}
                初始密码 / password : {password}
                （仅显示这一次 / shown this once only）

                """);
        }
    }

    private async Task EnsureDemoAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var townships = scoped.GetRequiredService<TownshipAdministration>();
        var directory = scoped.GetRequiredService<TownshipDirectory>();
        if (await directory.FindAsync(DemoTownship.Slug!, cancellationToken) is null)
        {
            await townships.RegisterAsync(DemoTownship, cancellationToken);
            log.LogInformation("Created the demo township {Township}", DemoTownship.Slug);
        }

        var decided = (await townships.HistoryAsync(DemoTownship.Slug!, cancellationToken)).Select(c => c.ModuleId).ToHashSet();
        foreach (var module in catalog.Modules.Where(m => !decided.Contains(m.Id)))
        {
            await townships.SetModuleAsync(DemoTownship.Slug!, module.Id, enabled: true, cancellationToken);
        }

        // The modules' records and the staff's accounts do not depend on each other: made side by side. The staff's
        // passwords are hashed on purpose slowly (PBKDF2), which overlaps the modules' waits on PostgreSQL.
        var record = await directory.FindAsync(DemoTownship.Slug!, cancellationToken);
        var enabled = catalog.Modules.Where(m => record!.IsEnabled(m.Id)).ToList();
        await Task.WhenAll(
            SeedModulesOnceAsync(enabled, cancellationToken),
            timeline.TimeAsync("demo staff", () => scoped.GetRequiredService<DemoStaff>().EnsureAsync(DemoTownship.Slug!,
                enabled.Select(m => m.Id).ToHashSet(StringComparer.Ordinal), cancellationToken)));
    }

    /// <summary>
    /// Each module's demo looks for its records before it adds any, which is some twenty queries and the first use of
    /// every demo's code on every start. Once every demo has run through without an error, the seeder stamps which code
    /// seeded which modules (<see cref="DemoSeeded"/>); a start with the same modules, built the same, skips them. A
    /// module installed, upgraded or enabled since, or a host built anew, runs them all again (each adds only what is
    /// missing).
    /// </summary>
    private async Task SeedModulesOnceAsync(IReadOnlyList<LoadedModule> enabled, CancellationToken cancellationToken)
    {
        var stamp = DemoSeeded.StampOf(enabled, catalog.Modules);
        var store = services.GetRequiredService<IDocumentStore>();
        await using (var query = store.QuerySession())
        {
            if ((await query.LoadAsync<DemoSeeded>(DemoSeeded.DocumentId, cancellationToken))?.Stamp == stamp)
            {
                timeline.Record("demo modules (seeded before)", TimeSpan.Zero);
                return;
            }
        }

        if (await SeedModulesAsync(enabled, cancellationToken))
        {
            await using var session = store.LightweightSession();
            session.Store(new DemoSeeded { Id = DemoSeeded.DocumentId, Stamp = stamp, At = services.GetRequiredService<TimeProvider>().GetUtcNow() });
            await session.SaveChangesAsync(cancellationToken);
        }
    }

    // Each enabled module fills the demo township in a scope of its own, as that township, acting as the system. Modules
    // never depend on one another's records (they meet through integration events, relayed later by the daemon), so they
    // seed side by side; within a module, its demos run in the order it registered them.
    private async Task<bool> SeedModulesAsync(IReadOnlyList<LoadedModule> modules, CancellationToken cancellationToken)
    {
        var failed = 0;
        await Task.WhenAll(modules.Select(module => InScopeAsync(async scope =>
        {
            foreach (var demo in scope.GetKeyedServices<Modular.Contracts.Extensions.IDemoData>(module.Id))
            {
                try
                {
                    await timeline.TimeAsync($"demo {module.Id} {demo.GetType().Name}", () => demo.SeedAsync(cancellationToken));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    log.LogError(error, "Module {ModuleId} failed to seed the demo township", module.Id);
                }
            }
        }, cancellationToken)));

        // The platform's own demo last: the 2020 report is drafted from what the modules just recorded.
        await InScopeAsync(async scope =>
        {
            try
            {
                await timeline.TimeAsync("demo report", () => scope.GetRequiredService<Reports.ReportDemo>().SeedAsync(cancellationToken));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
                log.LogError(error, "The demo township's {Year} annual report could not be drafted", Reports.ReportDemo.Year);
            }
        }, cancellationToken);
        return failed == 0;
    }

    private async Task InScopeAsync(Func<IServiceProvider, Task> work, CancellationToken cancellationToken)
    {
        await Task.Yield(); // each module on its own from here: one module's synchronous start does not hold up the others
        await using var scope = services.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<TownshipDirectory>().FindAsync(DemoTownship.Slug!, cancellationToken);
        scope.ServiceProvider.GetRequiredService<TownshipContext>().Set(record!);
        await work(scope.ServiceProvider);
    }
}

/// <summary>The demo township's modules as last seeded without an error: the code that seeded them, as one stamp.</summary>
public sealed class DemoSeeded
{
    public const string DocumentId = "demo-township";

    public string Id { get; set; } = DocumentId;

    public string Stamp { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>The host's build and, of every installed module, its id, version and build, with which are enabled in the demo township.</summary>
    public static string StampOf(IEnumerable<LoadedModule> enabled, IEnumerable<LoadedModule> installed) =>
        string.Join(";", [
            $"host@{typeof(DemoSeeded).Assembly.ManifestModule.ModuleVersionId}",
            .. installed.OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => $"{m.Id}@{m.Manifest.Version}@{m.Assembly.ManifestModule.ModuleVersionId}"),
            $"enabled:{string.Join(",", enabled.Select(m => m.Id).Order(StringComparer.Ordinal))}",
        ]);
}
