using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Pipeline.Ml.Data;
using Pipeline.Ml.Models;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Packaging;

/// <summary>
/// Writes a trained model as an MLflow model directory (<see cref="MlModelWriter"/>): <c>model.zip</c>, an
/// <c>mlnet</c> flavor naming the features, label and class values, the signature MLflow would infer from
/// the training CSV read by pandas (each feature <c>long</c> or <c>double</c> as its column is written; the
/// output <c>long</c> class labels for classifiers, <c>double</c> for regression), the first sample rows as
/// the input example, <c>dotnet_env.json</c> from the loaded ML.NET assemblies and, given the training split
/// (<see cref="ModelPackageOptions.Training"/>), its profile as <c>training_profile.json</c>. The model itself takes
/// Single columns; <see cref="PackagedModel"/> converts.
/// </summary>
/// <param name="time">The clock for <c>utc_time_created</c>; default <see cref="TimeProvider.System"/>.</param>
public sealed class ModelPackager(TimeProvider? time = null)
{
    private readonly MlModelWriter _writer = new(time);

    /// <summary>Packages an in-memory model.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="schema">The schema of the data it was trained on (features in the model's order).</param>
    /// <param name="sample">Rows for the input example (e.g. the test split); null for none.</param>
    /// <param name="directory">The model directory; created, and must be empty if it exists.</param>
    /// <param name="options">Run id, pipeline version, example size; default <see cref="ModelPackageOptions"/>' defaults.</param>
    /// <returns>The MLmodel content written.</returns>
    /// <exception cref="ArgumentException">The schema does not fit the model, or the class values are not whole numbers.</exception>
    public MlModel Package(TrainedModel model, DataSchema schema, DataTable? sample, string directory, ModelPackageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(schema);
        var features = schema.Features.Select(c => c.Name).ToArray();
        if (!features.SequenceEqual(model.FeatureNames))
            throw new ArgumentException(
                $"The schema's features ({string.Join(", ", features)}) are not the model's ({string.Join(", ", model.FeatureNames)}).", nameof(schema));
        var package = Describe(schema, model.Configuration.Task, model.ClassValues, sample, options);
        package = package with { Profile = Profile(options?.Training, model.Transformer, model.ClassValues) };
        using var content = new MemoryStream();
        new MLContext().Model.Save(model.Transformer, model.InputSchema, content);
        content.Position = 0;
        return _writer.Write(directory, package, content);
    }

    /// <summary>Packages a model saved with <see cref="ModelTrainer.Save"/>.</summary>
    /// <param name="modelZipPath">The ML.NET model zip.</param>
    /// <param name="schema">The schema of the training data.</param>
    /// <param name="task">The model's task.</param>
    /// <param name="classValues">The class values the model was trained on, ascending (empty for regression).</param>
    /// <param name="sample">Rows for the input example; null for none.</param>
    /// <param name="directory">The model directory; created, and must be empty if it exists.</param>
    /// <param name="options">Run id, pipeline version, example size.</param>
    public MlModel Package(
        string modelZipPath, DataSchema schema, TaskKind task, IReadOnlyList<double> classValues,
        DataTable? sample, string directory, ModelPackageOptions? options = null)
    {
        if (!File.Exists(modelZipPath)) throw new FileNotFoundException($"Model file not found: {modelZipPath}", modelZipPath);
        var package = Describe(schema, task, classValues, sample, options);
        if (options?.Training is { } training)
            package = package with { Profile = Profile(training, ModelTrainer.Load(modelZipPath, out _), classValues) };
        return _writer.Write(directory, package, modelZipPath);
    }

