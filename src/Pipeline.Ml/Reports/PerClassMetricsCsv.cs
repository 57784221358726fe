using System.Globalization;
using System.Text;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Models;

namespace Pipeline.Ml.Reports;

/// <summary>
/// <c>per_class_metrics.csv</c> as MLflow writes it for a multiclass model (pandas <c>to_csv(index=False)</c>):
/// one row per class, that class against the rest: <c>positive_class</c>, the binary metric set without
/// log_loss, then <c>roc_auc</c> and <c>precision_recall_auc</c> when the curves were drawn. Counts are
/// integers, other values Python floats, NaN an empty field.
/// </summary>
internal static class PerClassMetricsCsv
{
    private static readonly HashSet<string> Counts =
    [
        MetricNames.TrueNegatives, MetricNames.FalsePositives, MetricNames.FalseNegatives, MetricNames.TruePositives, MetricNames.ExampleCount,
    ];

    /// <param name="predictions">Multiclass predictions.</param>
    /// <param name="curves">Per class, its ROC AUC and average precision; null when the curves were not drawn.</param>
    public static string Build(PredictionSet predictions, IReadOnlyList<(double RocAuc, double AveragePrecision)>? curves)
    {
        var actual = predictions.ActualClasses;
        var predicted = predictions.PredictedClasses;
        var sb = new StringBuilder();
        for (var c = 0; c < predictions.ClassValues.Count; c++)
        {
            var metrics = BinaryClassificationEvaluator.Evaluate(
                actual.Select(a => a == c ? 1 : 0).ToArray(), predicted.Select(p => p == c ? 1 : 0).ToArray(), null);
            if (c == 0)
            {
                var header = metrics.Names.Prepend("positive_class");
                if (curves is not null) header = header.Append(MetricNames.RocAuc).Append(MetricNames.PrecisionRecallAuc);
                sb.Append(string.Join(",", header)).Append('\n');
            }

            var fields = metrics.Select(m => Counts.Contains(m.Key) ? ((long)m.Value).ToString(CultureInfo.InvariantCulture) : Float(m.Value))
                .Prepend(ClassLabels.Format(predictions.ClassValues[c]));
            if (curves is not null) fields = fields.Append(Float(curves[c].RocAuc)).Append(Float(curves[c].AveragePrecision));
            sb.Append(string.Join(",", fields)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Float(double value) => double.IsNaN(value) ? "" : PythonJson.Float(value);
}
