namespace Pipeline.Stages.Reporting;

/// <summary>The evaluation on the held-out test split.</summary>
/// <param name="RunId">The evaluation run.</param>
/// <param name="Metrics">Test metrics in the order the evaluation logged them.</param>
/// <param name="Gates">One verdict per declared gate.</param>
/// <param name="Passed">The verdict of all gates together (<c>pipeline.gates</c>); null when not recorded.</param>
/// <param name="Plots">The evaluation's PNG plots (ROC, PR, confusion matrix, ...), by file name.</param>
public sealed record ReportEvaluation(
    string RunId,
    IReadOnlyList<KeyValuePair<string, double>> Metrics,
    IReadOnlyList<ReportGate> Gates,
    bool? Passed,
    IReadOnlyList<ReportPlot> Plots);
