using System.Globalization;
using System.Text;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// A line chart as inline SVG: one polyline per series over shared axes (x = step), min/max labels on both axes, and a
/// legend naming each series' colour when there is more than one. Non-finite values are left out, since they have no
/// place on an axis.
/// </summary>
internal static class LineChartSvg
{
    private const int Width = 420, Height = 240, Right = 12, Top = 24, Bottom = 30, LegendRow = 16, LegendColumns = 2, LegendNameChars = 30;

    // Wide enough for an 11 px label of this many characters (digits are about 6.5 px), so that "-0.0269121" is not clipped.
    private const double CharWidth = 7;

    /// <summary>The colours series take in turn.</summary>
    public static readonly string[] Palette = ["#2f6fdf", "#e4572e", "#29a35a", "#9b51e0", "#f2a900", "#17a2b8", "#d6336c", "#5c677d"];

    public static string Render(string title, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series)
    {
        var clean = series.Select(s => (s.Name, Points: s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList())).ToList();
        var all = clean.SelectMany(s => s.Points).ToList();
        var legendRows = series.Count > 1 ? (series.Count + LegendColumns - 1) / LegendColumns : 0;
        var height = Height + (legendRows * LegendRow);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\">");
        svg.Append("<title>").Append(HtmlBuilder.Attr(title)).Append("</title>");
        if (all.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"16\" font-size=\"13\" font-weight=\"600\">{HtmlBuilder.Attr(title)}</text>");
            return svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Height / 2}\" fill=\"#6b7385\">no finite values</text></svg>").ToString();
        }

        var (xMin, xMax) = Range(all.Select(p => p.X));
        var (yMin, yMax) = Range(all.Select(p => p.Y));
        var (yTop, yBottom) = (HtmlBuilder.Number(yMax), HtmlBuilder.Number(yMin));
        var left = (int)Math.Ceiling(Math.Max(40, 8 + (CharWidth * Math.Max(yTop.Length, yBottom.Length))));
        double X(double x) => left + ((x - xMin) / (xMax - xMin) * (Width - left - Right));
        double Y(double y) => Height - Bottom - ((y - yMin) / (yMax - yMin) * (Height - Top - Bottom));
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"16\" font-size=\"13\" font-weight=\"600\">{HtmlBuilder.Attr(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{left} {Top}V{Height - Bottom}H{Width - Right}\" fill=\"none\" stroke=\"#8891a3\"/>");
        Label(svg, left - 4, Top + 4, yTop, "end");
        Label(svg, left - 4, Height - Bottom, yBottom, "end");
        Label(svg, left, Height - Bottom + 16, HtmlBuilder.Number(xMin), "start");
        Label(svg, Width - Right, Height - Bottom + 16, HtmlBuilder.Number(xMax) + " (step)", "end");
        for (var i = 0; i < clean.Count; i++)
        {
            var colour = Palette[i % Palette.Length];
            var points = clean[i].Points;
            var coordinates = string.Join(' ', points.Select(p => F(X(p.X)) + "," + F(Y(p.Y))));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.8\" points=\"{coordinates}\"><title>{HtmlBuilder.Attr(clean[i].Name)}</title></polyline>");
            if (points.Count == 1)
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(points[0].X))}\" cy=\"{F(Y(points[0].Y))}\" r=\"3\" fill=\"{colour}\"/>");
        }

        for (var i = 0; legendRows > 0 && i < clean.Count; i++)
        {
            var (x, y) = (12 + (i % LegendColumns * (Width - 12) / LegendColumns), Height + (i / LegendColumns * LegendRow));
            var name = Shorten(clean[i].Name, LegendNameChars);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\"><title>{HtmlBuilder.Attr(clean[i].Name)}</title><rect x=\"{x}\" y=\"{y - 9}\" width=\"10\" height=\"10\" fill=\"{Palette[i % Palette.Length]}\"/>");
            Label(svg, x + 14, y, name, "start");
            svg.Append("</g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Min and max, widened when equal so that a flat line sits mid-chart rather than dividing by zero.</summary>
    public static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        var (min, max) = (list.Min(), list.Max());
        if (max > min)
            return (min, max);
        var pad = Math.Abs(min) > 0 ? Math.Abs(min) * 0.05 : 0.5;
        return (min - pad, max + pad);
    }

    /// <summary>
    /// <paramref name="name"/> cut to <paramref name="max"/> characters with an ellipsis at the end: a reader scans names
    /// from their start, and a name cut in the middle reads as a different word. Charts give names room enough for a
    /// sweep trial's full name (<c>lbfgs_logistic_regression-01</c>), so only longer names are cut; the full name is on hover.
    /// </summary>
    public static string Shorten(string name, int max) => name.Length <= max ? name : string.Concat(name.AsSpan(0, max - 1), "…");

    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static void Label(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"11\" fill=\"#4a5365\" text-anchor=\"{anchor}\">{HtmlBuilder.Attr(text)}</text>");
}
