using Pipeline.Ml.Plots;

namespace Pipeline.Ml.Reports;

/// <summary>Options for <see cref="EvaluationReportWriter"/>.</summary>
public sealed record EvaluationReportOptions
{
    /// <summary>
    /// Above this many classes the multiclass ROC and precision-recall plots are left out; default 10,
    /// MLflow's <c>max_classes_for_multiclass_roc_pr</c>.
    /// </summary>
    public int MaxClassesForMulticlassRocPr { get; init; } = 10;

    /// <summary>Bins of the calibration curves; default 10, as MLflow.</summary>
    public int CalibrationBins { get; init; } = 10;

    /// <summary>PNG size and font; default <see cref="PlotOptions"/>' defaults.</summary>
    public PlotOptions Plot { get; init; } = new();
}
