namespace Pipeline.Stages.Monitoring;

/// <summary>What a drift check produced.</summary>
/// <param name="Report">The figures and verdicts.</param>
/// <param name="HtmlPath">The HTML report.</param>
/// <param name="MarkdownPath">The Markdown report.</param>
/// <param name="RunId">The monitoring run; null when no tracking store was at hand.</param>
/// <param name="StepSummary">The GitHub job-summary file the Markdown was appended to; null outside GitHub Actions.</param>
public sealed record DriftOutcome(DriftReport Report, string HtmlPath, string MarkdownPath, string? RunId, string? StepSummary);
