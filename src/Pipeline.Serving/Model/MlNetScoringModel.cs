using Pipeline.Ml.Data;
using Pipeline.Ml.Packaging;
using Pipeline.Serving.Batch;
using Pipeline.Serving.Protocol;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Model;

/// <summary>
/// A packaged ML.NET model (<see cref="PackagedModel"/>) behind the scoring protocol. Classifiers answer the
/// original class values (as <c>long</c>, the signature's output type) or, with <c>predict_proba</c>, the class
/// probabilities in class order; regression answers doubles. Predictions equal <see cref="PackagedModel.Predict(DataTable)"/>
/// exactly: each request rents a pooled <see cref="MlNetRowScorer"/> and converts cells as offline scoring does
/// (to double, then to Single). Thread-safe.
/// </summary>
public sealed class MlNetScoringModel : IScoringModel, IDisposable
{
    private readonly ScoringEnginePool<MlNetRowScorer> _engines;
    private readonly string[] _features;
    private readonly object[] _labels;

    /// <summary>Wraps a loaded model.</summary>
    /// <param name="model">The verified, loaded model.</param>
    /// <param name="version">What <c>GET /version</c> answers, e.g. <c>breast-cancer/3</c>.</param>
    /// <param name="poolSize">Idle engines kept (at least 1).</param>
    /// <exception cref="FormatException">The signature in MLmodel cannot be served.</exception>
    /// <exception cref="InvalidOperationException">The pipeline cannot score single rows.</exception>
    public MlNetScoringModel(PackagedModel model, string version, int poolSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        Packaged = model;
        Version = version;
        _features = [.. model.FeatureColumns];
        InputSchema = model.Signature?.InputsJson is { } json
            ? ScoringSchema.FromMlflowJson(json)
            : new ScoringSchema(_features.Select(f => new ScoringColumnSpec(f, ScoringType.Double, true)));
        var unknown = _features.FirstOrDefault(f => InputSchema.IndexOf(f) < 0);
        if (unknown is not null)
            throw new FormatException($"The signature's inputs lack the model feature '{unknown}'.");
        if (!model.Transformer.IsRowToRowMapper)
            throw new InvalidOperationException("The model's ML.NET pipeline does not map single rows; it cannot be served.");
        _labels = model.ClassValues.Select(v => (object)(long)v).ToArray();
        _engines = new ScoringEnginePool<MlNetRowScorer>(() => new MlNetRowScorer(model.Transformer, _features, model.Task), poolSize);
    }

    /// <summary>The model being served.</summary>
    public PackagedModel Packaged { get; }

    /// <inheritdoc />
    public ScoringSchema InputSchema { get; }

    /// <inheritdoc />
    public string Version { get; }

    /// <inheritdoc />
    public bool SupportsProbabilities => Packaged.Task != TaskKind.Regression;

    /// <inheritdoc />
    public IReadOnlyList<object?> Predict(ScoringBatch batch, ScoringParams parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(parameters);
        var columns = _features.Select(f => batch.Find(f)).ToArray();
        return Score(batch.RowCount, (row, feature) => Cell(columns[feature], row), parameters.PredictProba && SupportsProbabilities);
    }

    /// <summary>
    /// Scores rows given as feature values in <see cref="PackagedModel.FeatureColumns"/> order (NaN for missing), as
    /// <see cref="Predict"/> does; the loader uses it to check the served path against offline scoring.
    /// </summary>
    internal IReadOnlyList<object?> Score(IReadOnlyList<IReadOnlyList<double>> rows, bool probabilities) =>
        Score(rows.Count, (row, feature) => rows[row][feature], probabilities);

    private object?[] Score(int rowCount, Func<int, int, double> cell, bool proba)
    {
        var predictions = new object?[rowCount];
        using var lease = _engines.Rent();
        var engine = lease.Engine;
        var features = engine.Features;
        for (var row = 0; row < rowCount; row++)
        {
            for (var f = 0; f < features.Length; f++)
                features[f] = (float)cell(row, f);
            var probabilities = proba ? new double[Packaged.ClassValues.Count] : null;
            var predicted = engine.Score(probabilities);
            predictions[row] = probabilities ?? Answer(predicted, row);
        }

        return predictions;
    }

    /// <summary>Disposes the pooled engines.</summary>
    public void Dispose() => _engines.Dispose();

    private object Answer(double predicted, int row)
    {
        if (Packaged.Task == TaskKind.Regression)
            return predicted;
        return predicted >= 0 && predicted < _labels.Length
            ? _labels[(int)predicted]
            : throw new ScoringException($"Row {row}: the model predicted no class for this input (a missing value?).");
    }

    // As offline scoring: every cell becomes a double first (missing: NaN), the model then takes it as Single.
    private static double Cell(ScoringColumn? column, int row)
    {
        if (column is null || column.IsNull(row))
            return double.NaN;
        return column.Type switch
        {
            ScoringType.Double => column.Doubles[row],
            ScoringType.Float => column.Floats[row],
            ScoringType.Long => column.Longs[row],
            ScoringType.Integer => column.Integers[row],
            ScoringType.Boolean => column.Booleans[row] ? 1 : 0,
            _ => throw new InvalidOperationException($"Column '{column.Name}' is a string column; the model takes numbers."),
        };
    }
}
