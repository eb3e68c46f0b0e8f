using System.Globalization;
using System.Net;
using System.Text;

namespace Modular.Host.County;

/// <summary>
/// A column of the county's table as horizontal bars, one per township, drawn on the server as SVG: no script, and no
/// style attribute (the CSP allows the site's own style sheet only); geometry and colour are SVG attributes.
/// </summary>
internal static class CountyChart
{
    private const int Width = 640;
    private const int LabelWidth = 150;
    private const int ValueWidth = 60;
    private const int BarHeight = 22;
    private const int Gap = 6;

    public static string Svg(CountyYear year, CountyColumn column, string title)
    {
        var rows = year.Rows;
        var max = rows.Select(r => r[column.Key].Value ?? 0).DefaultIfEmpty(0).Max();
        var height = Math.Max(1, rows.Count) * (BarHeight + Gap) + Gap;
        var room = Width - LabelWidth - ValueWidth;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"county-chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"chart-title\" data-column=\"{Encode(column.Key)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"chart-title\">{Encode(title)}</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var cell = rows[i][column.Key];
            var y = Gap + i * (BarHeight + Gap);
            var length = max <= 0 || cell.Value is not { } v ? 0 : (int)Math.Round(room * (double)(v / max));
            svg.Append(CultureInfo.InvariantCulture, $"<g data-township=\"{Encode(rows[i].Township)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + BarHeight - 6}\" text-anchor=\"end\" font-size=\"14\" fill=\"#222\">{Encode(rows[i].Name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y}\" width=\"{length}\" height=\"{BarHeight}\" fill=\"#2f6f9f\"><title>{Encode($"{rows[i].Name}: {cell.Shown}")}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6}\" y=\"{y + BarHeight - 6}\" font-size=\"14\" fill=\"#222\">{Encode(cell.Shown)}</text>");
            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(Modular.Kit.Input.PlainText.ForXml(text));
}
