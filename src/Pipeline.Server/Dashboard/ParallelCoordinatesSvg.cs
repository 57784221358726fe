using System.Globalization;
using System.Text;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// A parallel-coordinates plot as inline SVG: a vertical axis per param whose value differs between the runs, the chosen
/// metric last, a line per run coloured from blue (lowest metric) to red (highest), with a legend saying so. An axis is
/// numeric when every value on it parses as a number, else its distinct values are spread evenly in ordinal order.
/// Sweeps over several trainers have conditional params (an lbfgs trial has no <c>number_of_trees</c>): on such an axis
/// the runs without the param pass through an "n/a" band at its foot, so every run stays one unbroken line.
/// </summary>
internal static class ParallelCoordinatesSvg
{
    private const int Height = 340, Top = 40, Bottom = 56, Margin = 90, AxisGap = 150, MaxNameChars = 22, MaxTickChars = 20;

    // The share of an axis with missing values that the n/a band takes at its foot.
    private const double NaBand = 0.14;

    public static string Render(IReadOnlyList<Run> runs, IReadOnlyList<string> paramKeys, string metric)
    {
        // Params every run has (the trainer) first, then the conditional ones; each group by name.
        var varying = paramKeys.Where(k => runs.Select(r => r.Data.Param(k)).Distinct(StringComparer.Ordinal).Count() > 1)
            .OrderBy(k => runs.Any(r => r.Data.Param(k) is null) ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var axes = (varying.Count > 0 ? varying : paramKeys).Select(k => Axis.Of(k, runs.Select(r => r.Data.Param(k)).ToList()))
            .Append(Axis.Of(metric, runs.Select(r => r.Data.Metric(metric) is { } v && double.IsFinite(v) ? HtmlBuilder.Number(v) : null).ToList()))
            .ToList();
        var missing = axes.Select(a => Enumerable.Range(0, runs.Count).Any(r => a.Position(r) is null)).ToList();
        var width = (2 * Margin) + (AxisGap * Math.Max(1, axes.Count - 1));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"parallel\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" role=\"img\">");
        svg.Append("<title>Parameters against ").Append(HtmlBuilder.Attr(metric)).Append("</title>");
        double AxisX(int i) => axes.Count == 1 ? width / 2.0 : Margin + (i * AxisGap);
        double Y(double fraction) => Height - Bottom - (fraction * (Height - Top - Bottom));
        // On an axis with an n/a band the values take the part above it; a missing value sits in the band.
        double Place(int axis, double? fraction) => missing[axis] ? fraction is { } f ? NaBand + (f * (1 - NaBand)) : NaBand / 3 : fraction ?? 0;

        for (var a = 0; a < axes.Count; a++)
        {
            if (!missing[a])
                continue;
            var x = AxisX(a);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"na-band\" x=\"{LineChartSvg.F(x - 30)}\" y=\"{LineChartSvg.F(Y(NaBand * 0.75))}\" width=\"60\" height=\"{LineChartSvg.F(Y(0) - Y(NaBand * 0.75))}\" fill=\"#eef1f6\" stroke=\"#b8c0cf\" stroke-dasharray=\"3 2\"/>");
            LineChartSvg.Label(svg, x + 4, Y(NaBand / 3) + 4, "n/a", "start");
        }

        var metricAxis = axes[^1];
        for (var r = 0; r < runs.Count; r++)
        {
            var path = new StringBuilder();
            for (var a = 0; a < axes.Count; a++)
                path.Append(a == 0 ? 'M' : 'L').Append(LineChartSvg.F(AxisX(a))).Append(' ').Append(LineChartSvg.F(Y(Place(a, axes[a].Position(r)))));
            var colour = metricAxis.Position(r) is { } m ? Colour(m) : "#9aa3b5";
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"run-line\" data-run=\"{HtmlBuilder.Attr(runs[r].Info.RunId)}\" d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-opacity=\"0.85\"><title>{HtmlBuilder.Attr(runs[r].Info.RunName)}</title></path>");
        }

        for (var a = 0; a < axes.Count; a++)
        {
            var x = AxisX(a);
            var foot = missing[a] ? Y(NaBand) : Y(0);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{LineChartSvg.F(x)}\" y1=\"{Top}\" x2=\"{LineChartSvg.F(x)}\" y2=\"{LineChartSvg.F(foot)}\" stroke=\"#1d2330\"/>");
            // Names longer than the gap between axes would run into their neighbours: cut them, full name on hover.
            svg.Append("<g><title>").Append(HtmlBuilder.Attr(axes[a].Name)).Append("</title>");
            LineChartSvg.Label(svg, x, Top - 22, LineChartSvg.Shorten(axes[a].Name, MaxNameChars), "middle");
            svg.Append("</g>");
            foreach (var (label, fraction) in axes[a].Ticks())
                LineChartSvg.Label(svg, x + 4, Y(Place(a, fraction)) + 4, LineChartSvg.Shorten(label, MaxTickChars), "start");
        }

        Legend(svg, metric, metricAxis, Height - 14);
        return svg.Append("</svg>").ToString();
    }

    private static void Legend(StringBuilder svg, string metric, Axis metricAxis, double y)
    {
        var ticks = metricAxis.Ticks();
        if (ticks.Count == 0)
            return;
        svg.Append("<defs><linearGradient id=\"metric-scale\">");
        foreach (var stop in new[] { 0.0, 0.5, 1.0 })
            svg.Append(CultureInfo.InvariantCulture, $"<stop offset=\"{stop}\" stop-color=\"{Colour(stop)}\"/>");
        svg.Append("</linearGradient></defs>");
        LineChartSvg.Label(svg, 12, y, $"colour: {LineChartSvg.Shorten(metric, 24)}  {ticks[0].Label}", "start");
        var x = 12 + (7 * (10 + Math.Min(metric.Length, 24) + ticks[0].Label.Length));
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{LineChartSvg.F(y - 9)}\" width=\"120\" height=\"10\" fill=\"url(#metric-scale)\"/>");
        LineChartSvg.Label(svg, x + 126, y, ticks[^1].Label, "start");
    }

    // Blue to red through purple: readable on white and distinct at both ends.
    private static string Colour(double fraction)
    {
        var t = Math.Clamp(fraction, 0, 1);
        return string.Create(CultureInfo.InvariantCulture, $"rgb({(int)(47 + (181 * t))},{(int)(111 - (70 * t))},{(int)(223 - (177 * t))})");
    }
}
