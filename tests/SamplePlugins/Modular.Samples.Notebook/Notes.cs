using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Extensions;
using Modular.Contracts.Integration;
using Modular.Contracts.Modules;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Portal;
using Modular.Contracts.Time;

namespace Modular.Samples.Notebook;

public sealed record NoteWritten(Guid Id, string Text, DateOnly? DueOn);

/// <summary>The sample's integration event: published on the note's stream, handled by the notebook itself.</summary>
public sealed record NotePinned(Guid NoteId) : IIntegrationEvent;

public sealed class Note
{
    public Guid Id { get; set; }

    public string Text { get; set; } = "";

    public DateOnly? DueOn { get; set; }

    public bool Pinned { get; set; }

    public static Note Create(NoteWritten e) => new() { Id = e.Id, Text = e.Text, DueOn = e.DueOn };

    public void Apply(NotePinned e) => Pinned = true;
}

/// <summary>Written by the integration-event handler: how many pins it has seen. Exactly-once means it equals the pins.</summary>
public sealed class PinTally
{
    public string Id { get; set; } = "pins";

    public int Count { get; set; }
}

public sealed record WriteNote(string? Text, DateOnly? DueOn);

public sealed record RevealPhone(string? Phone, string? Reason);

internal static class NoteEndpoints
{
    public static async Task<Ok<List<Note>>> ListAsync(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok((await session.Query<Note>().OrderBy(n => n.Text).ToListAsync(ct)).ToList());

    /// <param name="quiet">Sample-only: write without emptying the public cache, so a test can see the cache at work.</param>
    public static async Task<Results<Created<Note>, ValidationProblem>> WriteAsync(WriteNote request, bool? quiet, IDocumentSession session, IPublicPageCache cache, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["请填写内容 / Text is required."] });
        }

        var written = new NoteWritten(Guid.NewGuid(), request.Text.Trim(), request.DueOn);
        session.Events.StartStream<Note>(written.Id, written);
        await session.SaveChangesAsync(ct);
        if (quiet != true)
        {
            await cache.EvictAsync(ct);
        }

        return TypedResults.Created($"notes/{written.Id}", Note.Create(written));
    }

    public static async Task<Results<NoContent, NotFound>> PinAsync(Guid id, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Note>(id, ct);
        if (stream.Aggregate is null)
        {
            return TypedResults.NotFound();
        }

        stream.AppendOne(new NotePinned(id));
        await session.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<string>, ValidationProblem>> RevealAsync(RevealPhone request, IPersonalDataGuard guard, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await guard.RevealAsync(PersonalDataKind.PhoneNumber, request.Phone ?? "", "记事联系人", request.Reason ?? "", ct));
        }
        catch (ArgumentException refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [refused.Message] });
        }
    }

    public static async Task<Ok<int>> PinnedCountAsync(IQuerySession session, CancellationToken ct) =>
        TypedResults.Ok((await session.LoadAsync<PinTally>("pins", ct))?.Count ?? 0);
}

internal sealed class CountPinnedNotes : IIntegrationEventHandler<NotePinned>
{
    public async Task HandleAsync(NotePinned integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var tally = await context.Operations.LoadAsync<PinTally>("pins", cancellationToken) ?? new PinTally();
        tally.Count++;
        context.Operations.Store(tally);
    }
}

internal sealed class NotebookFigures(IQuerySession session) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken) =>
        [new DashboardFigure(new LocalizedText("记事", "Notes"), (await session.Query<Note>().CountAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture), "notebook")];
}

internal sealed class NotebookDeadlines(IQuerySession session) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var notes = await session.Query<Note>().Where(n => n.DueOn != null && n.DueOn <= horizon).ToListAsync(cancellationToken);
        return notes.Select(n => new DueItem(new LocalizedText(n.Text, n.Text), n.DueOn!.Value, "notebook", new LocalizedText("示例期限", "sample deadline"))).ToList();
    }
}

internal sealed class NotebookReport(IQuerySession session, IStatutoryClock clock) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var count = await session.Query<Note>().CountAsync(cancellationToken);
        return [new AnnualReportSection(AnnualReportChapters.Organisation, new LocalizedText("记事", "Notes"),
            [$"{year}年共记事{count}条（统计截至{clock.Today:yyyy-MM-dd}）。"], [new ReportFigure(new LocalizedText("记事", "Notes"), count.ToString(System.Globalization.CultureInfo.InvariantCulture), "notebook")])];
    }
}

internal sealed class NotebookDemo(IDocumentSession session) : IDemoData
{
    public static readonly Guid WelcomeNote = new("5d0c6a44-1f1e-4f55-9c53-5b8f3a2c9e01");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Note>(WelcomeNote, cancellationToken) is null)
        {
            session.Events.StartStream<Note>(WelcomeNote, new NoteWritten(WelcomeNote, "欢迎使用记事本", null));
            await session.SaveChangesAsync(cancellationToken);
        }
    }
}
