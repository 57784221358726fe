namespace Pipeline.Tracking.Entities;

/// <summary>A dataset as MLflow records it for <c>log-inputs</c>: <paramref name="Schema"/> and <paramref name="Profile"/> are JSON strings.</summary>
public sealed record Dataset(string Name, string Digest, string SourceType, string Source, string? Schema, string? Profile);

/// <summary>A dataset used by a run, with its input tags (e.g. <c>mlflow.data.context</c> = <c>training</c>).</summary>
public sealed record DatasetInput(Dataset Dataset, IReadOnlyList<RunTag> Tags);
