using System.Globalization;
using System.Text;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// A horizontal bar chart as inline SVG: a bar per run from zero to its value, with the run's name and the value as
/// labels. The compare view draws it for a metric every run logged once (a sweep's final scores), where a history chart
/// would stack single dots on one step. Runs without a finite value get their name and no bar.
/// </summary>
internal static class BarChartSvg
{
    private const int Width = 420, Top = 24, Row = 18, Bottom = 8, NameWidth = 150, ValueWidth = 64, NameChars = 22;

    public static string Render(string title, IReadOnlyList<(string Name, double? Value)> bars)
    {
        var height = Top + (bars.Count * Row) + Bottom;
        var finite = bars.Select(b => b.Value).OfType<double>().Where(double.IsFinite).ToList();
        var (min, max) = finite.Count == 0 ? (0d, 1d) : (Math.Min(0, finite.Min()), Math.Max(0, finite.Max()));
        if (max <= min)
            max = min + 1;
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
            var shown = LineChartSvg.Shorten(name, NameChars);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bar\"><title>{HtmlBuilder.Attr($"{name}: {(value is { } v ? HtmlBuilder.Number(v) : "no value")}")}</title>");
            LineChartSvg.Label(svg, x0 - 6, y + 12, shown, "end");
            if (value is { } number && double.IsFinite(number))
            {
                // The scale always spans zero, so every bar starts at the zero line and negative values extend left of it.
                var (from, to) = number >= 0 ? (X(0), X(number)) : (X(number), X(0));
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LineChartSvg.F(from)}\" y=\"{y + 3}\" width=\"{LineChartSvg.F(Math.Max(1, to - from))}\" height=\"{Row - 6}\" fill=\"{LineChartSvg.Palette[i % LineChartSvg.Palette.Length]}\"/>");
            }

            LineChartSvg.Label(svg, x1 + 4, y + 12, value is { } shownValue ? HtmlBuilder.Number(shownValue) : "", "start");
            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }
}
