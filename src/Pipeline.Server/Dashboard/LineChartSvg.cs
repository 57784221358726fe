using System.Globalization;
using System.Text;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// A line chart as inline SVG: one polyline per series over shared axes (x = step), min/max labels on both axes.
/// Non-finite values are left out, since they have no place on an axis.
/// </summary>
internal static class LineChartSvg
{
    private const int Width = 420, Height = 240, Left = 56, Right = 12, Top = 24, Bottom = 30;

    /// <summary>The colours series take in turn.</summary>
    public static readonly string[] Palette = ["#2f6fdf", "#e4572e", "#29a35a", "#9b51e0", "#f2a900", "#17a2b8", "#d6336c", "#5c677d"];

    public static string Render(string title, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series)
    {
        var clean = series.Select(s => (s.Name, Points: s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList())).ToList();
        var all = clean.SelectMany(s => s.Points).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">");
        svg.Append("<title>").Append(HtmlBuilder.Attr(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"16\" font-size=\"13\" font-weight=\"600\">{HtmlBuilder.Attr(title)}</text>");
        if (all.Count == 0)
            return svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height / 2}\" fill=\"#6b7385\">no finite values</text></svg>").ToString();

        var (xMin, xMax) = Range(all.Select(p => p.X));
        var (yMin, yMax) = Range(all.Select(p => p.Y));
        double X(double x) => Left + ((x - xMin) / (xMax - xMin) * (Width - Left - Right));
        double Y(double y) => Height - Bottom - ((y - yMin) / (yMax - yMin) * (Height - Top - Bottom));
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{Left} {Top}V{Height - Bottom}H{Width - Right}\" fill=\"none\" stroke=\"#8891a3\"/>");
        Label(svg, Left - 4, Top + 4, HtmlBuilder.Number(yMax), "end");
        Label(svg, Left - 4, Height - Bottom, HtmlBuilder.Number(yMin), "end");
        Label(svg, Left, Height - Bottom + 16, HtmlBuilder.Number(xMin), "start");
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

    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static void Label(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"11\" fill=\"#4a5365\" text-anchor=\"{anchor}\">{HtmlBuilder.Attr(text)}</text>");
}
