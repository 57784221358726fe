namespace Pipeline.Tracking.Entities;

/// <summary>A run's attributes. <paramref name="RunId"/> is 32 lowercase hex characters; times are Unix ms.</summary>
public sealed record RunInfo(
    string RunId,
    string ExperimentId,
    string RunName,
    string UserId,
    RunStatus Status,
    long StartTime,
    long? EndTime,
    string ArtifactUri,
    LifecycleStage LifecycleStage);
