namespace Pipeline.Tracking.Entities;

/// <summary>An experiment: a named group of runs. Times are Unix ms.</summary>
public sealed record Experiment(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    LifecycleStage LifecycleStage,
    IReadOnlyDictionary<string, string> Tags,
    long CreationTime,
    long LastUpdateTime);
