using ScottPlot;

namespace Pipeline.Ml.Plots;

/// <summary>
/// Draws evaluation plots as PNG files with ScottPlot (headless, no display needed). Each method writes
/// the PNG to the given path (creating its folder) and returns that path. Inputs are plain arrays so the
/// caller adapts its own metric types.
/// </summary>
/// <param name="options">Size and font; default <see cref="PlotOptions"/>'s defaults.</param>
public sealed partial class ModelPlotter(PlotOptions? options = null)
{
    private readonly PlotOptions _options = options ?? new PlotOptions();

    private Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        // Per plot, not ScottPlot's static Fonts.Default, so concurrent plotters do not interfere.
        plot.Font.Set(FontInstalled(_options.FontName) ? _options.FontName : ScottPlot.Fonts.Detect(title));
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Whether SkiaSharp finds the font family on this machine.</summary>
    public static bool FontInstalled(string family) =>
        SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains(family, StringComparer.OrdinalIgnoreCase);

    private string Save(Plot plot, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        // ScottPlot's SavePng encodes with Skia's defaults: zlib level 6 and every PNG row filter tried on every row. For a
        // 640x480 confusion matrix that is 9.5 ms; the Up filter alone at level 3 takes 2.3 ms for a file 20 % larger
        // (27 KB instead of 23 KB). A sweep draws one per trial, on the trial's own time.
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(_options.Width, _options.Height))
            ?? throw new InvalidOperationException($"Skia could not allocate a {_options.Width}x{_options.Height} surface.");
        plot.Render(surface);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var png = pixels.Encode(new SkiaSharp.SKPngEncoderOptions(SkiaSharp.SKPngEncoderFilterFlags.Up, 3))
            ?? throw new InvalidOperationException($"Skia could not encode {path} as PNG.");
        using var file = File.Create(path);
        png.SaveTo(file);
        return path;
    }

    private static void Diagonal(Plot plot, string legend)
    {
        var line = plot.Add.Line(0, 0, 1, 1);
        line.LinePattern = LinePattern.Dashed;
        line.Color = Colors.Gray;
        line.LegendText = legend;
    }

    private static ScottPlot.Plottables.Scatter Curve(Plot plot, CurvePoints points, string legend)
    {
        var s = plot.Add.ScatterLine(points.X, points.Y);
        s.LineWidth = 2;
        s.LegendText = legend;
        return s;
    }
}
