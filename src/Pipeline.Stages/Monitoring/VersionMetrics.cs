using Pipeline.Ml.Evaluation;

namespace Pipeline.Stages.Monitoring;

/// <summary>One model version on live traffic.</summary>
/// <param name="Version">The model version.</param>
/// <param name="Role">Its role (<c>champion</c>, <c>challenger</c>, <c>shadow</c>), or null.</param>
/// <param name="LoggedRows">Rows it answered in the log.</param>
/// <param name="JoinedRows">Of those, rows a label arrived for: what the metrics are computed on.</param>
/// <param name="UnlabelledRows">Rows no label arrived for.</param>
/// <param name="Metrics">The evaluate stage's metric set on the joined rows; empty when none joined.</param>
public sealed record VersionMetrics(string Version, string? Role, int LoggedRows, int JoinedRows, int UnlabelledRows, MetricSet Metrics);
