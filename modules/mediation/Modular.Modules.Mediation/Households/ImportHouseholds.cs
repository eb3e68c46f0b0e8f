using Marten;
using Modular.Contracts.Caching;
using Modular.Contracts.Time;
using Modular.Kit.Documents;

namespace Modular.Modules.Mediation.Households;

/// <summary>What an import came to: the households it registered, or every bad row (and then nothing was registered).</summary>
internal sealed record ImportOutcome(int Households, int Members, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// Brings a township's existing ledger in from Excel. Rows with the same 户号 form one household, which must have one
/// head and agree on its village, group and address; an ID number may appear once, in the file and in the ledger.
/// One bad row and nothing is registered: the problems of every row come back at once.
/// </summary>
internal sealed class ImportHouseholds(IDocumentSession session, HouseholdNumbers numbers, IStatutoryClock clock, ITownshipCache cache)
{
    public async Task<ImportOutcome> ImportAsync(Stream file, CancellationToken ct)
    {
        var (rows, errors) = HouseholdWorkbook.Read(file, clock.Today);
        var problems = new List<ImportRowError>(errors);
        var households = rows.GroupBy(r => r.Number, StringComparer.Ordinal).ToList();
        foreach (var household in households)
        {
            problems.AddRange(CheckHousehold([.. household]));
        }

        problems.AddRange(CheckIdNumbersOnce(rows));
        if (rows.Count > 0)
        {
            var taken = await numbers.TakenAsync([.. households.Select(h => h.Key)], ct);
            problems.AddRange(households.Where(h => taken.Contains(h.Key))
                .Select(h => new ImportRowError(h.First().Row, "户号", $"户号 {h.Key} 已在台帐中 / Household {h.Key} is already on the ledger.")));
            var holders = await numbers.HoldersAsync([.. rows.Select(r => r.Member.IdNumber).Distinct()], ct);
            problems.AddRange(rows.Where(r => holders.ContainsKey(r.Member.IdNumber))
                .Select(r => new ImportRowError(r.Row, "身份证号码", $"{HouseholdNumbers.DuplicateIdChinese} / {HouseholdNumbers.DuplicateIdEnglish}")));
        }

        if (problems.Count > 0)
        {
            return new ImportOutcome(0, 0, [.. problems.OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal)]);
        }

        foreach (var household in households)
        {
            var id = Guid.CreateVersion7();
            // The head first, so the household has its head from its first member on.
            var members = household.OrderBy(r => r.Member.Relation == Relation.Head ? 0 : 1).ThenBy(r => r.Row).Select(r => new MemberAdded(r.Member));
            session.Events.StartStream<Household>(id, [new HouseholdRegistered(id, household.Key, household.First().Facts), .. members]);
            numbers.ClaimNumber(household.Key, id, "file");
        }

        foreach (var row in rows)
        {
            numbers.ClaimIdNumber(row.Member, "file");
        }

        cache.Changed(session, HouseholdQueries.VillagesKey);
        cache.Changed(session, HouseholdQueries.CountsKey);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception error) when (numbers.Clashed(error) is { } clash)
        {
            // Registered by someone else while the file was checked: nothing of the file is kept, as for any bad row.
            if (clash.Key.Scope == HouseholdNumbers.NumberScope)
            {
                var first = households.First(h => HouseholdNumbers.NumberKey(h.Key) == clash.Key).First();
                return new ImportOutcome(0, 0, [new ImportRowError(first.Row, "户号", $"{clash.Chinese} / {clash.English}")]);
            }

            var row = rows.First(r => HouseholdNumbers.IdNumberKey(r.Member.IdNumber) == clash.Key);
            return new ImportOutcome(0, 0, [new ImportRowError(row.Row, "身份证号码", $"{HouseholdNumbers.DuplicateIdChinese} / {HouseholdNumbers.DuplicateIdEnglish}")]);
        }

        return new ImportOutcome(households.Count, rows.Count, []);
    }

    private static IEnumerable<ImportRowError> CheckHousehold(IReadOnlyList<LedgerRow> rows)
    {
        var first = rows[0];
        foreach (var row in rows.Skip(1))
        {
            foreach (var (column, ours, theirs) in new[] { ("村", first.Facts.Village, row.Facts.Village), ("组", first.Facts.Group, row.Facts.Group), ("住址", first.Facts.Address, row.Facts.Address) })
            {
                if (ours != theirs)
                {
                    yield return new ImportRowError(row.Row, column, $"与同户第{first.Row}行不一致 / Differs from row {first.Row} of the same household.");
                }
            }
        }

        var heads = rows.Where(r => r.Member.Relation == Relation.Head).ToList();
        if (heads.Count == 0)
        {
            yield return new ImportRowError(first.Row, "与户主关系", $"户号 {first.Number} 没有户主 / Household {first.Number} has no head.");
        }

        foreach (var extra in heads.Skip(1))
        {
            yield return new ImportRowError(extra.Row, "与户主关系", $"同户第{heads[0].Row}行已是户主 / Row {heads[0].Row} is already the head of this household.");
        }
    }

    private static IEnumerable<ImportRowError> CheckIdNumbersOnce(IReadOnlyList<LedgerRow> rows)
    {
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!firstRow.TryAdd(row.Member.IdNumber, row.Row))
            {
                yield return new ImportRowError(row.Row, "身份证号码", $"与第{firstRow[row.Member.IdNumber]}行的身份证号码重复 / Same ID number as row {firstRow[row.Member.IdNumber]}.");
            }
        }
    }
}
