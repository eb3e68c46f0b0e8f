using System.Globalization;

namespace Modular.Contracts.Portal;

/// <summary>What a public page's query value means, so the host's cache keeps one entry for values the page answers alike.</summary>
public enum PublicPageValue
{
    /// <summary>Kept as given (a category, a certificate number).</summary>
    AsGiven,

    /// <summary>A page of a listing: <see cref="PublicPageValues.PageNumber"/> (<c>?page=01</c>, <c>?page=x</c> and no key are page 1).</summary>
    PageNumber,

    /// <summary>Search words: <see cref="PublicPageValues.Words"/> (<c>?q=低保%20%20林权</c>, <c>?q=低保,林权</c> and <c>?q=低保 林权</c> are one entry).</summary>
    SearchWords,
}

/// <summary>
/// Marks a query key of a public page (a <c>[SupplyParameterFromQuery]</c> property) or endpoint (a handler
/// parameter) with what its value means. The host's public-page cache varies by the canonical value, so the page must
/// answer from that value alone: read it through <see cref="PublicPageValues"/> too. Unmarked keys vary as given.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class PublicPageKeyAttribute(PublicPageValue value) : Attribute
{
    public PublicPageValue Value { get; } = value;
}

/// <summary>The canonical values of <see cref="PublicPageValue"/>: what the cache keeps an entry under and what the page reads.</summary>
public static class PublicPageValues
{
    /// <summary>The last page number a listing answers; past it is this page.</summary>
    public const int MaxPage = 1000;

    /// <summary>At most this many search words count; the rest are dropped.</summary>
    public const int MaxWords = 5;

    /// <summary>A search word is cut to this many characters.</summary>
    public const int MaxWordLength = 30;

    private static readonly char[] WordSeparators = [' ', '\u3000', '\t', '\r', '\n', ',', '，', '、'];

    /// <summary>A page number, 1 to <see cref="MaxPage"/>; anything that is not a number is page 1.</summary>
    public static int PageNumber(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) ? Math.Clamp(page, 1, MaxPage) : 1;

    /// <summary>
    /// Search words: split on spaces (ideographic too) and commas, lower-cased, each cut to <see cref="MaxWordLength"/>
    /// characters, repeats dropped, at most <see cref="MaxWords"/>, in the order given.
    /// </summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var words = new List<string>(MaxWords);
        foreach (var part in text.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var word = (part.Length > MaxWordLength ? part[..MaxWordLength] : part).ToLowerInvariant();
            if (!words.Contains(word))
            {
                words.Add(word);
                if (words.Count == MaxWords)
                {
                    break;
                }
            }
        }

        return words;
    }

    /// <summary>The canonical text of <paramref name="value"/> read as <paramref name="kind"/>.</summary>
    public static string Canonical(PublicPageValue kind, string? value) => kind switch
    {
        PublicPageValue.PageNumber => PageNumber(value).ToString(CultureInfo.InvariantCulture),
        PublicPageValue.SearchWords => string.Join(' ', Words(value)),
        _ => value ?? "",
    };
}
