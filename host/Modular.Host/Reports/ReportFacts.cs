using Modular.Contracts.Extensions;

namespace Modular.Host.Reports;

/// <summary>A figure as the report holds it: its label, value and the page of the records counted.</summary>
public sealed record FactFigure(string Label, string LabelEnglish, string Value, string? Source);

/// <summary>One module's drafted section, as it stood when the version was saved.</summary>
public sealed record FactSection(string Chapter, string ModuleId, string Heading, string HeadingEnglish, IReadOnlyList<string> Paragraphs, IReadOnlyList<FactFigure> Figures);

/// <summary>The factual parts of one version: what the enabled modules drafted from the year's records when it was saved.</summary>
public sealed record ReportFacts(IReadOnlyList<FactSection> Sections)
{
    public static ReportFacts Empty { get; } = new([]);

    public IEnumerable<FactSection> In(string chapter) => Sections.Where(s => s.Chapter == chapter);

    /// <summary>Every figure with its chapter and module: the key a figure is compared by across versions.</summary>
    public IEnumerable<(string Key, FactSection Section, FactFigure Figure)> Figures =>
        Sections.SelectMany(s => s.Figures.Select(f => ($"{s.Chapter}|{s.ModuleId}|{f.Label}", s, f)));

    public static ReportFacts From(IEnumerable<(string ModuleId, AnnualReportSection Section)> sections) =>
        new([.. sections.Select(x => new FactSection(x.Section.Chapter, x.ModuleId, x.Section.Heading.Chinese, x.Section.Heading.English,
            [.. x.Section.Paragraphs], [.. x.Section.Figures.Select(f => new FactFigure(f.Label.Chinese, f.Label.English, f.Value, f.Source))]))]);
}

/// <summary>A figure that differs between the frozen version and the records today.</summary>
public sealed record FactChange(string Chapter, string Label, string LabelEnglish, string? Frozen, string? Now, string? Source);

public static class FactChanges
{
    /// <summary>What the records say now against what the approved version froze: changed, new and gone figures, and changed paragraphs.</summary>
    public static IReadOnlyList<FactChange> Between(ReportFacts frozen, ReportFacts now)
    {
        var before = frozen.Figures.ToDictionary(f => f.Key);
        var after = now.Figures.ToDictionary(f => f.Key);
        var changes = new List<FactChange>();
        foreach (var (key, section, figure) in frozen.Figures)
        {
            var current = after.GetValueOrDefault(key);
            if (current.Figure?.Value != figure.Value)
            {
                changes.Add(new(section.Chapter, figure.Label, figure.LabelEnglish, figure.Value, current.Figure?.Value, figure.Source));
            }
        }

        foreach (var (key, section, figure) in now.Figures.Where(f => !before.ContainsKey(f.Key)))
        {
            changes.Add(new(section.Chapter, figure.Label, figure.LabelEnglish, null, figure.Value, figure.Source));
        }

        return [.. changes.OrderBy(c => c.Chapter, StringComparer.Ordinal)];
    }

    /// <summary>The drafted paragraphs that read differently now (a figure written into the text moves with it).</summary>
    public static IReadOnlyList<string> ParagraphsChanged(ReportFacts frozen, ReportFacts now)
    {
        var kept = frozen.Sections.SelectMany(s => s.Paragraphs).ToHashSet(StringComparer.Ordinal);
        return [.. now.Sections.SelectMany(s => s.Paragraphs).Where(p => !kept.Contains(p))];
    }
}
