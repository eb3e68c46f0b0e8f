using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Kit;
using Modular.Kit.Records;
using static Modular.Kit.Text;

namespace Modular.Modules.Starter.Matters;

/// <summary>
/// A matter as its page and the API show it: the phone masked (<see cref="RevealMatterPhone"/> reveals it), the
/// deadline while it is open (provisional when a year it reaches has no holiday calendar yet), the steps its state allows now.
/// </summary>
internal sealed record MatterView(
    Guid Id,
    long Version,
    string Number,
    string Title,
    DateOnly OpenedOn,
    string? Phone,
    string State,
    string StateLabel,
    DateOnly? DueOn,
    bool Overdue,
    bool DueProvisional,
    DateOnly? ClosedOn,
    string? Outcome,
    IReadOnlyList<string> Allowed)
{
    public static MatterView Of(Matter m, MatterDue? due, string? maskedPhone) =>
        new(m.Id, m.Version, m.Number, m.Title, m.OpenedOn, maskedPhone, m.State.ToString(), T(Matter.Label(m.State)),
            due?.DueOn, due?.Overdue ?? false, due?.Provisional ?? false, m.ClosedOn, m.Outcome, Matter.Steps.Allowed(m));
}

/// <summary>A line of the matters' ledger: no personal data and no clock, so a long list reads fast and shows nobody's phone.</summary>
internal sealed record MatterRow(Guid Id, string Number, string Title, DateOnly OpenedOn, string State, string StateLabel)
{
    public static MatterRow Of(Matter m) => new(m.Id, m.Number, m.Title, m.OpenedOn, m.State.ToString(), T(Matter.Label(m.State)));
}

/// <summary>Reading matters, for the pages and the API alike. The session is the current township's: another township's matter is not found.</summary>
internal sealed class MatterQueries(IQuerySession session, MatterClock clock, IPersonalDataGuard guard)
{
    public const int ListSize = 200;

    public async Task<IReadOnlyList<MatterRow>> ListAsync(CancellationToken ct)
    {
        var matters = await session.Query<Matter>()
            .OrderByDescending(m => m.OpenedOn)
            .ThenByDescending(m => m.Number)
            .Take(ListSize)
            .ToListAsync(ct);
        return [.. matters.Select(MatterRow.Of)];
    }

    public async Task<MatterView?> GetAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<Matter>(id, ct) is { } matter
            ? MatterView.Of(matter, clock.For(matter), matter.Phone is null ? null : guard.Mask(PersonalDataKind.PhoneNumber, matter.Phone))
            : null;

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) =>
        Timeline.ReadAsync<Matter>(session, id, Describe, ct);

    public static async Task<Ok<IReadOnlyList<MatterRow>>> ListEndpointAsync(MatterQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(ct));

    public static async Task<Results<Ok<MatterView>, NotFound>> GetEndpointAsync(Guid id, MatterQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineEndpointAsync(Guid id, MatterQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    // The timeline's words: what happened, never personal data (the audit trail is read by the township admin).
    private static string Describe(object e) => e switch
    {
        MatterOpened opened => T($"登记：{opened.Title}", $"Recorded: {opened.Title}"),
        MatterClosed closed => T($"办结（{TownshipTime.Format(closed.ClosedOn)}）：{closed.Outcome}", $"Closed ({TownshipTime.Format(closed.ClosedOn)}): {closed.Outcome}"),
        MatterClosingReported => T("办结已通报", "Closing reported"),
        _ => e.GetType().Name,
    };
}
