using JasperFx.Events;
using Marten;
using Marten.Events;

using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>Opens a petition's stream for one step: absent here (another township's id) is "not found", a stale version a 409.</summary>
internal sealed class PetitionStreams(IDocumentSession session, PetitionClock clock)
{
    public PetitionClock Clock => clock;

    public async Task<IEventStream<Petition>?> OpenAsync(Guid id, long? version, Errors errors, CancellationToken ct)
    {
        // Loaded first: FetchForWriting with a version would call a foreign id a concurrency clash, not a 404.
        if (await session.LoadAsync<Petition>(id, ct) is null)
        {
            return null;
        }

        if (version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
            throw new InputException(errors.ToDictionary());
        }

        var stream = await session.Events.FetchForWriting<Petition>(id, version.Value, ct);
        return stream.Aggregate is null ? null : stream;
    }

    public static void ThrowIfAny(Errors errors)
    {
        if (errors.Any)
        {
            throw new InputException(errors.ToDictionary());
        }
    }

    public Task SaveAsync(CancellationToken ct) => session.SaveChangesAsync(ct);

    /// <summary>Takes the next tracking number of the year: 信访 2026-0001.</summary>
    public static async Task<string> NextNumberAsync(IDocumentOperations operations, int year, CancellationToken ct)
    {
        var key = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var counter = await operations.LoadAsync<PetitionNumberCounter>(key, ct) ?? new PetitionNumberCounter { Id = key };
        counter.Last++;
        operations.Store(counter);
        return $"{year}-{counter.Last:D4}";
    }
}
