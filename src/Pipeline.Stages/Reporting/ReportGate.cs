namespace Pipeline.Stages.Reporting;

/// <summary>One gate's verdict as the evaluation recorded it, e.g. <c>passed: roc_auc = 0.998 &gt;= 0.95</c>.</summary>
public sealed record ReportGate(string Metric, bool Passed, string Verdict);
