using Pipeline.Ml.Data;

namespace Pipeline.Stages.Monitoring;

/// <summary>Each model version's metrics on live traffic and the significance of their difference.</summary>
/// <param name="Task">The task the rows were evaluated as.</param>
/// <param name="Metric">The metric compared.</param>
/// <param name="Versions">Per version, the champion first.</param>
/// <param name="Differences">Each other version against the first (the champion); empty with one version.</param>
/// <param name="Labels">Labelled rows read from the labels file.</param>
/// <param name="EmptyLabels">Label lines with an empty label (not arrived yet), skipped.</param>
/// <param name="UnmatchedLabels">Labels no logged prediction matched.</param>
/// <param name="DuplicateLabels">Labels repeated for one row (the first counted).</param>
/// <param name="DuplicatePredictions">Predictions a version logged twice for one row (the first counted).</param>
/// <param name="SkippedLogLines">Log lines without an answered row (refused requests).</param>
/// <param name="LogSources">Log files or inference runs read.</param>
public sealed record ComparisonReport(
    TaskKind Task, string Metric, IReadOnlyList<VersionMetrics> Versions, IReadOnlyList<BootstrapDifference> Differences,
    int Labels, int EmptyLabels, int UnmatchedLabels, int DuplicateLabels, int DuplicatePredictions, int SkippedLogLines, int LogSources);
