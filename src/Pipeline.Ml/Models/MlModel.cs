namespace Pipeline.Ml.Models;

/// <summary>
/// The content of an <c>MLmodel</c> file (MLflow's <c>Model.to_dict()</c>). Written with keys in
/// alphabetical order, as MLflow's <c>yaml.safe_dump</c> does. <c>mlflow_version</c> is not written:
/// this tool is not MLflow, and MLflow itself leaves the key out when the version is unknown; the
/// producing pipeline's version goes under <c>pipeline_version</c>, an extra key MLflow keeps as is.
/// </summary>
/// <param name="ModelUuid">32 lower-case hex characters (<c>uuid4().hex</c>).</param>
/// <param name="UtcTimeCreated">Creation time in UTC; written as <c>'2024-01-01 12:00:00.123456'</c>.</param>
/// <param name="MlNet">The <c>mlnet</c> flavor; null for a model without it (e.g. one MLflow wrote).</param>
/// <param name="ArtifactPath">The run-relative path (e.g. <c>model</c>); left out when null.</param>
/// <param name="RunId">The run that produced the model; left out when null.</param>
/// <param name="ModelSizeBytes">Bytes of the model directory as MLflow counts them; left out when null.</param>
/// <param name="Signature">The signature; left out when null.</param>
/// <param name="SavedInputExampleInfo">The input example's metadata; left out when null.</param>
/// <param name="PipelineVersion">The producing pipeline's version; left out when null.</param>
/// <param name="OtherFlavors">Flavors other than <c>mlnet</c>, kept as parsed YAML (dictionaries, lists, scalars) so a read-then-write keeps them.</param>
/// <param name="ModelId">MLflow 3's logged-model id; written as <c>model_id: null</c> when null, as MLflow 3 writes a model saved outside a logged model.</param>
/// <param name="Prompts">Prompt URIs linked to the model; written as <c>prompts: null</c> when null, as MLflow 3 does.</param>
public sealed record MlModel(
    string ModelUuid,
    DateTime UtcTimeCreated,
    MlNetFlavor? MlNet,
    string? ArtifactPath = null,
    string? RunId = null,
    long? ModelSizeBytes = null,
    ModelSignature? Signature = null,
    InputExampleInfo? SavedInputExampleInfo = null,
    string? PipelineVersion = null,
    IReadOnlyDictionary<string, object?>? OtherFlavors = null,
    string? ModelId = null,
    IReadOnlyList<string>? Prompts = null)
{
    /// <summary>The file name: <c>MLmodel</c>.</summary>
    public const string FileName = "MLmodel";
}
