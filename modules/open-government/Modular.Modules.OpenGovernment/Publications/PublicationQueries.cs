using Marten;

namespace Modular.Modules.OpenGovernment.Publications;

internal static class PublicationQueries
{
    public static readonly PublicationState[] Open = [PublicationState.Draft, PublicationState.Submitted, PublicationState.Returned];

    public static async Task<IReadOnlyList<Publication>> ListAsync(IQuerySession session, string? state, string? category, CancellationToken ct)
    {
        var query = session.Query<Publication>().AsQueryable();
        if (Enum.GetValues<PublicationState>().Where(s => PublicationView.StateName(s) == state).Cast<PublicationState?>().FirstOrDefault() is { } wanted)
        {
            query = query.Where(p => p.State == wanted);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(p => p.Content.Category == category);
        }

        return await query.OrderByDescending(p => p.DraftedAt).Take(500).ToListAsync(ct);
    }

    /// <summary>Proactive items not yet out: the ones the Art 26 clock runs for.</summary>
    public static async Task<IReadOnlyList<Publication>> AwaitingPublicationAsync(IQuerySession session, CancellationToken ct) =>
        await session.Query<Publication>().Where(p => p.Content.Disclosure == Disclosure.Proactive && p.State.In(Open)).ToListAsync(ct);
}
