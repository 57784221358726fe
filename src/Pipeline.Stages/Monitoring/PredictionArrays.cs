using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// One version's joined rows in the evaluators' form: class indices into the sorted classes (or target values for
/// regression) and, when every row carries them, class probabilities. A bootstrap resample is a <see cref="Subset"/>.
/// </summary>
internal sealed class PredictionArrays
{
    private readonly TaskKind _task;
    private readonly IReadOnlyList<double> _classValues;
    private readonly double[] _actual;
    private readonly double[] _predicted;
    private readonly IReadOnlyList<double>[]? _probabilities;

    public PredictionArrays(TaskKind task, IReadOnlyList<string> classes, IReadOnlyList<JoinedRow> rows)
    {
        _task = task;
        // The evaluators name classes by value only for curves; indices are what the metrics need.
        _classValues = Enumerable.Range(0, classes.Count).Select(i => (double)i).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        _actual = new double[rows.Count];
        _predicted = new double[rows.Count];
        var withProbabilities = task != TaskKind.Regression && rows.Count > 0 &&
            rows.All(r => r.Probabilities is { } p && p.Count == classes.Count && p.All(double.IsFinite));
        _probabilities = withProbabilities ? new IReadOnlyList<double>[rows.Count] : null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (task == TaskKind.Regression)
            {
                _actual[i] = Number(row.Label, row, "label");
                _predicted[i] = Number(row.Prediction, row, "prediction");
                continue;
            }

            _actual[i] = index[row.Label];
            _predicted[i] = row.Prediction is { } p ? index[p] : ArgMax(row);
            if (_probabilities is not null)
                _probabilities[i] = row.Probabilities!;
        }
    }

    public int Count => _actual.Length;

    public bool HasProbabilities => _probabilities is not null;

    /// <summary>
    /// The rows at <paramref name="indices"/> (repeats allowed) as a prediction set; without <paramref name="probabilities"/>
    /// the evaluators skip the probability metrics and their curves, which a resample of a class-only metric does not need.
    /// </summary>
    public PredictionSet Subset(IReadOnlyList<int>? indices = null, bool probabilities = true)
    {
        var kept = probabilities ? _probabilities : null;
        if (indices is null)
            return new PredictionSet(_task, _classValues, _actual, _predicted, kept);
        return new PredictionSet(_task, _classValues,
            indices.Select(i => _actual[i]).ToArray(), indices.Select(i => _predicted[i]).ToArray(),
            kept is null ? null : indices.Select(i => kept[i]).ToArray());
    }

    private static double ArgMax(JoinedRow row)
    {
        var p = row.Probabilities ?? throw new InvalidOperationException($"request {row.RequestId} row {row.Row}: no prediction logged.");
        var best = 0;
        for (var c = 1; c < p.Count; c++)
        {
            if (p[c] > p[best])
                best = c;
        }

        return best;
    }

    private static double Number(string? text, JoinedRow row, string what) =>
        text is not null && LabelValue.TryNumber(text, out var value)
            ? value
            : throw new InvalidOperationException(
                $"request {row.RequestId} row {row.Row}: the {what} '{text}' is not a number, so this is not regression (pass --task).");
}
