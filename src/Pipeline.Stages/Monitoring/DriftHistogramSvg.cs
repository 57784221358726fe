using System.Globalization;
using System.Net;
using System.Text;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// Training against live shares per bin as inline SVG (no script, no request, as the pipeline report's sweep plots): a
/// pair of bars per bin, training blue and live orange, the bin edges under them. Bins are drawn equally wide, since the
/// PSI weighs each bin alike; the outer bins also hold the live values beyond the training range.
/// </summary>
internal static class DriftHistogramSvg
{
    private const int Width = 440, Height = 230, Left = 44, Right = 12, Top = 40, Bottom = 40;
    private const string TrainingColour = "#1f77b4", LiveColour = "#ff7f0e";

    /// <param name="title">The first line, e.g. the feature name.</param>
    /// <param name="subtitle">The second line, e.g. <c>PSI 3.41 · KS 0.93</c>.</param>
    /// <param name="alert">Draws the subtitle in red.</param>
    /// <param name="bins">One label per bin boundary (bins + 1, numeric edges) or per bin (bins, classes).</param>
    /// <param name="training">Training counts per bin.</param>
    /// <param name="live">Live counts per bin.</param>
    public static string Render(string title, string subtitle, bool alert, IReadOnlyList<string> bins, IReadOnlyList<long> training, IReadOnlyList<long> live)
    {
        var count = training.Count;
        var (trainingShares, liveShares) = (Shares(training), Shares(live));
        var top = Math.Max(0.01, trainingShares.Concat(liveShares).DefaultIfEmpty(0).Max());
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = (double)plotWidth / Math.Max(1, count);
        double Y(double share) => Top + plotHeight - (share / top * plotHeight);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" font-family=\"sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}: {E(subtitle)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"15\" font-size=\"13\" font-weight=\"bold\">{E(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"31\" font-size=\"12\" fill=\"{(alert ? "#d1242f" : "#59636e")}\">{E(subtitle)}</text>");
        Legend(svg);
        // Horizontal grid at a quarter, half and three quarters of the top share.
        foreach (var fraction in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Y(top * fraction);
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{Left},{F(y)} H{Width - Right}\" stroke=\"{(fraction == 0 ? "#888" : "#e4e7eb")}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"10\" fill=\"#59636e\">{(top * fraction * 100).ToString("0", CultureInfo.InvariantCulture)}%</text>");
        }

        for (var i = 0; i < count; i++)
        {
            var x = Left + (i * slot);
            var bar = Math.Max(1, (slot - 6) / 2);
            Bar(svg, x + 3, bar, Y(trainingShares[i]), Y(0), TrainingColour, $"training: {training[i]} ({P(trainingShares[i])})");
            Bar(svg, x + 3 + bar, bar, Y(liveShares[i]), Y(0), LiveColour, $"live: {live[i]} ({P(liveShares[i])})");
        }

        Labels(svg, bins, count, slot);
        return svg.Append("</svg>").ToString();
    }

    private static void Labels(StringBuilder svg, IReadOnlyList<string> bins, int count, double slot)
    {
        var y = Height - Bottom + 13;
        var edges = bins.Count == count + 1;
        // Edges sit on the boundaries; with many bins every other one is labelled so that they do not run together.
        var step = edges && count > 6 ? 2 : 1;
        for (var i = 0; i < bins.Count; i += step)
        {
            var x = Left + (edges ? i * slot : (i + 0.5) * slot);
            var anchor = edges && i == 0 ? "start" : edges && i == bins.Count - 1 ? "end" : "middle";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{y}\" text-anchor=\"{anchor}\" font-size=\"10\" fill=\"#333\">{E(bins[i])}</text>");
        }

        if (edges && (bins.Count - 1) % step != 0)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{y}\" text-anchor=\"end\" font-size=\"10\" fill=\"#333\">{E(bins[^1])}</text>");
        if (edges)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"10\" fill=\"#59636e\">bins: training quantiles; the outer ones also hold live values beyond them</text>");
    }

    private static void Bar(StringBuilder svg, double x, double width, double y, double bottom, string colour, string tip) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(Math.Max(0, bottom - y))}\" fill=\"{colour}\"><title>{E(tip)}</title></rect>");

    private static void Legend(StringBuilder svg)
    {
        var x = Width - Right - 130;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"6\" width=\"10\" height=\"10\" fill=\"{TrainingColour}\"/><text x=\"{x + 14}\" y=\"15\" font-size=\"11\">training</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 70}\" y=\"6\" width=\"10\" height=\"10\" fill=\"{LiveColour}\"/><text x=\"{x + 84}\" y=\"15\" font-size=\"11\">live</text>");
    }

    private static double[] Shares(IReadOnlyList<long> counts)
    {
        double total = counts.Sum();
        return counts.Select(c => total == 0 ? 0 : c / total).ToArray();
    }

    private static string P(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
