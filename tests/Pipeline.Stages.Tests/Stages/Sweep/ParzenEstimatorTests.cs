using Pipeline.Stages.Stages.Sweep.Sampling;

namespace Pipeline.Stages.Tests.Stages.Sweep;

public sealed class ParzenEstimatorTests
{
    [Fact]
    public void LogPdf_Continuous_IntegratesToOneOverTheRange()
    {
        var estimator = new NumericParzenEstimator([0.1, 0.15, 0.9], 0, 1, null, 1.0);

        const int n = 20_000;
        var integral = Enumerable.Range(0, n).Sum(i => Math.Exp(estimator.LogPdf((i + 0.5) / n)) / n);

        Assert.Equal(1.0, integral, 3);
    }

    [Fact]
    public void LogPdf_Discrete_MassesSumToOne()
    {
        var estimator = new NumericParzenEstimator([3, 4, 4], 1, 9, 1, 1.0);

        Assert.Equal(1.0, Enumerable.Range(1, 9).Sum(x => Math.Exp(estimator.LogPdf(x))), 6);
    }

    [Fact]
    public void Categorical_ObservedChoiceGetsMoreMass_AndAllChoicesKeepSome()
    {
        var estimator = new CategoricalParzenEstimator([2, 2, 0], 4, 1.0);

        Assert.Equal(1.0, estimator.Probabilities.Sum(), 9);
        Assert.True(estimator.Probabilities[2] > estimator.Probabilities[0]);
        Assert.True(estimator.Probabilities[0] > estimator.Probabilities[1]);
        Assert.True(estimator.Probabilities[3] > 0);
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.34134474606854293)]
    [InlineData(-1.0, 1.0, 0.68268949213708585)]
    [InlineData(5.0, 6.0, 2.8566496e-7)]
    [InlineData(-6.0, -5.0, 2.8566496e-7)]
    public void LogMass_MatchesTheNormalCdfDifference_InTheTailsToo(double a, double b, double mass) =>
        Assert.Equal(Math.Log(mass), TruncatedNormal.LogMass(a, b), 4);
}
