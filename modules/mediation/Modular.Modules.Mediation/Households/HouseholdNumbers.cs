using System.Globalization;
using Marten;
using Modular.Kit.Steps;

namespace Modular.Modules.Mediation.Households;

/// <summary>
/// The numbers the ledger holds once: 户号, drawn from the township's counter (0001, 0002…) or brought in by an import,
/// and the members' ID numbers.
/// </summary>
internal sealed class HouseholdNumbers(IDocumentSession session)
{
    public const string DuplicateIdChinese = "该身份证号码已登记在台帐其他成员名下";
    public const string DuplicateIdEnglish = "Another member of the ledger has this ID number.";

    // The keys this unit of work claims, with the field each one's clash is refused on.
    private readonly List<KeyRefusal> _claimed = [];

    /// <summary>A member's ID number, held once among the members of the township's open households.</summary>
    public static UniqueKey IdNumberKey(string idNumber) => new("mediation.household-member.id-number", idNumber);

    public const string NumberScope = "mediation.household.number";

    /// <summary>A household's 户号, held once in the township's ledger for good (a closed household keeps its number).</summary>
    public static UniqueKey NumberKey(string number) => new(NumberScope, number);

    /// <summary>
    /// Stages the claim of <paramref name="member"/>'s ID number in this unit of work: of two saves at the same instant
    /// the database lets one through, the other is refused on <paramref name="field"/>.
    /// </summary>
    public void ClaimIdNumber(Member member, string field)
    {
        var key = IdNumberKey(member.IdNumber);
        UniqueKeys.Claim(session, key, member.Id.ToString());
        _claimed.Add(new KeyRefusal(key, field, DuplicateIdChinese, DuplicateIdEnglish));
    }

    /// <summary>
    /// Stages the claim of <paramref name="number"/> for household <paramref name="holder"/>: a registrar drawing it and
    /// an import bringing it at the same instant cannot both save it. An import's clash is refused on
    /// <paramref name="field"/>; a drawn number (no field) draws again, so its clash is never the registration's refusal
    /// (when the head's ID number clashed too, that is the one to name).
    /// </summary>
    public void ClaimNumber(string number, Guid holder, string? field)
    {
        var key = NumberKey(number);
        UniqueKeys.Claim(session, key, holder.ToString());
        if (field is not null)
        {
            _claimed.Add(new KeyRefusal(key, field, $"户号 {number} 已在台帐中", $"Household {number} is already on the ledger."));
        }
    }

    /// <summary>Stages the release of an ID number: the member moved out, or the household closed.</summary>
    public void ReleaseIdNumber(string idNumber) => UniqueKeys.Release(session, IdNumberKey(idNumber));

    /// <summary>Runs the save of this unit of work; an ID number claimed meanwhile by another member is its field's 400.</summary>
    public Task<T> RefusingClashesAsync<T>(Func<Task<T>> save) => UniqueKeys.RefusingClashesAsync(save, _claimed);

    /// <summary>The claim of this unit of work that <paramref name="error"/> clashed on, if that is what it is.</summary>
    public KeyRefusal? Clashed(Exception error) => UniqueKeys.Clashed(error, _claimed);

    /// <summary>
    /// Saves the household <paramref name="register"/> stages with the next free 户号, passing over numbers an import
    /// brought in; two registrations at the same instant each get their own number. <paramref name="register"/> may run
    /// more than once.
    /// </summary>
    public Task<T> SaveWithNextAsync<T>(Func<string, T> register, CancellationToken ct) =>
        RecordNumbers.SaveWithNextAsync<HouseholdNumberCounter, T>(session, HouseholdNumberCounter.Key,
            n => n.ToString("D4", CultureInfo.InvariantCulture), register, ct, IsTakenAsync, NumberScope);

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
    public async Task<IReadOnlySet<string>> TakenAsync(IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        var wanted = numbers.ToArray();
        var taken = await session.Query<Household>().Where(h => wanted.Contains(h.Number)).Select(h => h.Number).ToListAsync(ct);
        return taken.ToHashSet(StringComparer.Ordinal);
    }

    private Task<bool> IsTakenAsync(string number, CancellationToken ct) => session.Query<Household>().AnyAsync(h => h.Number == number, ct);
}
