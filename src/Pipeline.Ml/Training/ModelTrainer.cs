using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Training;

/// <summary>
/// Fits, applies, saves and loads models. Every fit builds the same pipeline: Concatenate the features
/// into <see cref="FeaturesColumn"/> → NormalizeMeanVariance(fixZero: false), which matches scikit-learn's
/// StandardScaler → AppendCacheCheckpoint (iterative trainers re-read the normalised data) → the trainer.
/// Each fit uses a new <see cref="MLContext"/> seeded from the configuration, and trainers run single-threaded,
/// so the same data and configuration give the same model every run.
/// </summary>
public sealed class ModelTrainer
{
    /// <summary>The name of the concatenated feature vector column (reserved: no input column may use it).</summary>
    public const string FeaturesColumn = "Features";

    private readonly TrainerCatalog _catalog;
    private readonly TimeProvider _time;

    /// <summary>Creates a trainer over a catalog (default <see cref="TrainerCatalog.Default"/>) and a clock (default the system's).</summary>
    public ModelTrainer(TrainerCatalog? catalog = null, TimeProvider? time = null)
    {
        _catalog = catalog ?? TrainerCatalog.Default;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Fits the configured trainer on a whole table.</summary>
    /// <exception cref="ArgumentException">The table's task differs from the configuration's, or a column uses a reserved name.</exception>
    public TrainedModel Fit(DataTable train, TrainerConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(configuration);
        if (train.Task != configuration.Task)
            throw new ArgumentException($"The data is for {train.Task} but trainer '{configuration.Trainer}' is configured for {configuration.Task}.");
        if (train.FeatureNames.Contains(FeaturesColumn) || train.LabelName == FeaturesColumn)
            throw new ArgumentException($"Column name '{FeaturesColumn}' is reserved for the feature vector; rename that column.");

        var definition = _catalog.Get(configuration.Task, configuration.Trainer);
        var ml = new MLContext(configuration.Seed);
        var build = new TrainerBuildContext(configuration, train.LabelName, FeaturesColumn, train.RowCount);
        var estimator = ml.Transforms.Concatenate(FeaturesColumn, train.FeatureNames.ToArray())
            .Append(ml.Transforms.NormalizeMeanVariance(FeaturesColumn, fixZero: false))
            .AppendCacheCheckpoint(ml)
            .Append(definition.Create(ml, build));

        var started = _time.GetTimestamp();
        var transformer = estimator.Fit(new DataTableDataView(train, includeLabel: true));
        var elapsed = _time.GetElapsedTime(started);
        var inputSchema = new DataTableDataView(train, includeLabel: false).Schema;
        return new TrainedModel(transformer, inputSchema, configuration, train.FeatureNames, train.ClassValues, elapsed);
    }

    /// <summary>Applies a model to a table (its label is read as the truth, never passed to the model).</summary>
    public PredictionSet Predict(TrainedModel model, DataTable data)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Predict(model.Transformer, data, model.ClassValues);
    }

    /// <summary>
    /// Applies an ML.NET model (e.g. one loaded with <see cref="Load"/>) to a table. <paramref name="classValues"/>
    /// are the class values the model was trained on, in index order (empty for regression).
    /// </summary>
    /// <exception cref="ArgumentException">A label of the table is not one of the model's classes.</exception>
    public PredictionSet Predict(ITransformer model, DataTable data, IReadOnlyList<double> classValues)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        // Labels are checked before scoring so a wrong table fails fast.
        var actual = data.Task == TaskKind.Regression ? data.Labels.ToArray() : ClassIndicesOf(data.Labels, classValues);
        var (predicted, probabilities) = ModelScoring.Score(model, data, data.Task);
        return new PredictionSet(data.Task, data.Task == TaskKind.Regression ? [] : classValues, actual, predicted, probabilities);
    }

    /// <summary>Saves the model as ML.NET's zip (transformer chain plus input schema); an existing file is replaced.</summary>
    public static void Save(TrainedModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        new MLContext().Model.Save(model.Transformer, model.InputSchema, path);
    }

    /// <summary>Loads a model zip written by <see cref="Save"/>, with the input schema it was saved with.</summary>
    public static ITransformer Load(string path, out DataViewSchema inputSchema)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file not found: {path}", path);
        return new MLContext().Model.Load(path, out inputSchema);
    }

    private static double[] ClassIndicesOf(IReadOnlyList<double> labels, IReadOnlyList<double> classValues)
    {
        var index = classValues.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => (double)p.i);
        return labels.Select((l, row) => index.TryGetValue(l, out var i)
            ? i
            : throw new ArgumentException($"Row {row}: label {l} is not one of the model's classes ({string.Join(", ", classValues)}).")).ToArray();
    }
}
