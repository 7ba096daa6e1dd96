using System.Globalization;
using System.Security;
using System.Text;

namespace KernelCI.KciDev.Maestro.Coverage;

/// <summary>`--graph-output FILE`: upstream's chart (one panel per tree/branch, function and line coverage bars per
/// commit, values above the bars) as a standalone SVG file instead of a matplotlib window; each bar links to its
/// coverage report and shows it on hover, as upstream's click and hover do.</summary>
internal static class CoverageChart
{
    private const int PanelWidth = 760;
    private const int PanelHeight = 320;
    private const int Left = 60;
    private const int Top = 50;
    private const int PlotHeight = 200;

    public static string Svg(IReadOnlyList<CoveragePoint> points)
    {
        var panels = points.GroupBy(p => p.TreeBranch).ToList();
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{PanelWidth}\" height=\"{Math.Max(1, panels.Count) * PanelHeight}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        for (var i = 0; i < panels.Count; i++)
        {
            Panel(svg, panels[i].Key, [.. panels[i]], i * PanelHeight);
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static void Panel(StringBuilder svg, string title, List<CoveragePoint> points, int y0)
    {
        var max = points.SelectMany(p => new[] { Number(p.Functions) ?? 0, Number(p.Lines) ?? 0 }).DefaultIfEmpty(0).Max() + 5;
        var plotWidth = PanelWidth - Left - 20;
        var slot = plotWidth / (double)points.Count;
        var bar = Math.Min(40, slot * 0.35);
        var baseline = y0 + Top + PlotHeight;
        svg.Append(Invariant($"<text x=\"{PanelWidth / 2}\" y=\"{y0 + 25}\" text-anchor=\"middle\" font-size=\"14\">Coverage for {Escape(title)}</text>\n"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Left + plotWidth}\" y2=\"{baseline}\" stroke=\"black\"/>\n"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y0 + Top}\" x2=\"{Left}\" y2=\"{baseline}\" stroke=\"black\"/>\n"));
        svg.Append(Invariant($"<text x=\"15\" y=\"{y0 + Top + PlotHeight / 2}\" transform=\"rotate(-90 15 {y0 + Top + PlotHeight / 2})\" text-anchor=\"middle\">Coverage (%)</text>\n"));
        svg.Append(Invariant($"<text x=\"{Left + plotWidth / 2}\" y=\"{baseline + 35}\" text-anchor=\"middle\">Commit ID</text>\n"));
        for (var i = 0; i < points.Count; i++)
        {
            var center = Left + slot * (i + 0.5);
            Bar(svg, points[i], points[i].Functions, center - bar, bar, baseline, max, "royalblue");
            Bar(svg, points[i], points[i].Lines, center, bar, baseline, max, "orange");
            var commit = points[i].Commit ?? "None";
            svg.Append(Invariant($"<text x=\"{center:0.#}\" y=\"{baseline + 15}\" text-anchor=\"middle\">{Escape(commit[..Math.Min(6, commit.Length)])}</text>\n"));
        }

        svg.Append(Invariant($"<rect x=\"{PanelWidth - 170}\" y=\"{y0 + 40}\" width=\"12\" height=\"12\" fill=\"royalblue\"/><text x=\"{PanelWidth - 152}\" y=\"{y0 + 50}\">Function Coverage</text>\n"));
        svg.Append(Invariant($"<rect x=\"{PanelWidth - 170}\" y=\"{y0 + 58}\" width=\"12\" height=\"12\" fill=\"orange\"/><text x=\"{PanelWidth - 152}\" y=\"{y0 + 68}\">Line Coverage</text>\n"));
    }

    private static void Bar(StringBuilder svg, CoveragePoint point, string? text, double x, double width, int baseline, double max, string colour)
    {
        var value = Number(text);
        var height = (value ?? 0) / max * PlotHeight;
        var link = point.ReportUrl is null ? "" : Escape(point.ReportUrl);
        svg.Append(Invariant($"<a href=\"{link}\"><rect x=\"{x:0.#}\" y=\"{baseline - height:0.#}\" width=\"{width:0.#}\" height=\"{height:0.#}\" fill=\"{colour}\"><title>{link}</title></rect></a>\n"));
        svg.Append(Invariant($"<text x=\"{x + width / 2:0.#}\" y=\"{baseline - height - 3:0.#}\" text-anchor=\"middle\">{(value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "None")}</text>\n"));
    }

    private static double? Number(string? text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
