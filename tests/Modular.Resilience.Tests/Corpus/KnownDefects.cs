namespace Modular.Resilience.Tests.Corpus;

/// <summary>
/// Cases whose defect another branch of issue 12 is fixing and that has not reached main yet. They are not sent (a
/// zip bomb would take the memory budget of every later row with it); each is a skipped test of
/// <see cref="KnownDefectTests"/> naming the branch, and goes from this list when that branch is merged.
/// </summary>
internal static class KnownDefects
{
    public const string ZipBombs = "awaiting s2-input (issue 12): a zip bomb in an import takes GBs of the host's memory";
    public const string DisputesImport = "awaiting s2-input (issue 12): the disputes import answers its 400 as application/json {imported, errors}";
    public const string EmptyImportForm = "awaiting s2-input (issue 12): an import with an empty form answers 500 (households, power list)";

    private static readonly (string Reason, Func<Probe, bool> Matches)[] Entries =
    [
        (ZipBombs, p => p.Case.StartsWith("imports: zip bomb", StringComparison.Ordinal)),
        (DisputesImport, p => p.Case.StartsWith("imports", StringComparison.Ordinal) && p.Operation.Path.EndsWith("/disputes/import", StringComparison.Ordinal)),
        (EmptyImportForm, p => p.Case == "imports: an empty form"),
    ];

    /// <summary>The reason a probe is held back, or null when it is sent.</summary>
    public static string? HeldBack(Probe probe) => Entries.FirstOrDefault(e => e.Matches(probe)).Reason;
}
