using System.Globalization;
using System.Text;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// A parallel-coordinates plot as inline SVG: a vertical axis per param, the chosen metric last, a line per run coloured
/// from blue (lowest metric) to red (highest). An axis is numeric when every value on it parses as a number, else its
/// distinct values are spread evenly in ordinal order. A run missing a value breaks its line at that axis.
/// </summary>
internal static class ParallelCoordinatesSvg
{
    private const int Height = 320, Top = 40, Bottom = 40, Margin = 80, AxisGap = 150, MaxNameChars = 22;

    public static string Render(IReadOnlyList<Run> runs, IReadOnlyList<string> paramKeys, string metric)
    {
        var axes = paramKeys.Select(k => Axis.Of(k, runs.Select(r => r.Data.Param(k)).ToList()))
            .Append(Axis.Of(metric, runs.Select(r => r.Data.Metric(metric) is { } v && double.IsFinite(v) ? HtmlBuilder.Number(v) : null).ToList()))
            .ToList();
        var width = (2 * Margin) + (AxisGap * Math.Max(1, axes.Count - 1));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"parallel\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" viewBox=\"0 0 {width} {Height}\" role=\"img\">");
        svg.Append("<title>Parameters against ").Append(HtmlBuilder.Attr(metric)).Append("</title>");
        double AxisX(int i) => axes.Count == 1 ? width / 2.0 : Margin + (i * AxisGap);
        double Y(double fraction) => Height - Bottom - (fraction * (Height - Top - Bottom));

        var metricAxis = axes[^1];
        for (var r = 0; r < runs.Count; r++)
        {
            var path = new StringBuilder();
            var drawing = false;
            for (var a = 0; a < axes.Count; a++)
            {
                if (axes[a].Position(r) is not { } f)
                {
                    drawing = false;
                    continue;
                }

                path.Append(drawing ? 'L' : 'M').Append(LineChartSvg.F(AxisX(a))).Append(' ').Append(LineChartSvg.F(Y(f)));
                drawing = true;
            }

            var colour = metricAxis.Position(r) is { } m ? Colour(m) : "#9aa3b5";
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"run-line\" data-run=\"{HtmlBuilder.Attr(runs[r].Info.RunId)}\" d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-opacity=\"0.8\"><title>{HtmlBuilder.Attr(runs[r].Info.RunName)}</title></path>");
        }

        for (var a = 0; a < axes.Count; a++)
        {
            var x = AxisX(a);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{LineChartSvg.F(x)}\" y1=\"{Top}\" x2=\"{LineChartSvg.F(x)}\" y2=\"{Height - Bottom}\" stroke=\"#1d2330\"/>");
            // Names longer than the gap between axes would run into their neighbours (and off the left edge): cut them, full name on hover.
            svg.Append("<g><title>").Append(HtmlBuilder.Attr(axes[a].Name)).Append("</title>");
            LineChartSvg.Label(svg, x, Top - 22, LineChartSvg.Shorten(axes[a].Name, MaxNameChars), "middle");
            svg.Append("</g>");
            foreach (var (label, fraction) in axes[a].Ticks())
                LineChartSvg.Label(svg, x + 4, Y(fraction) + 4, label, "start");
        }

        return svg.Append("</svg>").ToString();
    }

    // Blue to red through purple: readable on white and distinct at both ends.
    private static string Colour(double fraction)
    {
        var t = Math.Clamp(fraction, 0, 1);
        return string.Create(CultureInfo.InvariantCulture, $"rgb({(int)(47 + (181 * t))},{(int)(111 - (70 * t))},{(int)(223 - (177 * t))})");
    }
}
