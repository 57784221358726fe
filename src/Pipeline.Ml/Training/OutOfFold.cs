using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>Concatenates per-fold prediction sets, re-indexing classes onto their sorted union.</summary>
internal static class OutOfFold
{
    public static PredictionSet Combine(IReadOnlyList<PredictionSet> folds)
    {
        if (folds.Count == 0) throw new InvalidOperationException("No folds to combine.");
        var task = folds[0].Task;
        if (task == TaskKind.Regression)
            return new PredictionSet(task, [], folds.SelectMany(f => f.Actual).ToArray(), folds.SelectMany(f => f.Predicted).ToArray(), null);

        var classes = folds.SelectMany(f => f.ClassValues).Distinct().Order().ToArray();
        var position = classes.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var actual = new List<double>();
        var predicted = new List<double>();
        var probabilities = folds.All(f => f.Probabilities is not null) ? new List<IReadOnlyList<double>>() : null;
        foreach (var fold in folds)
        {
            // Map each fold's class index to its index in the union.
            var map = fold.ClassValues.Select(v => position[v]).ToArray();
            actual.AddRange(fold.Actual.Select(a => (double)map[(int)a]));
            predicted.AddRange(fold.Predicted.Select(p => (double)map[(int)p]));
            if (probabilities is null) continue;
            foreach (var row in fold.Probabilities!)
            {
                var wide = new double[classes.Length];
                for (var c = 0; c < row.Count; c++) wide[map[c]] = row[c];
                probabilities.Add(wide);
            }
        }

        return new PredictionSet(task, classes, actual.ToArray(), predicted.ToArray(), probabilities?.ToArray());
    }
}
