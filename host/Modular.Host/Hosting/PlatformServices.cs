using System.Reflection;
using Autofac;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Modular.Contracts.Integration;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Host.Extensions;
using Modular.Host.Identity;
using Modular.Host.Integration;
using Modular.Host.Operations;
using Modular.Host.Plugins;
using Modular.Host.Reports;
using Modular.Host.Storage;
using Modular.Host.Telemetry;
using Modular.Host.Time;
using Modular.Host.Townships;

namespace Modular.Host.Hosting;

/// <summary>Registers everything the platform runs on: plugins, storage, identity, shell, operations.</summary>
internal static class PlatformServices
{
    public static ModuleCatalog AddModularPlatform(this WebApplicationBuilder builder, Serilog.ILogger log, StartupTimeline timeline)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(ModularOptions.Section).Get<ModularOptions>() ?? new ModularOptions();
        services.Configure<ModularOptions>(builder.Configuration.GetSection(ModularOptions.Section));

        var catalog = timeline.Time("plugins", () => ModuleCatalog.Load(options.PluginsPath, log));
        services.AddSingleton(catalog);
        foreach (var module in catalog.Modules)
        {
            try
            {
                // A dry run against scratch options first: a Marten hook that throws takes only its own module out,
                // before any of its services reach the container.
                module.Module.ConfigureMarten(new StoreOptions());
                ModuleServices.Register(module, services);
            }
            catch (Exception error)
            {
                catalog.Fail(module, error, log);
            }
        }

