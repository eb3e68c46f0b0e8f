namespace Modular.Resilience.Tests.Corpus;

/// <summary>
/// Cases whose defect another branch of issue 12 is fixing and that has not reached main yet. They are not sent (a
/// zip bomb would take the memory budget of every later row with it); each is a skipped test of
/// <see cref="KnownDefectTests"/> naming the branch, and goes from this list when that branch is merged.
/// </summary>
internal static class KnownDefects
{
    public const string NullBodies = "awaiting s2-input (issue 12): a JSON body of null, or none, answers 500 on the household endpoints";
    public const string Nul = "awaiting s2-input (issue 12): U+0000 in a text field or query value answers 500 (PostgreSQL refuses \\u0000 in jsonb)";
    public const string ZipBombs = "awaiting s2-input (issue 12): a zip bomb in an import takes GBs of the host's memory";
    public const string DisputesImport = "awaiting s2-input (issue 12): the disputes import answers its 400 as application/json {imported, errors}";
    public const string EmptyImportForm = "awaiting s2-input (issue 12): an import with an empty form answers 500 (households, power list)";

    public const string DatabaseOutage = "awaiting s2-input (issue 12): while PostgreSQL is down, requests answer 500 instead of 503 problem details with Retry-After";

    private static readonly (string Reason, Func<Probe, bool> Matches)[] Entries =
    [
        (NullBodies, p => (p.Case.StartsWith("json-null", StringComparison.Ordinal) || p.Case.StartsWith("empty-body", StringComparison.Ordinal))
            && p.Operation.Path.Contains("/households/", StringComparison.Ordinal)),
        (Nul, p => p.Case.StartsWith("nul-in-text", StringComparison.Ordinal) || p.Case.StartsWith("hostile-query", StringComparison.Ordinal) && p.Case.EndsWith(" NUL", StringComparison.Ordinal)),
        (ZipBombs, p => p.Case.StartsWith("imports: zip bomb", StringComparison.Ordinal)),
        (DisputesImport, p => p.Case.StartsWith("imports", StringComparison.Ordinal) && p.Operation.Path.EndsWith("/disputes/import", StringComparison.Ordinal)),
        (EmptyImportForm, p => p.Case == "imports: an empty form"),
    ];

    /// <summary>The reason a probe is held back, or null when it is sent.</summary>
    public static string? HeldBack(Probe probe) => Entries.FirstOrDefault(e => e.Matches(probe)).Reason;
}
