using Modular.Kit.Input;

namespace Modular.Host.Reports.Steps;

/// <summary>What a save sends: the version read (0 for a report not yet started) and the parts people wrote.</summary>
public sealed record SaveReportInput(long? Version, Dictionary<string, string?>? Parts);

/// <summary>
/// Save: every save is a new version holding the written parts and the facts the records give at that moment. Allowed
/// while the report is drafted or returned; a submitted or approved report is not changed under its reader.
/// </summary>
public static class SaveReport
{
    public static IReadOnlyDictionary<string, string> ReadParts(SaveReportInput input, InputErrors errors)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in input.Parts ?? [])
        {
            if (ReportStructure.Part(key) is not { } part)
            {
                errors.Add($"parts.{key}", "报告没有这一部分", "The report has no such part.");
                continue;
            }

            if (errors.Optional($"parts.{key}", text, part.Title.Chinese, part.Title.English, ReportStructure.MaxPartLength) is { } written)
            {
                parts[key] = written.Replace("\r\n", "\n", StringComparison.Ordinal);
            }
        }

        return parts;
    }

    /// <summary>The event of a save: the first version starts the report, later ones follow the state table.</summary>
    public static AnnualReportSaved? Decide(TownshipAnnualReport? report, string township, int year, IReadOnlyDictionary<string, string> parts, ReportFacts facts,
        string by, DateTimeOffset at, InputErrors errors)
    {
        if (report is not null && !ReportSteps.Table.Expect(report, ReportSteps.Save, errors))
        {
            return null;
        }

        return errors.Any ? null : new AnnualReportSaved(township, year, (report?.Versions.Count ?? 0) + 1, parts, facts, by, at);
    }
}
