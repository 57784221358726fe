using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Reporting;

/// <summary>One trial of a sweep as its child run recorded it.</summary>
/// <param name="Index">Position in the expanded search space (0-based).</param>
/// <param name="RunId">The trial's run.</param>
/// <param name="Name">The run name, e.g. <c>sdca_logistic_regression-09</c>.</param>
/// <param name="Status">The run status: FINISHED, or FAILED with <paramref name="Error"/>.</param>
/// <param name="Configuration">E.g. <c>sdca_logistic_regression(C=0.5)</c>.</param>
/// <param name="Params">Every logged param (trainer included), as logged.</param>
/// <param name="Metrics">Cross-validated metrics by name: mean over folds and standard deviation.</param>
/// <param name="FitTimeSeconds">Total fit time over the folds.</param>
/// <param name="Error">Why a failed trial failed.</param>
public sealed record ReportTrial(
    int Index,
    string RunId,
    string Name,
    RunStatus Status,
    string Configuration,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, CvMetric> Metrics,
    double? FitTimeSeconds,
    string? Error)
{
    public bool Failed => Status != RunStatus.Finished;

    /// <summary>Stopped by the sweep's pruner: FINISHED, but its metric covers only the folds it ran.</summary>
    public bool Pruned { get; init; }
}
