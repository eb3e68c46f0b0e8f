using System.Linq.Expressions;
using System.Reflection;
using JasperFx;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Modular.Host.Plugins;

namespace Modular.Benchmarks;

/// <summary>
/// The same read without the platform: a minimal ASP.NET Core app on Kestrel that opens a Marten query session for
/// the tenant named in the route and runs the notebook's own ledger query. No authentication, township resolution,
/// module gate, request logging, correlation, localization or Autofac.
/// </summary>
/// <remarks>
/// The <c>Matter</c> and <c>MatterRow</c> types are the plugin's own, loaded from its plugin folder by the host's
/// <see cref="ModuleCatalog"/> (shared types, as in the host), and the store is configured with the host's tenancy
/// settings plus the module's own Marten hook, so the document mapping, SQL and JSON are the host's. The bare store
/// never touches the schema (<see cref="AutoCreate.None"/>): the host owns it.
/// </remarks>
internal sealed class BareApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DocumentStore _store;

    private BareApp(WebApplication app, DocumentStore store, Uri address)
    {
        _app = app;
        _store = store;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BareApp> StartAsync(string connectionString, string notebookPluginsRoot)
    {
        var catalog = ModuleCatalog.Load(notebookPluginsRoot, Serilog.Core.Logger.None);
        var notebook = catalog.Find("notebook")
            ?? throw new InvalidOperationException($"The notebook module did not load from {notebookPluginsRoot}.");
        var matterType = notebook.Assembly.GetType("Modular.Modules.Notebook.Matters.Matter", throwOnError: true)!;
        var rowType = notebook.Assembly.GetType("Modular.Modules.Notebook.Matters.MatterRow", throwOnError: true)!;

        var store = DocumentStore.For(options =>
        {
            // The host's driver settings (statements prepared by Npgsql): they are the database's cost, not the host's.
            options.Connection(Modular.Host.Storage.PreparedStatements.Apply(connectionString));
            options.DatabaseSchemaName = "modular";
            options.Policies.AllDocumentsAreMultiTenanted();
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.AutoCreateSchemaObjects = AutoCreate.None;
            notebook.Module.ConfigureMarten(options);
        });

        var list = LedgerQuery.For(matterType, rowType);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/bare/{tenant}/matters", (string tenant, CancellationToken ct) => list(store, tenant, ct));
        await app.StartAsync();
        return new BareApp(app, store, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
    }

    /// <summary>
    /// The notebook's ledger query (<c>MatterQueries.ListAsync</c>: newest first, 200 at most, each matter made a row by
    /// <c>MatterRow.Of</c>), closed over the plugin's types.
    /// </summary>
    private static class LedgerQuery
    {
        public static Func<IDocumentStore, string, CancellationToken, Task<IResult>> For(Type matterType, Type rowType) =>
            typeof(LedgerQuery).GetMethod(nameof(ListAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(matterType, rowType)
                .CreateDelegate<Func<IDocumentStore, string, CancellationToken, Task<IResult>>>();

        private static async Task<IResult> ListAsync<TMatter, TRow>(IDocumentStore store, string tenant, CancellationToken ct)
            where TMatter : notnull
        {
            await using var session = store.QuerySession(tenant);
            // Built per call, as the C# compiler builds the module's lambdas on each call.
            var m = Expression.Parameter(typeof(TMatter), "m");
            var byOpenedOn = Expression.Lambda<Func<TMatter, DateOnly>>(Expression.Property(m, Members<TMatter, TRow>.OpenedOn), m);
            var byNumber = Expression.Lambda<Func<TMatter, string>>(Expression.Property(m, Members<TMatter, TRow>.Number), m);
            var matters = await session.Query<TMatter>().OrderByDescending(byOpenedOn).ThenByDescending(byNumber).Take(200).ToListAsync(ct);
            IReadOnlyList<TRow> rows = [.. matters.Select(Members<TMatter, TRow>.RowOf)];
            return TypedResults.Ok(rows);
        }

        private static class Members<TMatter, TRow>
        {
            public static readonly MethodInfo OpenedOn = typeof(TMatter).GetProperty("OpenedOn")!.GetMethod!;
            public static readonly MethodInfo Number = typeof(TMatter).GetProperty("Number")!.GetMethod!;
            public static readonly Func<TMatter, TRow> RowOf = typeof(TRow).GetMethod("Of", BindingFlags.Public | BindingFlags.Static, [typeof(TMatter)])!
                .CreateDelegate<Func<TMatter, TRow>>();
        }
    }
}
