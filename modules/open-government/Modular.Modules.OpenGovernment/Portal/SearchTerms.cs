using System.Globalization;
using System.Text;
using Modular.Contracts.Portal;

namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>
/// Turns text into the terms the portal's search index holds, and a query into the terms it must find. Chinese has no
/// spaces between words, so a run of Chinese characters is indexed as its overlapping pairs (低保 in 城乡低保对象 is the
/// pair 低保; 最低生活保障 is found by 最低, 低生, 生活, 活保, 保障 together) and as its single characters, for one-character
/// queries. Runs of other letters and digits are words, lower-cased. PostgreSQL stores the terms as a
/// <c>tsvector</c> (given as its literal, so no text-search parser or dictionary of PostgreSQL changes them) and a
/// GIN index finds the publications holding every term of a query.
/// </summary>
/// <remarks>
/// A query word of Chinese matches a text holding all its pairs, not necessarily side by side: positions (and
/// PostgreSQL's phrase operator) would rule out the rare text holding 最低, 低生, 生活, 活保 and 保障 apart, but make every
/// match re-read the whole stored vector, and the search is for what a visitor typed, not for proof of a substring.
/// </remarks>
internal static class SearchTerms
{
    /// <summary>
    /// The query's words as the host's cache reads them (<see cref="PublicPageValues.Words"/>: split on spaces and
    /// commas, lower-cased, at most five), less those with nothing to search for (punctuation only).
    /// </summary>
    public static IReadOnlyList<string> Words(string? q) => [.. PublicPageValues.Words(q).Where(w => Terms(w).Count > 0)];

    /// <summary>The query as the portal understood it, its words joined by a space: what the search page repeats back.</summary>
    public static string Normalise(string? q) => string.Join(' ', Words(q));

    /// <summary>The <c>tsquery</c> literal that finds every word of the query, or null when it has no term.</summary>
    public static string? Query(string? q)
    {
        var all = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(q))
        {
            all.UnionWith(Terms(word));
        }

        return all.Count == 0 ? null : string.Join(" & ", all.Select(Quote));
    }

    /// <summary>The <c>tsvector</c> literal of a text: its pairs and single characters of Chinese and its other words, each once.</summary>
    public static string Vector(string? text)
    {
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        Collect(text ?? "", terms, singles: true);
        return string.Join(' ', terms.Select(Quote));
    }

    /// <summary>What a query word must find: its pairs (its single character if it is one), its other words.</summary>
    private static SortedSet<string> Terms(string word)
    {
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        Collect(word, terms, singles: false);
        return terms;
    }

    /// <summary>
    /// Walks the text once. A run of ideographs gives its pairs, and its single characters when <paramref name="singles"/>
    /// (the index) or when the run is one character long (a query of one character); other letters and digits make words.
    /// </summary>
    private static void Collect(string text, SortedSet<string> terms, bool singles)
    {
        var word = new StringBuilder();
        string? previous = null; // the ideograph just before, while in a run of them
        var runLength = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var kind = KindOf(rune);
            if (kind != Kind.Ideograph)
            {
                EndRun();
            }

            if (kind != Kind.Word && word.Length > 0)
            {
                terms.Add(word.ToString());
                word.Clear();
            }

            switch (kind)
            {
                case Kind.Ideograph:
                    var current = rune.ToString();
                    if (previous is not null)
                    {
                        terms.Add(previous + current);
                    }

                    if (singles)
                    {
                        terms.Add(current);
                    }

                    previous = current;
                    runLength++;
                    break;
                case Kind.Word:
                    word.Append(Rune.ToLowerInvariant(rune).ToString());
                    break;
            }
        }

        EndRun();
        if (word.Length > 0)
        {
            terms.Add(word.ToString());
        }

        void EndRun()
        {
            if (runLength == 1 && !singles)
            {
                terms.Add(previous!);
            }

            previous = null;
            runLength = 0;
        }
    }

    private enum Kind
    {
        Separator,
        Ideograph,
        Word,
    }

    /// <summary>Scripts written without spaces (Han, kana, Hangul, Thai…) are "other letters"; cased letters and digits make words.</summary>
    private static Kind KindOf(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.OtherLetter => Kind.Ideograph,
        UnicodeCategory.LetterNumber when rune.Value == 0x3007 => Kind.Ideograph, // 〇, as in 二〇二〇年
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.NonSpacingMark => Kind.Word,
        _ => Kind.Separator,
    };

    // Terms hold only letters, digits and marks, never a quote or a backslash; quoting keeps PostgreSQL from reading
    // anything in them as syntax all the same.
    private static string Quote(string term) => "'" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
