using System.Globalization;
using System.Net;
using System.Text;
using CustomerCare.Kvp.Metrics;

namespace CustomerCare.Kvp.Reporting;

/// <summary>Draws the report's charts as inline SVG: plain shapes, no script, no external resources.</summary>
internal static class SvgCharts
{
    private const int Width = 760;
    private const int Left = 56;
    private const int Right = 56;
    private const int Top = 20;
    private const int MaxParetoBars = 20;
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    public static string Pareto(IReadOnlyList<ProductReasonRow> rows)
    {
        if (rows.Count == 0)
        {
            return "<p>No concerns were recorded for this product.</p>";
        }

        const int height = 330;
        const int bottom = 120;
        var shown = rows.Take(MaxParetoBars).ToList();
        var plotWidth = Width - Left - Right;
        var plotHeight = height - Top - bottom;
        var max = Math.Max(1, shown.Max(r => r.Concerns));
        var slot = (double)plotWidth / shown.Count;

        var svg = Start(height, "Contact-reason Pareto: concerns per reason as bars, cumulative share as a line");
        Axis(svg, plotHeight);
        for (var i = 0; i < shown.Count; i++)
        {
            var row = shown[i];
            var barHeight = plotHeight * row.Concerns / (double)max;
            var x = Left + (i * slot) + (slot * 0.1);
            var y = Top + plotHeight - barHeight;
            var fill = row.IsVitalFew ? "#ff7f0e" : "#9ecae1";
            svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{slot * 0.8:0.#}\" height=\"{barHeight:0.#}\" fill=\"{fill}\"><title>{Encode(row.Reason)}: {row.Concerns}</title></rect>"));
            var labelX = Left + (i * slot) + (slot / 2);
            svg.Append(Invariant($"<text x=\"{labelX:0.#}\" y=\"{Top + plotHeight + 10}\" font-size=\"9\" text-anchor=\"end\" transform=\"rotate(-40 {labelX:0.#} {Top + plotHeight + 10})\">{Encode(Shorten(LastSegment(row.Reason)))}</text>"));
        }

        var points = string.Join(' ', shown.Select((row, i) =>
            Invariant($"{Left + (i * slot) + (slot / 2):0.#},{Top + plotHeight - (plotHeight * row.CumulativeShare):0.#}")));
        svg.Append(Invariant($"<polyline points=\"{points}\" fill=\"none\" stroke=\"#333\" stroke-width=\"2\"/>"));
        var eighty = Top + (plotHeight * 0.2);
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{eighty:0.#}\" x2=\"{Width - Right}\" y2=\"{eighty:0.#}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"));
        svg.Append(Invariant($"<text x=\"{Width - Right + 4}\" y=\"{eighty + 4:0.#}\" font-size=\"10\">80 %</text>"));
        svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + 8}\" font-size=\"10\" text-anchor=\"end\">{max}</text>"));
        svg.Append(Invariant($"<text x=\"{Width - Right + 4}\" y=\"{Top + 8}\" font-size=\"10\">100 %</text>"));
        if (rows.Count > shown.Count)
        {
            svg.Append(Invariant($"<text x=\"{Left}\" y=\"{height - 4}\" font-size=\"10\">The {rows.Count - shown.Count} least frequent reasons are not drawn; the table lists them.</text>"));
        }

