using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Reports;

/// <summary>What <see cref="EvaluationReportWriter"/> computed and wrote.</summary>
/// <param name="Metrics">MLflow's default metric set for the task (<see cref="ModelEvaluator.Evaluate"/>).</param>
/// <param name="Files">The files written, relative to the output folder (<c>/</c> separated), in the order MLflow logs them.</param>
public sealed record EvaluationReport(MetricSet Metrics, IReadOnlyList<string> Files);
