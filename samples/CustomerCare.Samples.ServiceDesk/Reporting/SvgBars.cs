using System.Globalization;
using System.Net;
using System.Text;

namespace CustomerCare.Samples.ServiceDesk.Reporting;

/// <summary>Draws a horizontal bar chart as inline SVG: plain shapes and text, no script, no external resources.</summary>
internal static class SvgBars
{
    private const int Width = 720;
    private const int LabelWidth = 220;
    private const int BarHeight = 18;
    private const int Gap = 6;

    /// <summary>Draws one bar per item, scaled to the largest value (or to <paramref name="max"/> when given).</summary>
    public static string Draw(string title, IReadOnlyList<(string Label, double Value, string Text)> bars, double? max = null, string color = "#1f77b4")
    {
        var top = max ?? (bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.Value), double.Epsilon));
        var height = 28 + (bars.Count * (BarHeight + Gap));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\">{Encode(title)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, text) = bars[i];
            var y = 28 + (i * (BarHeight + Gap));
            var length = Math.Max(0, value / top) * (Width - LabelWidth - 120);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 13}\" font-size=\"12\" text-anchor=\"end\">{Encode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:0.#}\" height=\"{BarHeight}\" fill=\"{color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6:0.#}\" y=\"{y + 13}\" font-size=\"12\">{Encode(text)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
