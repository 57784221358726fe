using Pipeline.Ml.Drift;

namespace Pipeline.Ml.Tests.Drift;

public class PopulationStabilityTests
{
    [Fact]
    public void Index_SameShares_IsZero()
    {
        Assert.Equal(0, PopulationStability.Index([10, 20, 30], [1, 2, 3]), 12);
    }

    [Fact]
    public void Index_TwoBins_MatchesTheHandComputedSum()
    {
        // Given expected shares 0.5/0.5 and actual 0.8/0.2:
        // (0.8 - 0.5)·ln(0.8/0.5) + (0.2 - 0.5)·ln(0.2/0.5) = 0.3·0.470004 + 0.3·0.916291 = 0.415888
        var psi = PopulationStability.Index([50, 50], [80, 20]);

        Assert.Equal(0.3 * Math.Log(1.6) + (0.3 * Math.Log(2.5)), psi, 12);
        Assert.Equal(0.415888, psi, 6);
    }

    [Fact]
    public void Index_EmptyActualBin_UsesEpsilonInsteadOfInfinity()
    {
        // Expected 0.25/0.75, actual 0/1: the empty bin counts as 0.0001.
        // (0.0001 - 0.25)·ln(0.0001/0.25) + (1 - 0.75)·ln(1/0.75) = 0.2499·7.824046 + 0.25·0.287682 = 1.955229 + 0.071921
        var psi = PopulationStability.Index([25, 75], [0, 40]);

        Assert.Equal(2.027150, psi, 5);
    }

    [Fact]
    public void Index_IsSymmetricInItsArguments()
    {
        Assert.Equal(PopulationStability.Index([10, 30, 60], [30, 30, 40]), PopulationStability.Index([30, 30, 40], [10, 30, 60]), 12);
    }

    [Fact]
    public void Index_NoLiveValues_IsNaN()
    {
        Assert.True(double.IsNaN(PopulationStability.Index([5, 5], [0, 0])));
    }

    [Fact]
    public void Index_DifferentBinCounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => PopulationStability.Index([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void NoiseFloor_TenBinsOf455And114Rows_IsAboutOneTenth()
    {
        Assert.Equal(9 * ((1.0 / 455) + (1.0 / 114)), PopulationStability.NoiseFloor(10, 455, 114), 12);
    }
}
