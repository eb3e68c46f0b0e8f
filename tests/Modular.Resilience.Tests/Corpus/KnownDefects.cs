namespace Modular.Resilience.Tests.Corpus;

/// <summary>
/// Cases whose defect another branch of issue 12 is fixing and that has not reached main yet. They are not sent (a
/// zip bomb would take the memory budget of every later row with it); the run prints each reason and how many cases it
/// held back, and an entry goes from this list when its branch is merged.
/// </summary>
internal static class KnownDefects
{
    // Empty since s2-input was merged: zip bombs, the disputes import and empty import forms are all sent now.
    private static readonly (string Reason, Func<Probe, bool> Matches)[] Entries = [];

    /// <summary>The reason a probe is held back, or null when it is sent.</summary>
    public static string? HeldBack(Probe probe) => Entries.FirstOrDefault(e => e.Matches(probe)).Reason;
}
