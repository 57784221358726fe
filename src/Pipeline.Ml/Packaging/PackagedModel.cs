using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Models;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Packaging;

/// <summary>
/// A model directory written by <see cref="ModelPackager"/>, verified and loaded: what the scoring server
/// and the smoke test use. Its predictions are those of <see cref="ModelTrainer.Predict(TrainedModel, DataTable)"/>
/// on the in-memory model, mapped back to the original class values.
/// </summary>
public sealed partial class PackagedModel
{
    private PackagedModel(string directory, MlModel model, MlNetFlavor flavor, TaskKind task, ITransformer transformer)
    {
        Directory = directory;
        MlModel = model;
        Flavor = flavor;
        Task = task;
        Transformer = transformer;
        ClassValues = flavor.ClassValues ?? [];
    }

    /// <summary>The model directory.</summary>
    public string Directory { get; }

    /// <summary>The MLmodel content.</summary>
    public MlModel MlModel { get; }

    /// <summary>The <c>mlnet</c> flavor.</summary>
    public MlNetFlavor Flavor { get; }

    /// <summary>The task.</summary>
    public TaskKind Task { get; }

    /// <summary>The signature, if the model has one.</summary>
    public ModelSignature? Signature => MlModel.Signature;

    /// <summary>The feature columns the model takes, in order.</summary>
    public IReadOnlyList<string> FeatureColumns => Flavor.FeatureColumns;

    /// <summary>The class values in class-index order (empty for regression).</summary>
    public IReadOnlyList<double> ClassValues { get; }

    /// <summary>The loaded ML.NET pipeline.</summary>
    public ITransformer Transformer { get; }

    /// <summary>
    /// Verifies the directory against its manifest, reads <c>MLmodel</c> and loads the model file.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No such directory.</exception>
    /// <exception cref="ModelVerificationException">A file is missing or corrupt (the manifest itself included).</exception>
    /// <exception cref="ModelFormatException">MLmodel has no usable <c>mlnet</c> flavor, or the model file does not load or lacks a feature column.</exception>
    public static PackagedModel Load(string directory)
    {
        var problems = ModelDirectoryVerifier.Verify(directory).Where(p => p.Kind != ModelFileProblemKind.Unexpected).ToArray();
        if (problems.Length > 0) throw new ModelVerificationException(directory, problems);
        var source = Path.Combine(directory, MlModel.FileName);
        var model = MlModelReader.Read(directory);
        var flavor = model.MlNet ?? throw new ModelFormatException(
            $"{source}: no '{MlNetFlavor.FlavorName}' flavor (flavors: {string.Join(", ", model.OtherFlavors?.Keys ?? [])}); it was not written by this pipeline.");
        var task = TaskNames.Parse(flavor.Task, source);
        if (task != TaskKind.Regression && (flavor.ClassValues is null || flavor.ClassValues.Count < 2))
            throw new ModelFormatException($"{source}: flavors.mlnet.class_values is missing; a classifier's predictions cannot be mapped to class labels without it.");

        var modelPath = Path.Combine(directory, flavor.ModelFile);
        ITransformer transformer;
        DataViewSchema inputSchema;
        try
        {
            transformer = ModelTrainer.Load(modelPath, out inputSchema);
        }
        catch (Exception e) when (e is not FileNotFoundException)
        {
            throw new ModelFormatException($"{modelPath}: not a loadable ML.NET model ({e.GetType().Name}: {e.Message})", e);
        }

        var missing = flavor.FeatureColumns.FirstOrDefault(f => inputSchema.GetColumnOrNull(f) is null);
        if (missing is not null)
            throw new ModelFormatException($"{modelPath}: the model's input schema has no column '{missing}', which MLmodel lists as a feature.");
        return new PackagedModel(directory, model, flavor, task, transformer);
    }

    /// <summary>The saved input example (cells as <c>JsonElement</c>), or null when there is none.</summary>
    public InputExample? ReadInputExample() => MlModelReader.ReadInputExample(Directory, MlModel);

    /// <summary>
    /// Scores a labelled table exactly as offline evaluation does (<see cref="ModelTrainer.Predict(ITransformer, DataTable, IReadOnlyList{double})"/>),
    /// for metrics on the packaged model.
    /// </summary>
    /// <exception cref="ArgumentException">The table is for another task, or a label is not one of the model's classes.</exception>
    public PredictionSet Evaluate(DataTable labelled)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        if (labelled.Task != Task) throw new ArgumentException($"The table is for {labelled.Task}; the model is {Task}.", nameof(labelled));
        return new ModelTrainer().Predict(Transformer, Features(labelled.FeatureNames, labelled.RowCount, labelled.Row, labelled.Labels, Task), ClassValues);
    }
}
