namespace Pipeline.Ml.Reports;

/// <summary>
/// The artifact file names <see cref="EvaluationReportWriter"/> writes: for classifiers MLflow's default
/// evaluator names (<c>mlflow.evaluate(model_type="classifier")</c>); for regression, where MLflow draws
/// no plots, names in the same style. Each PNG has a JSON file of its data beside it (same stem).
/// </summary>
public static class ReportFileNames
{
    /// <summary><c>roc_curve_plot.png</c>: binary, or one-vs-rest per class for multiclass.</summary>
    public const string RocCurvePlot = "roc_curve_plot.png";

    /// <summary><c>precision_recall_curve_plot.png</c>: binary, or one-vs-rest per class for multiclass.</summary>
    public const string PrecisionRecallCurvePlot = "precision_recall_curve_plot.png";

    /// <summary><c>confusion_matrix.png</c>.</summary>
    public const string ConfusionMatrix = "confusion_matrix.png";

    /// <summary><c>lift_curve_plot.png</c> (binary only, as MLflow).</summary>
    public const string LiftCurvePlot = "lift_curve_plot.png";

    /// <summary><c>calibration_curve_plot.png</c>.</summary>
    public const string CalibrationCurvePlot = "calibration_curve_plot.png";

    /// <summary><c>per_class_metrics.csv</c> (multiclass only, as MLflow).</summary>
    public const string PerClassMetrics = "per_class_metrics.csv";

    /// <summary><c>predicted_vs_actual_plot.png</c> (regression).</summary>
    public const string PredictedVsActualPlot = "predicted_vs_actual_plot.png";

    /// <summary><c>residuals_plot.png</c> (regression).</summary>
    public const string ResidualsPlot = "residuals_plot.png";

    /// <summary>The JSON data file beside a plot: <c>roc_curve_plot.png</c> → <c>roc_curve_plot.json</c>.</summary>
    public static string DataFileOf(string png) => Path.ChangeExtension(png, ".json");
}
