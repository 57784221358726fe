using Pipeline.Server.Dashboard;

namespace Pipeline.Server.Tests.Dashboard;

public sealed class AxisTests
{
    [Fact]
    public void Of_PositiveValuesSpanningDecades_SpacesThemEvenlyOnALogScale()
    {
        var axis = Axis.Of("C", ["0.01", "0.1", "1", "10"]);

        Assert.Equal([0, 1 / 3.0, 2 / 3.0, 1], Enumerable.Range(0, 4).Select(i => Math.Round(axis.Position(i)!.Value, 9)).ToList(),
            new RoundedComparer());
    }

    [Fact]
    public void Of_NarrowNumbers_IsLinear_AndMissingValuesHaveNoPosition()
    {
        var axis = Axis.Of("lr", ["1", null, "3", "2"]);

        Assert.Equal(0, axis.Position(0));
        Assert.Null(axis.Position(1));
        Assert.Equal(1, axis.Position(2));
        Assert.Equal(0.5, axis.Position(3));
    }

    [Fact]
    public void Of_Text_IsCategorical_InOrdinalOrder()
    {
        var axis = Axis.Of("kernel", ["rbf", "linear", "rbf", "poly"]);

        Assert.Equal(["linear", "poly", "rbf"], axis.Ticks().Select(t => t.Label).ToList());
        Assert.Equal(1, axis.Position(0));
        Assert.Equal(0, axis.Position(1));
        Assert.Equal(0.5, axis.Position(3));
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;

        public int GetHashCode(double obj) => 0;
    }
}
