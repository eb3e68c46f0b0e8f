using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Extensions;
using Modular.Contracts.Integration;
using Modular.Contracts.Modules;

namespace Modular.Samples.Notebook;

/// <summary>
/// A tiny module that exercises every part of the contract in tests: manifest, permissions, navigation, pages, API,
/// Marten registrations, the extension points and an integration event with its handler. Never shipped. It implements
/// the bare <see cref="IModule"/> on purpose, to test the host's side of the contract; it is not the model of a module:
/// a new module is generated from templates/modular-module, on the kit.
/// </summary>
public sealed class NotebookModule : IModule
{
    public const string Id = "notebook";
    public const string Clerk = "notebook.clerk";
    public const string Write = "notebook.notes.write";

    public ModuleManifest Manifest { get; } = new(
        Id,
        new LocalizedText("记事本", "Notebook"),
        "1.0.0",
        new LocalizedText("测试用的示例模块", "A sample module for tests"),
        [
            new ModulePermission("notebook.notes.read", new LocalizedText("查看记事", "Read notes"), [Clerk, "notebook.reader"]),
            new ModulePermission(Write, new LocalizedText("写记事", "Write notes"), [Clerk]),
        ],
        [new NavigationEntry(new LocalizedText("记事本", "Notebook"), "", null, 10)]);

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<IDashboardFigures, NotebookFigures>();
        services.AddScoped<IDeadlineSource, NotebookDeadlines>();
        services.AddScoped<IAnnualReportSections, NotebookReport>();
        services.AddScoped<IIntegrationEventHandler<NotePinned>, CountPinnedNotes>();
        services.AddScoped<IDemoData, NotebookDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<NoteWritten>("notebook.note-written.v1");
        options.Events.MapEventType<NotePinned>("notebook.note-pinned.v1");
        options.Projections.Snapshot<Note>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        api.MapGet("/notes", NoteEndpoints.ListAsync).RequireAuthorization("notebook.notes.read");
        api.MapPost("/notes", NoteEndpoints.WriteAsync).RequireAuthorization(Write);
        api.MapPost("/notes/{id:guid}/pin", NoteEndpoints.PinAsync).RequireAuthorization(Write);
        api.MapGet("/pinned-count", NoteEndpoints.PinnedCountAsync).RequireAuthorization("notebook.notes.read");
        api.MapPost("/reveal", NoteEndpoints.RevealAsync).RequireAuthorization(Write);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder publicApi) =>
        publicApi.MapGet("/count", async (IQuerySession session, CancellationToken ct) => TypedResults.Ok(await session.Query<Note>().CountAsync(ct)))
            .CacheOutput(Modular.Contracts.Portal.PublicPages.Policy);
}
