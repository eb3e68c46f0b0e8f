using System.Globalization;
using JasperFx.Events;
using Marten;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Households;

/// <summary>
/// Opens a household's stream for one change (absent here, another township's id, is "not found"; a stale version a
/// 409), and hands out 户号 and the ledger-wide checks a change needs.
/// </summary>
internal sealed class HouseholdStreams(IDocumentSession session)
{
    public async Task<IEventStream<Household>?> OpenAsync(Guid id, long? version, Errors errors, CancellationToken ct)
    {
        // Loaded first: FetchForWriting with a version would call a foreign id a concurrency clash, not a 404.
        if (await session.LoadAsync<Household>(id, ct) is null)
        {
            return null;
        }

        if (version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
            throw new InputException(errors.ToDictionary());
        }

        var stream = await session.Events.FetchForWriting<Household>(id, version.Value, ct);
        return stream.Aggregate is null ? null : stream;
    }

    public static void ThrowIfAny(Errors errors)
    {
        if (errors.Any)
        {
            throw new InputException(errors.ToDictionary());
        }
    }

    public void Start(Guid id, IEnumerable<object> events) => session.Events.StartStream<Household>(id, [.. events]);

    public Task SaveAsync(CancellationToken ct) => session.SaveChangesAsync(ct);

    /// <summary>The next free 户号 (0001, 0002, …), passing over numbers an import brought in.</summary>
    public async Task<string> NextNumberAsync(CancellationToken ct)
    {
        var counter = await session.LoadAsync<HouseholdNumberCounter>(HouseholdNumberCounter.Key, ct) ?? new HouseholdNumberCounter();
        string number;
        do
        {
            number = (++counter.Last).ToString("D4", CultureInfo.InvariantCulture);
        }
        while (await session.Query<Household>().AnyAsync(h => h.Number == number, ct));

        session.Store(counter);
        return number;
    }

    /// <summary>The ID numbers among <paramref name="idNumbers"/> already held by a member of an open household.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> HoldersAsync(IReadOnlyCollection<string> idNumbers, CancellationToken ct)
    {
        if (idNumbers.Count == 0)
        {
            return new Dictionary<string, Guid>();
        }

        var wanted = idNumbers.ToArray();
        var households = await session.Query<Household>()
            .Where(h => !h.IsClosed && h.Members.Any(m => wanted.Contains(m.IdNumber)))
            .ToListAsync(ct);
        return households.SelectMany(h => h.Members).Where(m => wanted.Contains(m.IdNumber)).ToDictionary(m => m.IdNumber, m => m.Id);
    }

    /// <summary>The 户号 among <paramref name="numbers"/> the ledger already has (closed households keep theirs).</summary>
    public async Task<IReadOnlySet<string>> TakenNumbersAsync(IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var wanted = numbers.ToArray();
        var taken = await session.Query<Household>().Where(h => wanted.Contains(h.Number)).Select(h => h.Number).ToListAsync(ct);
        return taken.ToHashSet(StringComparer.Ordinal);
    }
}
