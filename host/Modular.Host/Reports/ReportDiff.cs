using System.Text.Json.Serialization;

namespace Modular.Host.Reports;

[JsonConverter(typeof(JsonStringEnumConverter<LineChange>))]
public enum LineChange
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(LineChange Change, string Text);

/// <summary>One part compared between two versions: its lines kept, added and removed, in reading order.</summary>
public sealed record PartDiff(string Key, string Title, string TitleEnglish, bool Changed, IReadOnlyList<DiffLine> Lines);

/// <summary>The comparison of two versions: each written part line by line, and the figures that differ.</summary>
public sealed record VersionComparison(int From, int To, IReadOnlyList<PartDiff> Parts, IReadOnlyList<FactChange> Figures);

/// <summary>Compares two versions of a report, part by part, by lines (a longest common subsequence: a few hundred lines at most).</summary>
public static class ReportDiff
{
    public static VersionComparison Compare(ReportVersion from, ReportVersion to) =>
        new(from.Number, to.Number,
            [.. ReportStructure.Parts.Select(p => Part(p, from.Parts.GetValueOrDefault(p.Key) ?? "", to.Parts.GetValueOrDefault(p.Key) ?? ""))],
            FactChanges.Between(from.Facts, to.Facts));

    private static PartDiff Part(ReportPart part, string before, string after)
    {
        var lines = Lines(Split(before), Split(after));
        return new(part.Key, part.Title.Chinese, part.Title.English, lines.Any(l => l.Change != LineChange.Same), lines);
    }

    private static string[] Split(string text) => [.. text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)];

    public static IReadOnlyList<DiffLine> Lines(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var common = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var result = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y])
            {
                result.Add(new(LineChange.Same, a[x]));
                (x, y) = (x + 1, y + 1);
            }
            else if (common[x + 1, y] >= common[x, y + 1])
            {
                result.Add(new(LineChange.Removed, a[x++]));
            }
            else
            {
                result.Add(new(LineChange.Added, b[y++]));
            }
        }

        result.AddRange(a.Skip(x).Select(l => new DiffLine(LineChange.Removed, l)));
        result.AddRange(b.Skip(y).Select(l => new DiffLine(LineChange.Added, l)));
        return result;
    }
}