    /// <summary>The metadata written with a model: flavor, environment, signature and input example.</summary>
    /// <exception cref="ArgumentException">Class values fewer than two, not ascending or not whole numbers; the sample lacks a feature.</exception>
    public static ModelPackage Describe(
        DataSchema schema, TaskKind task, IReadOnlyList<double> classValues, DataTable? sample, ModelPackageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(classValues);
        options ??= new ModelPackageOptions();
        CheckClasses(task, classValues);
        var features = schema.Features.ToArray();
        var environment = CaptureEnvironment();
        var flavor = new MlNetFlavor(
            environment.Packages["Microsoft.ML"], TaskNames.Of(task), schema.LabelColumn, features.Select(c => c.Name).ToArray(),
            ClassValues: task == TaskKind.Regression ? null : classValues.ToArray());
        var signature = new ModelSignature(
            features.Select(c => new ColumnSpec(c.IsInteger ? MlflowDataType.Long : MlflowDataType.Double, c.Name)).ToArray(),
            [new ColumnSpec(task == TaskKind.Regression ? MlflowDataType.Double : MlflowDataType.Long)]);
        var example = sample is null || options.ExampleRows <= 0 ? null : Example(features, sample, options.ExampleRows);
        return new ModelPackage(flavor, environment, signature, example, options.RunId, options.ArtifactPath, options.PipelineVersion);
    }

    /// <summary>The running process's .NET version and the versions of the ML.NET packages that load the model.</summary>
    public static ModelEnvironment CaptureEnvironment() => ModelEnvironment.Capture(
    [
        ("Microsoft.ML", typeof(MLContext).Assembly),
        ("Microsoft.ML.FastTree", typeof(FastTreeBinaryTrainer).Assembly),
        ("Microsoft.ML.LightGbm", typeof(LightGbmBinaryTrainer).Assembly),
    ]);

    /// <summary>The training split's profile with the model's predictions on it (one scoring pass: milliseconds for a few thousand rows).</summary>
    private static Profiling.TrainingProfile? Profile(DataTable? training, ITransformer model, IReadOnlyList<double> classValues)
    {
        if (training is null) return null;
        var predicted = new ModelTrainer().Predict(model, training, training.Task == TaskKind.Regression ? [] : classValues);
        var values = training.Task == TaskKind.Regression ? predicted.Predicted : predicted.Predicted.Select(i => i >= 0 && i < classValues.Count ? classValues[(int)i] : double.NaN).ToArray();
        return Profiling.TrainingProfiler.Compute(training, values);
    }

    private static void CheckClasses(TaskKind task, IReadOnlyList<double> classValues)
    {
        if (task == TaskKind.Regression)
        {
            if (classValues.Count > 0) throw new ArgumentException("A regression model has no class values.", nameof(classValues));
            return;
        }

        if (classValues.Count < 2)
            throw new ArgumentException($"A classifier needs two or more class values, got [{string.Join(", ", classValues)}].", nameof(classValues));
        for (var i = 0; i < classValues.Count; i++)
        {
            var v = classValues[i];
            if (v != Math.Floor(v) || Math.Abs(v) >= 1e15)
                throw new ArgumentException($"Class value {v} is not a whole number; the signature declares long class labels.", nameof(classValues));
            // The model's class indices follow the sorted class values (binary: index 1 is the larger).
            if (i > 0 && v <= classValues[i - 1])
                throw new ArgumentException($"Class values must be distinct and ascending, the model's class-index order; got [{string.Join(", ", classValues)}].", nameof(classValues));
        }
    }

    private static InputExample Example(DataColumn[] features, DataTable sample, int rows)
    {
        var index = features.Select(c => IndexOf(sample, c.Name)).ToArray();
        var cells = Enumerable.Range(0, Math.Min(rows, sample.RowCount)).Select(r =>
        {
            var row = sample.Row(r);
            return (IReadOnlyList<object?>)features.Select((c, i) => c.IsInteger ? (object?)(long)row[index[i]] : row[index[i]]).ToArray();
        }).ToArray();
        return new InputExample(features.Select(c => c.Name).ToArray(), cells);
    }

    private static int IndexOf(DataTable sample, string name)
    {
        for (var i = 0; i < sample.FeatureNames.Count; i++)
            if (sample.FeatureNames[i] == name) return i;
        throw new ArgumentException($"The sample rows have no column '{name}'; they need every feature of the model.", nameof(sample));
    }
}
