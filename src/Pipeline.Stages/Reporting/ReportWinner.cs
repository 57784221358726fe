namespace Pipeline.Stages.Reporting;

/// <summary>The trial the select stage chose and its cross-validated score.</summary>
public sealed record ReportWinner(string RunId, string Configuration, double? Score);
