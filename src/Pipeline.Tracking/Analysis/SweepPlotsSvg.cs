using System.Globalization;
using System.Net;
using System.Text;

namespace Pipeline.Tracking.Analysis;

/// <summary>
/// The sweep's optimization-history and parameter-importance plots as self-contained inline SVG (no script, no
/// stylesheet, no request), so the HTML report and the dashboard draw the very same picture.
/// </summary>
public static class SweepPlotsSvg
{
    private const int Width = 560, Height = 300, Left = 64, Right = 20, Top = 34, Bottom = 44;

    /// <summary>Dots for each scored trial's value, a step line for the best so far; null with no scored trial.</summary>
    public static string? History(IReadOnlyList<SweepTrialPoint> trials, string metric, bool maximize)
    {
        var points = OptimizationHistory.Compute(trials, maximize);
        if (points.Count == 0) return null;
        var (minX, maxX) = (points.Min(p => p.Index), Math.Max(points.Max(p => p.Index), points.Min(p => p.Index) + 1));
        var (minY, maxY) = (points.Min(p => p.Value), points.Max(p => p.Value));
        if (maxY - minY < 1e-12) (minY, maxY) = (minY - 0.5, maxY + 0.5);
        double X(double i) => Left + ((i - minX) / (maxX - minX) * (Width - Left - Right));
        double Y(double v) => Height - Bottom - ((v - minY) / (maxY - minY) * (Height - Top - Bottom));

        var svg = Open("optimization-history", $"Optimization history: {metric} ({(maximize ? "maximize" : "minimize")})");
        Axes(svg, $"{N(minY)}", $"{N(maxY)}", $"trial {minX + 1}", $"trial {maxX + 1}", metric);
        var line = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            var (index, _, best) = points[i];
            line.Append(i == 0 ? "M" : $" L{F(X(index))},{F(Y(points[i - 1].BestSoFar))} L").Append(CultureInfo.InvariantCulture, $"{F(X(index))},{F(Y(best))}");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{line}\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\"/>");
        foreach (var (index, value, _) in points)
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(index))}\" cy=\"{F(Y(value))}\" r=\"3.5\" fill=\"#1f77b4\"><title>trial {index + 1}: {N(value)}</title></circle>");
        Legend(svg, [("#1f77b4", "trial value"), ("#d62728", "best so far")]);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One bar per param, largest first; null when there are too few scored trials to say.</summary>
    public static string? Importance(IReadOnlyList<SweepTrialPoint> trials, string metric)
    {
        var importances = ParameterImportance.Compute(trials);
        if (importances.Count == 0) return null;
        var rowHeight = 26;
        var height = Top + Bottom + (rowHeight * importances.Count);
        var svg = Open("parameter-importance", $"Parameter importance for {metric}", height);
        var barLeft = 190;
        for (var i = 0; i < importances.Count; i++)
        {
            var (param, importance) = importances[i];
            var y = Top + (i * rowHeight);
            var w = importance * (Width - barLeft - Right - 50);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{barLeft - 8}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"12\">{E(param)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{barLeft}\" y=\"{y + 4}\" width=\"{F(Math.Max(1, w))}\" height=\"{rowHeight - 8}\" fill=\"#1f77b4\"><title>{E(param)}: {importance:P1}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(barLeft + Math.Max(1, w) + 6)}\" y=\"{y + 17}\" font-size=\"12\">{importance.ToString("P0", CultureInfo.InvariantCulture)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{height - 14}\" font-size=\"11\" fill=\"#555\">permutation importance (random forest over the trials)</text>");
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title, int height = Height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" font-family=\"sans-serif\"><title>{E(title)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" font-size=\"13\" font-weight=\"bold\">{E(title)}</text>");

    private static void Axes(StringBuilder svg, string low, string high, string first, string last, string metric)
    {
        var bottom = Height - Bottom;
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{Left},{Top} L{Left},{bottom} L{Width - Right},{bottom}\" fill=\"none\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{bottom}\" text-anchor=\"end\" font-size=\"11\">{E(low)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Top + 8}\" text-anchor=\"end\" font-size=\"11\">{E(high)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{bottom + 16}\" font-size=\"11\">{E(first)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{bottom + 16}\" text-anchor=\"end\" font-size=\"11\">{E(last)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{(Top + bottom) / 2}\" font-size=\"11\" transform=\"rotate(-90 14 {(Top + bottom) / 2})\" text-anchor=\"middle\">{E(metric)}</text>");
    }

    private static void Legend(StringBuilder svg, (string Colour, string Label)[] items)
    {
        var x = Left + 10;
        foreach (var (colour, label) in items)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Height - 18}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{x + 16}\" y=\"{Height - 8}\" font-size=\"11\">{E(label)}</text>");
            x += 130;
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
