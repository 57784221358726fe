using Pipeline.Ml.Plots;

namespace Pipeline.Ml.Tests.Plots;

public class ReversedColormapTests
{
    // Perceived brightness, 0 (black) to 255 (white).
    private static double Luminance(ScottPlot.Color c) => (0.299 * c.R) + (0.587 * c.G) + (0.114 * c.B);

    [Fact]
    public void GetColor_ReversedBlues_HighCountsAreDarkAsInMatplotlib()
    {
        var map = new ReversedColormap(new ScottPlot.Colormaps.Blues());

        Assert.True(Luminance(map.GetColor(1)) < 100, $"the most frequent cell should be dark, got {map.GetColor(1)}");
        Assert.True(Luminance(map.GetColor(0)) > 200, $"an empty cell should be near white, got {map.GetColor(0)}");
        Assert.True(Luminance(map.GetColor(0.75)) < Luminance(map.GetColor(0.25)));
    }
}
