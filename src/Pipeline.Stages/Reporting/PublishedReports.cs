namespace Pipeline.Stages.Reporting;

/// <summary>Where <see cref="ReportPublisher"/> wrote the reports; <paramref name="StepSummaryPath"/> is set on GitHub Actions only.</summary>
public sealed record PublishedReports(string SummaryPath, string HtmlPath, string? StepSummaryPath);