        return End(svg);
    }

    public static string Backlog(IReadOnlyList<BacklogPoint> points)
    {
        if (points.Count == 0)
        {
            return "<p>No concerns were recorded for this product.</p>";
        }

        const int height = 260;
        const int bottom = 40;
        var plotWidth = Width - Left - Right;
        var plotHeight = height - Top - bottom;
        var maxOpen = Math.Max(1, points.Max(p => p.Open));
        var maxFlow = Math.Max(1, points.Max(p => Math.Abs(p.NetFlow)));
        var slot = (double)plotWidth / points.Count;
        var zero = Top + (plotHeight / 2.0);

        var svg = Start(height, "Backlog over time: unresolved concerns as a line, daily net flow as bars");
        Axis(svg, plotHeight);
        for (var i = 0; i < points.Count; i++)
        {
            var flow = points[i].NetFlow;
            var barHeight = plotHeight / 2.0 * Math.Abs(flow) / maxFlow;
            var y = flow >= 0 ? zero - barHeight : zero;
            var fill = flow >= 0 ? "#f4a3a3" : "#a3d9a5";
            svg.Append(Invariant($"<rect x=\"{Left + (i * slot):0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, slot * 0.8):0.#}\" height=\"{barHeight:0.#}\" fill=\"{fill}\"><title>{points[i].Date:uuuu-MM-dd}: net flow {flow:+0;-0;0}, {points[i].Open} unresolved</title></rect>"));
        }

        var line = string.Join(' ', points.Select((p, i) =>
            Invariant($"{Left + (i * slot) + (slot / 2):0.#},{Top + plotHeight - (plotHeight * p.Open / (double)maxOpen):0.#}")));
        svg.Append(Invariant($"<polyline points=\"{line}\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>"));
        svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + 8}\" font-size=\"10\" text-anchor=\"end\">{maxOpen}</text>"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{height - 20}\" font-size=\"10\">{points[0].Date:uuuu-MM-dd}</text>"));
        svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{height - 20}\" font-size=\"10\" text-anchor=\"end\">{points[^1].Date:uuuu-MM-dd}</text>"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"{height - 4}\" font-size=\"10\">Line: unresolved concerns (max {maxOpen}). Bars: created − resolved per day (red adds to the backlog, green reduces it).</text>"));
        return End(svg);
    }

    public static string SlaAttainment(IReadOnlyList<SlaTargetFigures> targets)
    {
        var decided = targets.Where(t => t.Attainment.Denominator > 0).ToList();
        if (decided.Count == 0)
        {
            return "<p>No SLA target was met or breached for this product.</p>";
        }

        const int rowHeight = 26;
        var barsHeight = Top + (decided.Count * rowHeight) + 10;
        var days = decided.SelectMany(t => t.Daily).Select(d => d.Date).Distinct().Order().ToList();
        var lineHeight = days.Count > 1 ? 200 : 0;
        var height = barsHeight + lineHeight;
        var plotWidth = Width - Left - Right - 100;

        var svg = Start(height, "SLA attainment per target as bars, and per day as lines");
        for (var i = 0; i < decided.Count; i++)
        {
            var target = decided[i];
            var value = target.Attainment.Value!.Value;
            var y = Top + (i * rowHeight);
            svg.Append(Invariant($"<text x=\"{Left + 96}\" y=\"{y + 15}\" font-size=\"11\" text-anchor=\"end\">{Encode(Shorten(target.Target))}</text>"));
            svg.Append(Invariant($"<rect x=\"{Left + 100}\" y=\"{y + 3}\" width=\"{plotWidth}\" height=\"16\" fill=\"#eee\"/>"));
            svg.Append(Invariant($"<rect x=\"{Left + 100}\" y=\"{y + 3}\" width=\"{plotWidth * value:0.#}\" height=\"16\" fill=\"{Palette[i % Palette.Length]}\"/>"));
            // A long bar carries its label inside, so the label never runs past the chart's right edge.
            var inside = value > 0.6;
            var labelX = Left + 100 + (plotWidth * value) + (inside ? -4 : 4);
            svg.Append(Invariant($"<text x=\"{labelX:0.#}\" y=\"{y + 15}\" font-size=\"11\" text-anchor=\"{(inside ? "end" : "start")}\" fill=\"{(inside ? "#fff" : "#222")}\">{value:P1} of {target.Attainment.Denominator}</text>"));
        }

        if (days.Count > 1)
        {
            var top = barsHeight + 10;
            var plotHeight = lineHeight - 40;
            var span = Width - Left - Right;
            var step = (double)span / (days.Count - 1);
            var index = days.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{top + plotHeight}\" stroke=\"#999\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{top + 8}\" font-size=\"10\" text-anchor=\"end\">100 %</text>"));
            svg.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{top + plotHeight}\" font-size=\"10\" text-anchor=\"end\">0 %</text>"));
            for (var i = 0; i < decided.Count; i++)
            {
                var line = string.Join(' ', decided[i].Daily
                    .Where(d => d.Attainment.Value.HasValue)
                    .Select(d => Invariant($"{Left + (index[d.Date] * step):0.#},{top + plotHeight - (plotHeight * d.Attainment.Value!.Value):0.#}")));
                svg.Append(Invariant($"<polyline points=\"{line}\" fill=\"none\" stroke=\"{Palette[i % Palette.Length]}\" stroke-width=\"2\"/>"));
            }

            svg.Append(Invariant($"<text x=\"{Left}\" y=\"{top + plotHeight + 14}\" font-size=\"10\">{days[0]:uuuu-MM-dd}</text>"));
            svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{top + plotHeight + 14}\" font-size=\"10\" text-anchor=\"end\">{days[^1]:uuuu-MM-dd}</text>"));
        }

        return End(svg);
    }

    private static StringBuilder Start(int height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"{Encode(title)}\" font-family=\"system-ui,sans-serif\">"));
        svg.Append(Invariant($"<title>{Encode(title)}</title>"));
        return svg;
    }

    private static void Axis(StringBuilder svg, int plotHeight)
    {
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\" stroke=\"#999\"/>"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - Right}\" y2=\"{Top + plotHeight}\" stroke=\"#999\"/>"));
    }

    private static string End(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string LastSegment(string code)
    {
        var slash = code.LastIndexOf('/');
        return slash < 0 ? code : code[(slash + 1)..];
    }

    private static string Shorten(string text) => text.Length <= 28 ? text : string.Concat(text.AsSpan(0, 27), "…");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
