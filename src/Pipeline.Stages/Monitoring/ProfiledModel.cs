using Pipeline.Ml.Profiling;

namespace Pipeline.Stages.Monitoring;

/// <summary>A model's training profile and the identity its served predictions are logged under.</summary>
/// <param name="Profile">The model's <c>training_profile.json</c>.</param>
/// <param name="Uri">What the user named: a <c>models:/</c> URI or a directory.</param>
/// <param name="Name">The registered model's name (the log's <c>model</c>); null for a directory.</param>
/// <param name="Version">The log's <c>model_version</c>: the registry version, or a directory model's <c>model_uuid</c>.</param>
public sealed record ProfiledModel(TrainingProfile Profile, string Uri, string? Name, string? Version);
