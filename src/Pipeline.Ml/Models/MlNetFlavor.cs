namespace Pipeline.Ml.Models;

/// <summary>
/// The <c>mlnet</c> flavor of an MLmodel file: how to load the model with ML.NET. Written under
/// <c>flavors.mlnet</c> with the keys <c>class_values</c> (classifiers only), <c>env</c>, <c>feature_columns</c>,
/// <c>label_column</c>, <c>mlnet_version</c>, <c>model_file</c>, <c>task</c>.
/// </summary>
/// <param name="ModelFile">The ML.NET model file, relative to the model directory; default <c>model.zip</c>.</param>
/// <param name="MlNetVersion">The Microsoft.ML package version that saved the model, e.g. <c>6.0.0</c>.</param>
/// <param name="Task">The task kind: <c>binary_classification</c>, <c>multiclass_classification</c> or <c>regression</c>.</param>
/// <param name="LabelColumn">The label column the model was trained on.</param>
/// <param name="FeatureColumns">The feature columns, in the order the model expects them.</param>
/// <param name="Env">The environment file, relative to the model directory; default <see cref="MlModelWriter.EnvironmentFileName"/>.</param>
/// <param name="ClassValues">
/// For classifiers, the original class values in the model's class-index order (what its predicted class
/// index and probability columns refer to); null (and not written) otherwise.
/// </param>
public sealed record MlNetFlavor(
    string MlNetVersion,
    string Task,
    string LabelColumn,
    IReadOnlyList<string> FeatureColumns,
    string ModelFile = "model.zip",
    string Env = MlModelWriter.EnvironmentFileName,
    IReadOnlyList<double>? ClassValues = null)
{
    /// <summary>The flavor's key under <c>flavors</c>: <c>mlnet</c>.</summary>
    public const string FlavorName = "mlnet";

    /// <summary>Structural equality (feature lists compared element by element).</summary>
    public bool Equals(MlNetFlavor? other) =>
        other is not null && MlNetVersion == other.MlNetVersion && Task == other.Task
        && LabelColumn == other.LabelColumn && ModelFile == other.ModelFile && Env == other.Env
        && FeatureColumns.SequenceEqual(other.FeatureColumns)
        && (ClassValues is null ? other.ClassValues is null : other.ClassValues is not null && ClassValues.SequenceEqual(other.ClassValues));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MlNetVersion, Task, LabelColumn, ModelFile, Env, FeatureColumns.Count);
}
