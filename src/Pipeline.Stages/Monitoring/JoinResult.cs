namespace Pipeline.Stages.Monitoring;

/// <summary>The join of a prediction log with its labels.</summary>
/// <param name="Versions">Each model version's joined rows, the champion first.</param>
/// <param name="Labels">Labelled rows read.</param>
/// <param name="UnmatchedLabels">Labels whose request id and row no logged prediction carries.</param>
/// <param name="DuplicateLabels">Labels repeated for a row already labelled (the first one counts).</param>
/// <param name="DuplicatePredictions">Predictions one version logged twice for one row (the first one counts).</param>
public sealed record JoinResult(
    IReadOnlyList<VersionRows> Versions, int Labels, int UnmatchedLabels, int DuplicateLabels, int DuplicatePredictions);
