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
/// the tenant named in the route and runs the notebook's own query. No authentication, township resolution, module
/// gate, request logging, correlation, localization or Autofac.
/// </summary>
/// <remarks>
/// The <c>Note</c> type is the plugin's own, loaded from its plugin folder by the host's <see cref="ModuleCatalog"/>
/// (shared types, as in the host), and the store is configured with the host's tenancy settings plus the module's own
/// Marten hook, so the document mapping, SQL and JSON are the host's. The bare store never touches the schema
/// (<see cref="AutoCreate.None"/>): the host owns it.
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
        var noteType = notebook.Assembly.GetType("Modular.Samples.Notebook.Note", throwOnError: true)!;

        var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = "modular";
            options.Policies.AllDocumentsAreMultiTenanted();
            options.Events.TenancyStyle = TenancyStyle.Conjoined;
            options.AutoCreateSchemaObjects = AutoCreate.None;
            notebook.Module.ConfigureMarten(options);
        });

        var list = NoteQuery.For(noteType);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/bare/{tenant}/notes", (string tenant, CancellationToken ct) => list(store, tenant, ct));
        await app.StartAsync();
        return new BareApp(app, store, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
    }

    /// <summary>The notebook's list query (<c>Query&lt;Note&gt;().OrderBy(n =&gt; n.Text)</c>), closed over the plugin's type.</summary>
    private static class NoteQuery
    {
        public static Func<IDocumentStore, string, CancellationToken, Task<IResult>> For(Type noteType) =>
            typeof(NoteQuery).GetMethod(nameof(ListAsync), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(noteType)
                .CreateDelegate<Func<IDocumentStore, string, CancellationToken, Task<IResult>>>();

        private static async Task<IResult> ListAsync<TNote>(IDocumentStore store, string tenant, CancellationToken ct)
            where TNote : notnull
        {
            await using var session = store.QuerySession(tenant);
            // Built per call, as the C# compiler builds the module's `n => n.Text` on each call.
            var n = Expression.Parameter(typeof(TNote), "n");
            var byText = Expression.Lambda<Func<TNote, string>>(Expression.Property(n, TextProperty<TNote>.Getter), n);
            return TypedResults.Ok((await session.Query<TNote>().OrderBy(byText).ToListAsync(ct)).ToList());
        }

        private static class TextProperty<TNote>
        {
            public static readonly MethodInfo Getter = typeof(TNote).GetProperty("Text")!.GetMethod!;
        }
    }
}
