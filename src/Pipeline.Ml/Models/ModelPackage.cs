namespace Pipeline.Ml.Models;

/// <summary>What <see cref="MlModelWriter"/> writes besides the model file itself.</summary>
/// <param name="Flavor">The <c>mlnet</c> flavor (model file name, ML.NET version, task, label, features).</param>
/// <param name="Environment">The environment to write to <c>dotnet_env.json</c>.</param>
/// <param name="Signature">The signature; none written when null.</param>
/// <param name="Example">The input example; none written when null.</param>
/// <param name="RunId">The producing run's id; left out when null.</param>
/// <param name="ArtifactPath">The run-relative path; default <c>model</c>.</param>
/// <param name="PipelineVersion">The producing pipeline's version; left out when null.</param>
/// <param name="Profile">The training split's profile, written as <c>training_profile.json</c>; none written when null.</param>
public sealed record ModelPackage(
    MlNetFlavor Flavor,
    ModelEnvironment Environment,
    ModelSignature? Signature = null,
    InputExample? Example = null,
    string? RunId = null,
    string? ArtifactPath = "model",
    string? PipelineVersion = null,
    Profiling.TrainingProfile? Profile = null);
