namespace Pipeline.Tracking.Analysis;

/// <summary>A least-squares regression tree (CART) over a few numeric features, for <see cref="ParameterImportance"/>.</summary>
internal sealed class RegressionTree
{
    private int _feature = -1;
    private double _threshold;
    private double _value;
    private RegressionTree? _left, _right;

    /// <summary>Fits on <paramref name="rows"/> (with repeats, a bootstrap sample) of columns <paramref name="x"/>.</summary>
    public static RegressionTree Fit(double[][] x, double[] y, int[] rows, int depth)
    {
        var node = new RegressionTree { _value = rows.Average(r => y[r]) };
        if (depth == 0 || rows.Length < 2) return node;
        var best = (Gain: 1e-12, Feature: -1, Threshold: 0.0);
        var total = rows.Sum(r => y[r]);
        for (var f = 0; f < x.Length; f++)
        {
            var sorted = rows.OrderBy(r => x[f][r]).ToArray();
            var left = 0.0;
            for (var i = 0; i < sorted.Length - 1; i++)
            {
                left += y[sorted[i]];
                var a = x[f][sorted[i]];
                var b = x[f][sorted[i + 1]];
                if (a == b) continue;
                var nl = i + 1;
                var nr = sorted.Length - nl;
                // Variance reduction up to a constant: sum of squared side totals over side sizes.
                var gain = (left * left / nl) + ((total - left) * (total - left) / nr) - (total * total / sorted.Length);
                if (gain > best.Gain) best = (gain, f, a == double.MinValue ? double.MinValue / 2 : a + ((b - a) / 2));
            }
        }

        if (best.Feature < 0) return node;
        node._feature = best.Feature;
        node._threshold = best.Threshold;
        node._left = Fit(x, y, [.. rows.Where(r => x[best.Feature][r] <= best.Threshold)], depth - 1);
        node._right = Fit(x, y, [.. rows.Where(r => x[best.Feature][r] > best.Threshold)], depth - 1);
        return node;
    }

    public double Predict(double[] row) =>
        _feature < 0 ? _value : row[_feature] <= _threshold ? _left!.Predict(row) : _right!.Predict(row);
}
