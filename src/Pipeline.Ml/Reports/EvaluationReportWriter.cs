using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Plots;

namespace Pipeline.Ml.Reports;

/// <summary>
/// Computes the metric set of a <see cref="PredictionSet"/> and writes every evaluation plot as a PNG with
/// its data as JSON beside it, under MLflow's default-evaluator artifact names (<see cref="ReportFileNames"/>):
/// <list type="bullet">
/// <item>binary: ROC, precision-recall, lift (both classes), calibration (positive class), confusion matrix;</item>
/// <item>multiclass: calibration, ROC and precision-recall one-vs-rest per class (up to
/// <see cref="EvaluationReportOptions.MaxClassesForMulticlassRocPr"/> classes), <c>per_class_metrics.csv</c>,
/// confusion matrix;</item>
/// <item>regression: predicted against actual, and residuals.</item>
/// </list>
/// Classification curves need probabilities and both sides of each one-vs-rest split in the truth; without
/// them only the confusion matrix (and per-class metrics) are written. Curve JSON holds the evaluation
/// records (<see cref="RocCurve"/> etc., via <see cref="CurveJson"/>: one object for binary, an array per
/// class for multiclass); the confusion matrix JSON is <c>{"labels": [...], "counts": [[...]]}</c>;
/// regression JSON is <see cref="CurveDataWriter"/>'s <c>{"x": [...], "y": [...]}</c>.
/// </summary>
/// <param name="options">Options; default <see cref="EvaluationReportOptions"/>' defaults.</param>
public sealed partial class EvaluationReportWriter(EvaluationReportOptions? options = null)
{
    private readonly EvaluationReportOptions _options = options ?? new EvaluationReportOptions();
    private readonly ModelPlotter _plotter = new((options ?? new EvaluationReportOptions()).Plot);

    /// <summary>Evaluates and writes the report into <paramref name="folder"/> (created if absent; files of the same name are replaced).</summary>
    /// <returns>The metrics and the relative names of the files written.</returns>
    public EvaluationReport Write(PredictionSet predictions, string folder)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var metrics = ModelEvaluator.Evaluate(predictions);
        var files = new List<string>();
        var output = new Output(folder, files);
        switch (predictions.Task)
        {
            case TaskKind.Binary: WriteBinary(predictions, output); break;
            case TaskKind.Multiclass: WriteMulticlass(predictions, output); break;
            default: WriteRegression(predictions, output); break;
        }

        return new EvaluationReport(metrics, files);
    }

    private void WriteConfusionMatrix(PredictionSet predictions, Output output)
    {
        var matrix = ConfusionMatrix.From(predictions.ActualClasses, predictions.PredictedClasses, predictions.ClassValues);
        ConfusionMatrixWriter.Draw(_plotter, matrix, output.Png(ReportFileNames.ConfusionMatrix));
        output.Json(ReportFileNames.ConfusionMatrix, CurveJson.Serialize(matrix));
    }

    /// <summary>Paths in the output folder, recording each file written.</summary>
    private sealed class Output(string folder, List<string> files)
    {
        public string Png(string name)
        {
            files.Add(name);
            return Path.Combine(folder, name);
        }

        public void Json(string png, string json)
        {
            var name = ReportFileNames.DataFileOf(png);
            File.WriteAllText(Path.Combine(folder, name), json);
            files.Add(name);
        }

        public void Written(string path) => files.Add(Path.GetFileName(path));

        public void Text(string name, string text)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
            files.Add(name);
        }
    }
}
