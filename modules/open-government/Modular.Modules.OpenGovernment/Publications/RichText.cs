using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>
/// Rich text from a clerk's editor is cleaned on the way in, so what is stored (and later rendered as markup on the
/// public portal) can never carry script: no script elements, no event handlers, no javascript: addresses.
/// </summary>
internal static partial class RichText
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote", "h2", "h3", "h4", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img", "span", "div", "hr", "pre", "code" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        foreach (var attribute in new[] { "href", "src", "alt", "title", "colspan", "rowspan", "align" })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        // Images only over https or from this site: a plain-http image on an https portal is mixed content.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag?.TagName.Equals("IMG", StringComparison.OrdinalIgnoreCase) == true && e.OriginalUrl.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
            {
                e.SanitizedUrl = null;
            }
        };
        return sanitizer;
    }

    public static string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : Sanitizer.Sanitize(html).Trim();

    /// <summary>
    /// The text of the HTML without its tags, for search and feed summaries. Inline tags vanish without a trace, so
    /// "领取<strong>取暖补贴</strong>" still reads "领取取暖补贴" (Chinese has no spaces to lose); block tags become a space.
    /// </summary>
    public static string PlainText(string html)
    {
        var text = Tags().Replace(InlineTags().Replace(html, ""), " ");
        return Spaces().Replace(WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"</?(strong|b|em|i|u|s|sub|sup|span|a|code)(\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
