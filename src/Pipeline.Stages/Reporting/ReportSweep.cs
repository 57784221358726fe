using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Reporting;

/// <summary>A sweep run and its trials, in search-space order.</summary>
/// <param name="RunId">The sweep (parent) run.</param>
/// <param name="SelectMetric">The selection metric, e.g. <c>roc_auc</c>.</param>
/// <param name="Direction">Whether the selection metric is maximised or minimised.</param>
/// <param name="CvFolds">Cross-validation folds, when the sweep logged them.</param>
/// <param name="KeyMetrics">The selection metric, then the gated metrics: the columns a short table shows.</param>
/// <param name="MetricColumns">The key metrics, then every other cross-validated score the trials logged.</param>
/// <param name="Trials">Every trial, finished or failed.</param>
/// <param name="Winner">The selected trial; null before the select stage.</param>
public sealed record ReportSweep(
    string RunId,
    string SelectMetric,
    OptimizationDirection Direction,
    int? CvFolds,
    IReadOnlyList<string> KeyMetrics,
    IReadOnlyList<string> MetricColumns,
    IReadOnlyList<ReportTrial> Trials,
    ReportWinner? Winner)
{
    public int FailedTrials => Trials.Count(t => t.Failed);
}