        services.AddSingleton(TimeProvider.System);
        services.AddStatutoryClock(builder.Configuration);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();
        services.AddScoped<Correlation>();
        // TownshipContext and CurrentUser are registered in ConfigureContainer, each once under both of its names.
        services.AddScoped<IPersonalDataGuard, PersonalDataGuard>();
        services.AddOutputCache(o => o.AddPolicy(Modular.Contracts.Portal.PublicPages.Policy, new Portal.PublicPagesPolicy()));
        services.AddScoped<Modular.Contracts.Portal.IPublicPageCache, Portal.PublicPageCache>();
        services.AddScoped<PlatformSessions>();
        // Lag-tolerant reads from a streaming replica when one is configured (the primary's string is read as Marten's is).
        services.AddSingleton(_ => new ReadReplica(builder.Configuration["Modular:ReadReplica:ConnectionString"], builder.Configuration.GetConnectionString("Modular")!));
        services.AddSingleton<TownshipDirectory>();
        services.AddSingleton<UserDirectory>();
        // Every instance's caches forget a change within a second, through PostgreSQL LISTEN/NOTIFY.
        services.AddSingleton<Caching.CacheInvalidation>();
        services.AddSingleton<Caching.CacheInvalidationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<Caching.CacheInvalidationListener>());
        services.AddSingleton<IHostedService>(_ => new StartupMark(timeline, "cache listener"));
        services.AddScoped<Modular.Contracts.Caching.ITownshipCache, Caching.TownshipCache>();
        services.AddScoped<TownshipAdministration>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DemoStaff>();
        services.AddScoped<TownshipExtensions>();
        services.AddAnnualReports();
        services.AddScoped<CountyExtensions>();
        services.AddScoped<County.CountyFiguresService>();
        services.AddSingleton<Storage.Databases.TownshipDatabases>();
        services.AddModuleContracts();
        services.AddPlatformIdentity(builder.Configuration);
        builder.AddPlatformTelemetry();

        services.AddSingleton<IHostedService>(_ => new StartupMark(timeline, "audit retention"));
        var telemetry = PlatformTelemetry.Options(builder.Configuration);
        var marten = services.AddMarten(sp =>
            {
                var databases = Storage.Databases.PlacementRule.Validate(options.Databases).ToDictionary(d => d.Key, d => d.Value.ConnectionString!, StringComparer.Ordinal);
                var store = WithLeadershipPolling(ConfigureStore(builder.Configuration.GetConnectionString("Modular")!, catalog, databases), options);
                PlatformTelemetry.ConfigureMarten(store, telemetry);
                return store;
            })
            .UseLightweightSessions()
            .BuildSessionsWith<TownshipSessionFactory>(ServiceLifetime.Scoped)
            .ApplyAllDatabaseChangesOnStartup();
        marten.AddSubscriptionWithServices<IntegrationEventRelay>(ServiceLifetime.Singleton)
            .AddAsyncDaemon(DaemonMode.HotCold);
        services.AddSingleton<IHostedService>(_ => new StartupMark(timeline, "daemon"));
        services.AddHostedService<PlatformSeeder>(); // after Marten's own start-up work, which applies the schema
        services.AddSingleton<IHostedService>(_ => new StartupMark(timeline, "seed"));
        services.AddHostedService<ClaimBackfillService>(); // after the seeder: the demo's records are claimed too
        services.AddSingleton<IHostedService>(_ => new StartupMark(timeline, "claims"));
        services.AddHostedService<PlannerStatistics>(); // ANALYZE after bulk writes, before autovacuum would

        // The key ring is shared through PostgreSQL and encrypted there with a key that is not in the database.
        var keyEncryptionKey = KeyEncryptionKey.Load(builder.Configuration);
        log.Information("Data-protection keys are encrypted at rest with key-encryption key {KeyId} from {Source}", keyEncryptionKey.Id, keyEncryptionKey.Source);
        services.AddSingleton(keyEncryptionKey);
        services.AddDataProtection().SetApplicationName("modular");
        services.AddOptions<KeyManagementOptions>().Configure<IDocumentStore>((o, store) =>
        {
            o.XmlRepository = new MartenXmlRepository(store);
            o.XmlEncryptor = new KeyRingEncryptor(keyEncryptionKey);
        });

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "modular.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/error/403";
            cookie.Events.OnRedirectToLogin = ctx => AnswerApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = ctx => AnswerApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((cookie, time) => cookie.TimeProvider = time);
        // After the cookie handler's own post-configuration, which makes the ticket format this one wraps.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, Identity.Sessions.CachedTicketFormat.Setup>();
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PlatformPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PlatformAuthorizationHandler>();
        StatelessAuthorization.Apply(services);
        services.AddCascadingAuthenticationState();

        services.AddProblemDetails();
        // A body or value that does not bind throws, so the API's answer names the field (BindingProblems) instead of
        // a bare 400; the default throws only in Development.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<PluginsHealthCheck>("plugins", tags: ["ready"])
            .AddCheck<HolidayCalendarHealthCheck>("holiday-calendar", tags: ["ready"])
            .AddCheck<Caching.CacheInvalidationListener>("cache-invalidation", tags: ["ready"])
            .AddCheck<ProjectionDaemonHealthCheck>("projection-daemon", tags: ["ready"])
            .Add(new HealthCheckRegistration("read-replica", sp => sp.GetRequiredService<ReadReplica>(), failureStatus: null, tags: ["ready"]));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "乡镇法治政府建设平台 API / Township rule-of-law platform API";
            return Task.CompletedTask;
        }));
        services.AddRazorComponents();
        // Chinese text goes out as text, not as &#x...; entities: readable source, smaller pages.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.AddSingleton<IHostedService>(_ => new StartupMark(timeline, "planner statistics, data protection"));
        services.AddHostedService<StartupCompaction>(); // last before Kestrel listens: the start's garbage returned
        // Marten puts its schema work first among the hosted services; mark its end there.
        var activator = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "MartenActivator");
        services.Insert(services.IndexOf(activator) + 1, ServiceDescriptor.Singleton<IHostedService>(_ => new StartupMark(timeline, "schema")));
        // Then the tables' storage, which Weasel does not write, before anything reads or writes a document.
        services.Insert(services.IndexOf(activator) + 2, ServiceDescriptor.Singleton<IHostedService, DocumentStorage.AtStart>());
        services.Insert(services.IndexOf(activator) + 3, ServiceDescriptor.Singleton<IHostedService>(_ => new StartupMark(timeline, "document storage")));
        return catalog;
    }

    /// <summary>
    /// What the container registers beyond the service collection: the request's township and user, each one instance
    /// per request under its class and its contract. Registered as a forwarding factory in the service collection, every
    /// resolution of the contract was three of Autofac's (the provider, the lifetime scope, the class).
    /// </summary>
    public static void ConfigureContainer(ContainerBuilder container)
    {
        container.RegisterType<TownshipContext>().AsSelf().As<ITownshipContext>().InstancePerLifetimeScope();
        container.RegisterType<CurrentUser>().AsSelf().As<ICurrentUser>().InstancePerLifetimeScope();
    }

    /// <summary>
    /// The platform's store: its own documents and events, the platform policies, then every module's. With township
    /// databases (<paramref name="townshipDatabases"/>, id to connection string) the platform database keeps the platform's
    /// data and the townships not placed elsewhere, each township database the townships placed on it.
    /// </summary>
    internal static StoreOptions ConfigureStore(string connectionString, ModuleCatalog catalog, IReadOnlyDictionary<string, string>? townshipDatabases = null)
    {
        var store = new StoreOptions();
        connectionString = PreparedStatements.Apply(connectionString);
        store.Connection(connectionString);
        store.DatabaseSchemaName = "modular";
        TownshipDocuments.Apply(store);
        IdentityServices.ConfigureDocuments(store);
        Reports.ReportsSetup.ConfigureDocuments(store);
        store.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
        store.Events.AppendMode = EventAppendMode.Quick;
        store.Events.MetadataConfig.CorrelationIdEnabled = true;
        store.Events.MetadataConfig.CausationIdEnabled = true;
        store.Events.MetadataConfig.UserNameEnabled = true;
        store.Events.MetadataConfig.HeadersEnabled = true;

        store.Events.MapEventType<TownshipRegistered>("platform.township-registered.v1");
        store.Events.MapEventType<ModuleEnabledForTownship>("platform.module-enabled.v1");
        store.Events.MapEventType<ModuleDisabledForTownship>("platform.module-disabled.v1");
        store.Events.MapEventType<TownshipRenamed>("platform.township-renamed.v1");
        store.Events.MapEventType<TownshipMoveBegun>("platform.township-move-begun.v1");
        store.Events.MapEventType<TownshipMoved>("platform.township-moved.v1");
        store.Events.MapEventType<TownshipMoveAbandoned>("platform.township-move-abandoned.v1");
        store.Events.MapEventType<UserCreated>("platform.user-created.v1");
        store.Events.MapEventType<UserPasswordChanged>("platform.user-password-changed.v1");
        store.Events.MapEventType<UserRolesGranted>("platform.user-roles-granted.v1");
        store.Events.MapEventType<UserCountyOfficeGranted>("platform.user-county-office-granted.v1");
        store.Events.MapEventType<UserCountyOfficeRevoked>("platform.user-county-office-revoked.v1");
        store.Events.MapEventType<UserSignedIn>("platform.user-signed-in.v1");
        store.Events.MapEventType<UserSignInFailed>("platform.user-sign-in-failed.v1");
        store.Events.MapEventType<UserLockedOut>("platform.user-locked-out.v1");
        store.Events.MapEventType<PersonalDataRevealed>("platform.personal-data-revealed.v1");
        store.Projections.Snapshot<TownshipRecord>(SnapshotLifecycle.Inline);
        store.Projections.Snapshot<UserAccount>(SnapshotLifecycle.Inline);
        store.Schema.For<TownshipRecord>().Index(t => t.Code);
        store.Schema.For<DataProtectionKey>().Identity(k => k.Id);
        store.Schema.For<DemoSeeded>();
        store.Schema.For<Storage.Databases.TownshipPlacement>();
        Modular.Kit.Steps.UniqueKeys.Register(store); // claims of the platform's keys and every module's

        foreach (var module in catalog.Modules)
        {
            module.Module.ConfigureMarten(store);
        }

        // Integration events travel on the publisher's streams; make sure the store can read every one of them. Those in
        // contracts are named here, by their alias, so it does not depend on which module happens to be installed.
        foreach (var type in IntegrationEventRelay.IntegrationEventTypes(catalog))
        {
            if (type.GetCustomAttribute<IntegrationEventAliasAttribute>() is { } alias)
            {
                store.Events.MapEventType(type, alias.Alias);
            }
            else
            {
                store.Events.AddEventType(type);
            }
        }

        // Read only by projection rebuilds (the rebuild-projections command): a rebuild's first write of a snapshot after
        // the teardown goes to PostgreSQL by binary COPY instead of one INSERT a row. The store reads it when it is built.
        store.Projections.RebuildWithBulkCopy = true;

        // The schema check at start compares every table, index and function with the catalog: over a second with four
        // modules, on every start. Weasel stamps a hash of the configured DDL after a full apply and, while the stamp
        // matches, skips the comparison; any change of configuration (a module installed or upgraded) changes the hash and
        // the full apply runs again, under Marten's advisory lock. Drift made by hand is not detected while the stamp
        // matches: schema changes go through the platform.
        store.Advanced.Migrator.UseSchemaFingerprinting = true;
        if (townshipDatabases is { Count: > 0 })
        {
            // Last: each database is made with the options as configured above.
            store.Tenancy = new Storage.Databases.TownshipTenancy(
                store, connectionString, townshipDatabases.ToDictionary(d => d.Key, d => PreparedStatements.Apply(d.Value), StringComparer.Ordinal));
        }

        return store;
    }

    /// <summary>
    /// How often a node that does not hold a shard's advisory lock tries it. Marten's default is 5 s: after the leader
    /// dies, a shard stands still for up to that long (plus its start). A try is one <c>pg_try_advisory_lock</c> per shard.
    /// </summary>
    private static StoreOptions WithLeadershipPolling(StoreOptions store, ModularOptions options)
    {
        store.Projections.LeadershipPollingTime = Math.Max(100, options.Daemon.LeadershipPollingMilliseconds);
        // The split-brain guard (Marten's default, stated because it is relied on): the connection holding the shards'
        // advisory locks is watched, and once it is lost (terminated, server restarted, network cut) the node no longer
        // claims the locks, so at its next poll it stops the shards and competes for them again like any standing-by
        // node. What a stale leader might still commit in between is refused by the shard's progression check
        // (SplitBrainTests, README "Running at scale").
        store.Events.UseMonitoredAdvisoryLock = true;
        return store;
    }

    private static Task AnswerApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
