namespace Pipeline.Ml.Plots;

/// <summary>Size and font of the PNGs <see cref="ModelPlotter"/> writes.</summary>
/// <param name="Width">Width in pixels; default 640.</param>
/// <param name="Height">Height in pixels; default 480.</param>
/// <param name="FontName">
/// The font family; default <c>DejaVu Sans</c>, which Debian's fonts-dejavu-core installs. When it is
/// not installed ScottPlot falls back to the best font SkiaSharp finds (its embedded default when none).
/// </param>
public sealed record PlotOptions(int Width = 640, int Height = 480, string FontName = "DejaVu Sans");
