using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// Reads a fitted pipeline's output columns into predicted class indices (or values) and per-class
/// probabilities; the one place that knows ML.NET's output column names, shared by offline prediction
/// and packaged models.
/// </summary>
internal static class ModelScoring
{
    public static (double[] Predicted, IReadOnlyList<double>[]? Probabilities) Score(ITransformer model, DataTable features, TaskKind task)
    {
        var output = model.Transform(new DataTableDataView(features, includeLabel: false));
        switch (task)
        {
            case TaskKind.Binary:
            {
                var probability = output.GetColumn<float>("Probability").Select(p => (double)p).ToArray();
                var predicted = output.GetColumn<bool>("PredictedLabel").Select(p => p ? 1.0 : 0.0).ToArray();
                return (predicted, probability.Select(p => (IReadOnlyList<double>)[1 - p, p]).ToArray());
            }

            case TaskKind.Multiclass:
            {
                var scores = output.GetColumn<VBuffer<float>>("Score")
                    .Select(s => (IReadOnlyList<double>)s.DenseValues().Select(v => (double)v).ToArray()).ToArray();
                // PredictedLabel is a key: 1-based class index, 0 for missing.
                var predicted = output.GetColumn<uint>("PredictedLabel").Select(k => (double)k - 1).ToArray();
                return (predicted, scores);
            }

            default:
                return (output.GetColumn<float>("Score").Select(s => (double)s).ToArray(), null);
        }
    }
}
