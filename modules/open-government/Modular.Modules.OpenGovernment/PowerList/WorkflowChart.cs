using System.Globalization;
using System.Net;
using System.Text;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>
/// Draws an item's workflow steps as a vertical flow chart in SVG: one box per step, arrows between them, the first
/// and last boxes rounded. Generated from the steps, so the chart always matches the text of the version shown.
/// </summary>
internal static class WorkflowChart
{
    private const int Width = 360;
    private const int BoxWidth = 300;
    private const int LineHeight = 18;
    private const int Padding = 10;
    private const int Gap = 28;
    private const int CharsPerLine = 16; // Chinese characters that fit in a box at 14px

    public static string Render(IReadOnlyList<string> steps, string title)
    {
        var svg = new StringBuilder();
        var boxes = steps.Select(Wrap).ToList();
        var height = boxes.Sum(lines => lines.Count * LineHeight + 2 * Padding) + Gap * Math.Max(0, boxes.Count - 1) + 2;
        var x = (Width - BoxWidth) / 2;
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"power-flow\" role=\"img\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" aria-label=\"{Escape(title)}\">");
        svg.Append("<title>").Append(Escape(title)).Append("</title>");
        svg.Append("<defs><marker id=\"power-flow-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#35506b\"/></marker></defs>");
        var y = 1;
        for (var i = 0; i < boxes.Count; i++)
        {
            var lines = boxes[i];
            var boxHeight = lines.Count * LineHeight + 2 * Padding;
            var rounded = i == 0 || i == boxes.Count - 1 ? 18 : 4;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"step\"><rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{boxHeight}\" rx=\"{rounded}\" fill=\"#eef4fa\" stroke=\"#35506b\"/>");
            for (var l = 0; l < lines.Count; l++)
            {
                var prefix = l == 0 ? $"{i + 1}. " : "";
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{y + Padding + (l + 1) * LineHeight - 4}\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1d2b3a\">{Escape(prefix + lines[l])}</text>");
            }

            svg.Append("</g>");
            y += boxHeight;
            if (i < boxes.Count - 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width / 2}\" y1=\"{y}\" x2=\"{Width / 2}\" y2=\"{y + Gap - 2}\" stroke=\"#35506b\" stroke-width=\"1.5\" marker-end=\"url(#power-flow-arrow)\"/>");
                y += Gap;
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static List<string> Wrap(string step)
    {
        var lines = new List<string>();
        var text = step.Trim();
        for (var start = 0; start < text.Length; start += CharsPerLine)
        {
            lines.Add(text.Substring(start, Math.Min(CharsPerLine, text.Length - start)));
        }

        return lines.Count == 0 ? [""] : lines;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
