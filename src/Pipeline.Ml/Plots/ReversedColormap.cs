using ScottPlot;

namespace Pipeline.Ml.Plots;

/// <summary>A colormap read from its other end: position 0 takes the inner map's colour at 1.</summary>
internal sealed class ReversedColormap(IColormap inner) : IColormap
{
    public string Name => $"{inner.Name} (reversed)";

    public Color GetColor(double normalizedIntensity) => inner.GetColor(1 - normalizedIntensity);
}
