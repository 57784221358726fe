using System.Globalization;
using System.Text;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// A metric-against-param scatter plot as inline SVG: a dot per run that has both, x placed as on the parallel-coordinates
/// axis (numeric, logarithmic over decades, or categorical), y the metric on an axis zoomed to its values.
/// </summary>
internal static class ScatterSvg
{
    private const int Width = 560, Height = 320, Left = 70, Right = 24, Top = 28, Bottom = 48;

    public static string Render(IReadOnlyList<Run> runs, string param, string metric)
    {
        var xAxis = Axis.Of(param, runs.Select(r => r.Data.Param(param)).ToList());
        var points = Enumerable.Range(0, runs.Count)
            .Select(i => (Run: runs[i], X: xAxis.Position(i), Y: runs[i].Data.Metric(metric)))
            .Where(p => p.X is not null && p.Y is { } y && double.IsFinite(y)).ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"scatter\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">");
        svg.Append("<title>").Append(HtmlBuilder.Attr($"{metric} against {param}")).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"18\" font-size=\"13\" font-weight=\"600\">{HtmlBuilder.Attr($"{metric} against {param}")}</text>");
        if (points.Count == 0)
            return svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Height / 2}\" fill=\"#6b7385\">no run has both</text></svg>").ToString();

        var (yMin, yMax) = LineChartSvg.Range(points.Select(p => p.Y!.Value));
        var plotWidth = Width - Left - Right - 20;
        double X(double fraction) => Left + 10 + (fraction * plotWidth);
        double Y(double v) => Height - Bottom - ((v - yMin) / (yMax - yMin) * (Height - Top - Bottom - 10));
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{Left} {Top}V{Height - Bottom}H{Width - Right}\" fill=\"none\" stroke=\"#8891a3\"/>");
        LineChartSvg.Label(svg, Left - 4, Y(yMax) + 4, HtmlBuilder.Number(yMax), "end");
        LineChartSvg.Label(svg, Left - 4, Y(yMin) + 4, HtmlBuilder.Number(yMin), "end");
        foreach (var (label, fraction) in xAxis.Ticks())
            LineChartSvg.Label(svg, X(fraction), Height - Bottom + 16, LineChartSvg.Shorten(label, 24), "middle");
        LineChartSvg.Label(svg, (Left + Width - Right) / 2.0, Height - 8, param, "middle");
        for (var i = 0; i < points.Count; i++)
        {
            var (run, x, y) = points[i];
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{LineChartSvg.F(X(x!.Value))}\" cy=\"{LineChartSvg.F(Y(y!.Value))}\" r=\"5\" fill=\"#2f6fdf\" fill-opacity=\"0.75\" stroke=\"#1d2330\" stroke-width=\"0.5\">")
                .Append("<title>").Append(HtmlBuilder.Attr($"{run.Info.RunName}: {param} = {run.Data.Param(param)}, {metric} = {HtmlBuilder.Number(y.Value)}")).Append("</title></circle>");
        }

        var without = runs.Count - points.Count;
        if (without > 0)
            LineChartSvg.Label(svg, Width - Right, 18, $"{without} run(s) without {LineChartSvg.Shorten(param, 20)} not shown", "end");
        return svg.Append("</svg>").ToString();
    }
}
