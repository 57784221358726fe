using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Tests.Evaluation;

// Expected points computed with scikit-learn 1.2.1 on the same arrays (its first ROC threshold is max + 1;
// current scikit-learn, and this code, use +∞).
public class ClassificationCurvesTests
{
    private static readonly bool[] Positive = new[] { 0, 0, 1, 1, 0, 1, 1, 0, 1, 0 }.Select(y => y == 1).ToArray();
    private static readonly double[] Scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.6, 0.2, 0.4, 0.7];

    [Fact]
    public void Roc_DropsCollinearPointsAndStartsAtInfinity()
    {
        var roc = ClassificationCurves.Roc(Positive, Scores);

        Assert.Equal([0.0, 0.0, 0.0, 0.2, 0.2, 0.6, 0.6, 1.0], roc.FalsePositiveRate);
        Assert.Equal([0.0, 0.2, 0.4, 0.4, 0.6, 0.8, 1.0, 1.0], roc.TruePositiveRate);
        Assert.Equal([double.PositiveInfinity, 0.9, 0.8, 0.7, 0.6, 0.4, 0.35, 0.1], roc.Thresholds);
        Assert.Equal(0.76, roc.Auc, 12);
    }

    [Fact]
    public void PrecisionRecall_MatchesScikitLearnPoints()
    {
        var pr = ClassificationCurves.PrecisionRecall(Positive, Scores);

        Assert.Equal([0.5, 0.5555555555555556, 0.625, 0.5714285714285714, 0.75, 0.6666666666666666, 1.0, 1.0, 1.0], pr.Precision, Close);
        Assert.Equal([1.0, 1.0, 1.0, 0.8, 0.6, 0.4, 0.4, 0.2, 0.0], pr.Recall, Close);
        Assert.Equal([0.1, 0.2, 0.35, 0.4, 0.6, 0.7, 0.8, 0.9], pr.Thresholds);
        Assert.Equal(0.7892857142857144, pr.AveragePrecision, 12);
    }

    [Fact]
    public void Calibration_FiveBins_MatchesScikitLearnUniformStrategy()
    {
        var curve = ClassificationCurves.Calibration(Positive, Scores, 1, bins: 5);

        Assert.Equal([0.0, 0.5, 1.0, 0.5, 1.0], curve.FractionPositive, Close);
        Assert.Equal([0.15, 0.3875, 0.6, 0.75, 0.9], curve.MeanPredicted, Close);
        Assert.Equal([2, 4, 1, 2, 1], curve.Counts);
    }

    [Fact]
    public void Lift_PerfectRanking_StartsAtInverseOfPrevalenceAndEndsAtOne()
    {
        var lift = ClassificationCurves.Lift([true, false, false, false], [0.9, 0.1, 0.2, 0.3], 1);

        Assert.Equal([0.25, 0.5, 0.75, 1.0], lift.Percentages);
        Assert.Equal(4.0, lift.Lift[0], 12);
        Assert.Equal(1.0, lift.Lift[^1], 12);
    }

    [Fact]
    public void ConfusionMatrix_NormalizedByTruth_RowsSumToOne()
    {
        var matrix = ConfusionMatrix.From([0, 0, 1, 1, 1], [0, 1, 1, 1, 0], [0.0, 1.0]);

        Assert.Equal([1L, 1L], matrix.Counts[0]);
        Assert.Equal([1L, 2L], matrix.Counts[1]);
        Assert.Equal(2.0 / 3, matrix.NormalizedByTruth()[1][1], 12);
    }

    [Fact]
    public void Curves_SerializeToJsonWithSnakeCaseAndInfinity_AndReadBack()
    {
        var roc = ClassificationCurves.Roc(Positive, Scores);

        var json = CurveJson.Serialize(roc);
        var back = CurveJson.Deserialize<RocCurve>(json)!;

        Assert.Contains("\"false_positive_rate\"", json);
        Assert.Contains("\"Infinity\"", json);
        Assert.Equal(roc.Thresholds, back.Thresholds);
        Assert.Equal(roc.Auc, back.Auc);
    }

    [Fact]
    public void ModelEvaluatorCurves_Multiclass_GivesOneCurvePerClassAndNoLift()
    {
        IReadOnlyList<double>[] probabilities = [[.7, .2, .1], [.2, .5, .3], [.1, .2, .7], [.3, .4, .3]];
        var predictions = new PredictionSet(TaskKind.Multiclass, [0.0, 1.0, 2.0], [0, 1, 2, 0], [0, 1, 2, 1], probabilities);

        var curves = ModelEvaluator.Curves(predictions);

        Assert.Equal(3, curves.Roc.Count);
        Assert.Equal(3, curves.Calibration.Count);
        Assert.Empty(curves.Lift);
        Assert.Equal(1L, curves.ConfusionMatrix.Counts[0][1]);
    }

    private static readonly Comparer Close = new();

    private sealed class Comparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}
