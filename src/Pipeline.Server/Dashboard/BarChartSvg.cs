using System.Globalization;
using System.Text;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// A horizontal bar chart as inline SVG: a bar per run with the run's name and its value as labels. The compare view
/// draws it for a metric every run logged once (a sweep's final scores), where a history chart would stack single dots
/// on one step. The axis is zoomed to the values (0.945 and 0.976 must look different), with its ends labelled so that a
/// reader sees it does not start at zero. Runs without a finite value get their name and no bar.
/// </summary>
internal static class BarChartSvg
{
    private const int Width = 440, Top = 24, Row = 18, Bottom = 22, NameWidth = 186, ValueWidth = 64, NameChars = 28;

    public static string Render(string title, IReadOnlyList<(string Name, double? Value)> bars)
    {
        var height = Top + (bars.Count * Row) + Bottom;
        var finite = bars.Select(b => b.Value).OfType<double>().Where(double.IsFinite).ToList();
        var (min, max) = Zoom(finite);
        var (x0, x1) = (NameWidth, Width - ValueWidth);
        double X(double v) => x0 + ((v - min) / (max - min) * (x1 - x0));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\">");
        svg.Append("<title>").Append(HtmlBuilder.Attr(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"16\" font-size=\"13\" font-weight=\"600\">{HtmlBuilder.Attr(title)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (name, value) = bars[i];
            var y = Top + (i * Row);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bar\"><title>{HtmlBuilder.Attr($"{name}: {(value is { } v ? HtmlBuilder.Number(v) : "no value")}")}</title>");
            LineChartSvg.Label(svg, x0 - 6, y + 12, LineChartSvg.Shorten(name, NameChars), "end");
            if (value is { } number && double.IsFinite(number))
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0}\" y=\"{y + 3}\" width=\"{LineChartSvg.F(Math.Max(1, X(number) - x0))}\" height=\"{Row - 6}\" fill=\"{LineChartSvg.Palette[i % LineChartSvg.Palette.Length]}\"/>");
            LineChartSvg.Label(svg, x1 + 4, y + 12, value is { } shownValue ? HtmlBuilder.Number(shownValue) : "", "start");
            svg.Append("</g>");
        }

        // The axis' ends, so that a zoomed axis is never read as starting at zero.
        var axisY = Top + (bars.Count * Row) + 2;
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"axis\" d=\"M{x0} {axisY}H{x1}\" stroke=\"#8891a3\"/>");
        LineChartSvg.Label(svg, x0, axisY + 13, HtmlBuilder.Number(min), "start");
        LineChartSvg.Label(svg, x1, axisY + 13, HtmlBuilder.Number(max), "end");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The axis range: from a little below the lowest value to a little above the highest (the lowest bar keeps a visible
    /// length), rounded to the values' own precision; values of both signs keep zero in range.
    /// </summary>
    public static (double Min, double Max) Zoom(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return (0, 1);
        var (lo, hi) = (values.Min(), values.Max());
        if (lo < 0 && hi > 0)
            return (lo, hi);
        var span = hi - lo;
        if (span == 0)
            span = Math.Abs(lo) > 0 ? Math.Abs(lo) * 0.1 : 1;
        var min = lo - (span * 0.25);
        // Never invent a sign the data does not have: positive scores stay on a positive axis.
        if (lo >= 0 && min < 0)
            min = 0;
        var step = Math.Pow(10, Math.Floor(Math.Log10(span)) - 1);
        return (Math.Floor(min / step) * step, hi + (span * 0.02));
    }
}
